import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AnlaufstelleDB } from '../../../../renderer/src/db/db';
import { checkOffline, dropVerifier, MAX_OFFLINE_FAILURES, storeVerifier } from '../../../../renderer/src/auth/verifier';

/** Fewer rounds than in production (600,000), so the suite stays fast; the rule is the same. */
const ROUNDS = 1_000;
const account = { username: 'anna.wagner', staffId: 's-anna', displayName: 'Anna Wagner', roles: ['EZ' as const], homeSiteId: 'site-be' };
const NOW = new Date('2026-12-04T08:00:00Z');
const inDays = (d: number) => new Date(NOW.getTime() + d * 86_400_000).toISOString();

describe('issue 7 item 3: the offline verifier', () => {
  let db: AnlaufstelleDB;
  beforeEach(async () => {
    db = new AnlaufstelleDB(`test-${crypto.randomUUID()}`);
    await db.open();
  });
  afterEach(() => db.delete());

  it('is stored hashed: neither the password nor its plain bytes are in the database', async () => {
    await storeVerifier(db, account, 'geheim-geheim-1', inDays(7), null, ROUNDS);
    const row = await db.verifiers.get('anna.wagner');
    expect(JSON.stringify(row)).not.toContain('geheim');
    expect(row?.hash).toMatch(/^[A-Za-z0-9+/]{43}=$/);
  });

  it('lets the person in with the right password, with the roles of the last online sign-in', async () => {
    await storeVerifier(db, account, 'geheim-geheim-1', inDays(7), null, ROUNDS);
    expect(await checkOffline(db, 'Anna.Wagner ', 'geheim-geheim-1', NOW)).toEqual({ ok: true, account, grant: null });
  });

  it('is valid for the offline period only (7 days after the online sign-in)', async () => {
    await storeVerifier(db, account, 'geheim-geheim-1', inDays(7), null, ROUNDS);
    expect(await checkOffline(db, 'anna.wagner', 'geheim-geheim-1', new Date(Date.parse(inDays(7)) + 1))).toEqual({ ok: false, reason: 'expired' });
  });

  it('five wrong passwords lock it – then even the right one is refused until the next online sign-in', async () => {
    await storeVerifier(db, account, 'geheim-geheim-1', inDays(7), null, ROUNDS);
    for (let i = 1; i < MAX_OFFLINE_FAILURES; i++) {
      expect(await checkOffline(db, 'anna.wagner', `falsch-${i}`, NOW)).toEqual({ ok: false, reason: 'wrong-password', failuresLeft: MAX_OFFLINE_FAILURES - i });
    }
    expect(await checkOffline(db, 'anna.wagner', 'falsch-5', NOW)).toEqual({ ok: false, reason: 'locked' });
    expect(await checkOffline(db, 'anna.wagner', 'geheim-geheim-1', NOW)).toEqual({ ok: false, reason: 'locked' });
    // An online sign-in stores a fresh verifier: the count starts again.
    await storeVerifier(db, account, 'geheim-geheim-1', inDays(7), null, ROUNDS);
    expect((await checkOffline(db, 'anna.wagner', 'geheim-geheim-1', NOW)).ok).toBe(true);
  });

  it('a right password resets the count of wrong ones', async () => {
    await storeVerifier(db, account, 'geheim-geheim-1', inDays(7), null, ROUNDS);
    for (let i = 0; i < MAX_OFFLINE_FAILURES - 1; i++) await checkOffline(db, 'anna.wagner', 'falsch', NOW);
    expect((await checkOffline(db, 'anna.wagner', 'geheim-geheim-1', NOW)).ok).toBe(true);
    expect(await checkOffline(db, 'anna.wagner', 'falsch', NOW)).toMatchObject({ reason: 'wrong-password', failuresLeft: MAX_OFFLINE_FAILURES - 1 });
  });

  it('keeps the sign-in’s grant sealed: not in the database in plain, opened only by the right password', async () => {
    const grant = crypto.getRandomValues(new Uint8Array(32));
    await storeVerifier(db, account, 'geheim-geheim-1', inDays(7), grant, ROUNDS);
    const row = await db.verifiers.get('anna.wagner');
    const plain = btoa(String.fromCharCode(...grant));
    expect(JSON.stringify(row)).not.toContain(plain);
    expect(row?.sealedGrant?.data).toBeTruthy();
    const opened = await checkOffline(db, 'anna.wagner', 'geheim-geheim-1', NOW);
    expect(opened.ok && [...(opened.grant ?? [])]).toEqual([...grant]);
    expect(await checkOffline(db, 'anna.wagner', 'falsch', NOW)).toMatchObject({ ok: false, reason: 'wrong-password' });
  });

  it('a changed seal does not open (AES-GCM): the person signs in, without a grant', async () => {
    await storeVerifier(db, account, 'geheim-geheim-1', inDays(7), crypto.getRandomValues(new Uint8Array(32)), ROUNDS);
    const row = (await db.verifiers.get('anna.wagner'))!;
    const data = atob(row.sealedGrant!.data);
    const flipped = String.fromCharCode(data.charCodeAt(0) ^ 1) + data.slice(1);
    await db.verifiers.update('anna.wagner', { sealedGrant: { ...row.sealedGrant!, data: btoa(flipped) } });
    expect(await checkOffline(db, 'anna.wagner', 'geheim-geheim-1', NOW)).toEqual({ ok: true, account, grant: null });
  });

  it('a verifier stored before grants (the PBKDF2 result itself, no kdf) still lets its person in, without a grant', async () => {
    const salt = crypto.getRandomValues(new Uint8Array(16));
    const key = await crypto.subtle.importKey('raw', new TextEncoder().encode('geheim-geheim-1'), 'PBKDF2', false, ['deriveBits']);
    const hash = new Uint8Array(await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations: ROUNDS }, key, 256));
    const b64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
    await db.verifiers.put({ ...account, salt: b64(salt), hash: b64(hash), iterations: ROUNDS, offlineUntil: inDays(7), failures: 0, locked: false });
    expect(await checkOffline(db, 'anna.wagner', 'geheim-geheim-1', NOW)).toEqual({ ok: true, account, grant: null });
    expect(await checkOffline(db, 'anna.wagner', 'falsch', NOW)).toMatchObject({ ok: false, reason: 'wrong-password' });
  });

  it('someone who never signed in at this PC, or whose account was disabled, has none', async () => {
    expect(await checkOffline(db, 'ben.schwarz', 'x', NOW)).toEqual({ ok: false, reason: 'unknown' });
    await storeVerifier(db, account, 'geheim-geheim-1', inDays(7), null, ROUNDS);
    await dropVerifier(db, 'anna.wagner');
    expect(await checkOffline(db, 'anna.wagner', 'geheim-geheim-1', NOW)).toEqual({ ok: false, reason: 'unknown' });
  });
});
