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
    await storeVerifier(db, account, 'geheim-geheim-1', inDays(7), ROUNDS);
    const row = await db.verifiers.get('anna.wagner');
    expect(JSON.stringify(row)).not.toContain('geheim');
    expect(row?.hash).toMatch(/^[A-Za-z0-9+/]{43}=$/);
  });

  it('lets the person in with the right password, with the roles of the last online sign-in', async () => {
    await storeVerifier(db, account, 'geheim-geheim-1', inDays(7), ROUNDS);
    expect(await checkOffline(db, 'Anna.Wagner ', 'geheim-geheim-1', NOW)).toEqual({ ok: true, account });
  });

  it('is valid for the offline period only (7 days after the online sign-in)', async () => {
    await storeVerifier(db, account, 'geheim-geheim-1', inDays(7), ROUNDS);
    expect(await checkOffline(db, 'anna.wagner', 'geheim-geheim-1', new Date(Date.parse(inDays(7)) + 1))).toEqual({ ok: false, reason: 'expired' });
  });

  it('five wrong passwords lock it – then even the right one is refused until the next online sign-in', async () => {
    await storeVerifier(db, account, 'geheim-geheim-1', inDays(7), ROUNDS);
    for (let i = 1; i < MAX_OFFLINE_FAILURES; i++) {
      expect(await checkOffline(db, 'anna.wagner', `falsch-${i}`, NOW)).toEqual({ ok: false, reason: 'wrong-password', failuresLeft: MAX_OFFLINE_FAILURES - i });
    }
    expect(await checkOffline(db, 'anna.wagner', 'falsch-5', NOW)).toEqual({ ok: false, reason: 'locked' });
    expect(await checkOffline(db, 'anna.wagner', 'geheim-geheim-1', NOW)).toEqual({ ok: false, reason: 'locked' });
    // An online sign-in stores a fresh verifier: the count starts again.
    await storeVerifier(db, account, 'geheim-geheim-1', inDays(7), ROUNDS);
    expect((await checkOffline(db, 'anna.wagner', 'geheim-geheim-1', NOW)).ok).toBe(true);
  });

  it('a right password resets the count of wrong ones', async () => {
    await storeVerifier(db, account, 'geheim-geheim-1', inDays(7), ROUNDS);
    for (let i = 0; i < MAX_OFFLINE_FAILURES - 1; i++) await checkOffline(db, 'anna.wagner', 'falsch', NOW);
    expect((await checkOffline(db, 'anna.wagner', 'geheim-geheim-1', NOW)).ok).toBe(true);
    expect(await checkOffline(db, 'anna.wagner', 'falsch', NOW)).toMatchObject({ reason: 'wrong-password', failuresLeft: MAX_OFFLINE_FAILURES - 1 });
  });

  it('someone who never signed in at this PC, or whose account was disabled, has none', async () => {
    expect(await checkOffline(db, 'ben.schwarz', 'x', NOW)).toEqual({ ok: false, reason: 'unknown' });
    await storeVerifier(db, account, 'geheim-geheim-1', inDays(7), ROUNDS);
    await dropVerifier(db, 'anna.wagner');
    expect(await checkOffline(db, 'anna.wagner', 'geheim-geheim-1', NOW)).toEqual({ ok: false, reason: 'unknown' });
  });
});
