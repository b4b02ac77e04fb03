import type { AccountInfo } from '@shared/auth/sign-in';
import type { AnlaufstelleDB } from '../db/db';
import type { VerifierRow } from './local-tables';

/**
 * The offline verifier (issue 7 item 3). WebCrypto's PBKDF2 – native in Chromium and Node, no
 * WebAssembly (the CSP stays without 'wasm-unsafe-eval') – with SHA-256 and 600,000 rounds (OWASP's
 * 2023 figure), a random 16-byte salt per person and sign-in.
 */
export const PBKDF2_ROUNDS = 600_000;
export const MAX_OFFLINE_FAILURES = 5;

const b64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const unb64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/** The key derivation of a verifier row: 1 = the PBKDF2 result itself stored (rows before grants). */
export const VERIFIER_KDF = 2;

/**
 * One PBKDF2 run (never stored); HKDF-SHA-256 splits it into the stored hash and the AES-GCM key
 * that seals the sign-in's grant (issue 7 item 3, shared/auth/proof.ts) – only the password opens
 * the grant, the stored hash does not, and a sign-in costs one PBKDF2, not two. Rows of kdf 1 (no
 * grant) keep the PBKDF2 result as their hash.
 */
async function derive(password: string, salt: Uint8Array<ArrayBuffer>, iterations: number, kdf: number): Promise<{ hash: Uint8Array; sealKey: Uint8Array<ArrayBuffer> | null }> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, ['deriveBits']);
  const master = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, 256);
  if (kdf < 2) return { hash: new Uint8Array(master), sealKey: null };
  const hkdf = await crypto.subtle.importKey('raw', master, 'HKDF', false, ['deriveBits']);
  const part = async (info: string) =>
    new Uint8Array(await crypto.subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: new TextEncoder().encode(info) }, hkdf, 256));
  return { hash: await part('anlaufstelle verifier'), sealKey: await part('anlaufstelle grant seal') };
}

async function seal(sealKey: Uint8Array<ArrayBuffer>, grant: Uint8Array<ArrayBuffer>): Promise<{ iv: string; data: string }> {
  const key = await crypto.subtle.importKey('raw', sealKey, 'AES-GCM', false, ['encrypt']);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  return { iv: b64(iv), data: b64(new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, grant))) };
}

async function unseal(sealKey: Uint8Array<ArrayBuffer>, sealed: { iv: string; data: string }): Promise<Uint8Array | null> {
  try {
    const key = await crypto.subtle.importKey('raw', sealKey, 'AES-GCM', false, ['decrypt']);
    return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: unb64(sealed.iv) }, key, unb64(sealed.data)));
  } catch {
    return null;
  }
}

/** Constant time over the whole length: a wrong password takes as long wherever it differs. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

/** After every online sign-in: a fresh verifier (with the sign-in's grant sealed), the failure count back to zero. */
export async function storeVerifier(
  db: AnlaufstelleDB,
  account: AccountInfo,
  password: string,
  offlineUntil: string,
  grant: Uint8Array | null = null,
  iterations = PBKDF2_ROUNDS,
): Promise<void> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const { hash, sealKey } = await derive(password, salt, iterations, VERIFIER_KDF);
  const row: VerifierRow = {
    username: account.username,
    staffId: account.staffId,
    displayName: account.displayName,
    roles: account.roles,
    homeSiteId: account.homeSiteId,
    salt: b64(salt),
    hash: b64(hash),
    iterations,
    offlineUntil,
    failures: 0,
    locked: false,
    kdf: VERIFIER_KDF,
    ...(grant && sealKey ? { sealedGrant: await seal(sealKey, Uint8Array.from(grant)) } : {}),
  };
  await db.verifiers.put(row);
}

export type OfflineCheck =
  | { ok: true; account: AccountInfo; grant: Uint8Array | null }
  | { ok: false; reason: 'unknown' | 'expired' | 'locked' | 'wrong-password'; failuresLeft?: number };

/**
 * Checks a password against the stored verifier. Counts failures; the fifth locks the verifier
 * until the person signs in online again (issue 7 item 3: "wrong passwords lock it after 5 tries").
 */
export async function checkOffline(db: AnlaufstelleDB, username: string, password: string, now = new Date()): Promise<OfflineCheck> {
  const row = await db.verifiers.get(username.trim().toLowerCase());
  if (!row) return { ok: false, reason: 'unknown' };
  if (row.locked) return { ok: false, reason: 'locked' };
  if (Date.parse(row.offlineUntil) <= now.getTime()) return { ok: false, reason: 'expired' };
  const { hash, sealKey } = await derive(password, unb64(row.salt), row.iterations, row.kdf ?? 1);
  if (sameBytes(hash, unb64(row.hash))) {
    if (row.failures > 0) await db.verifiers.update(row.username, { failures: 0 });
    const { username: u, staffId, displayName, roles, homeSiteId } = row;
    const grant = row.sealedGrant && sealKey ? await unseal(sealKey, row.sealedGrant) : null;
    return { ok: true, account: { username: u, staffId, displayName, roles, homeSiteId }, grant };
  }
  const failures = row.failures + 1;
  const locked = failures >= MAX_OFFLINE_FAILURES;
  await db.verifiers.update(row.username, { failures, locked });
  return locked ? { ok: false, reason: 'locked' } : { ok: false, reason: 'wrong-password', failuresLeft: MAX_OFFLINE_FAILURES - failures };
}

/** A disabled account (the service said so) keeps no way in at this PC. */
export async function dropVerifier(db: AnlaufstelleDB, username: string): Promise<void> {
  await db.verifiers.delete(username.trim().toLowerCase());
}
