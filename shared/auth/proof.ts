import { hmac } from '@noble/hashes/hmac';
import { sha256 } from '@noble/hashes/sha256';

/**
 * Issue 7 item 3, narrowed: a PC may write in a person's name only while that person's password
 * was entered at it. At every online sign-in the service hands the PC a fresh random *grant* for
 * that sign-in; the PC keeps it in memory while the person is signed in and, for the offline
 * period, only encrypted with a key derived from the password (renderer/src/auth/verifier.ts).
 *
 * Every change the person makes carries a proof: HMAC-SHA-256 under the grant over the record and
 * the author. The service accepts a change in a person's name when the request carries that
 * person's live sign-in, or when the proof matches a grant of that person's sign-in at this very PC
 * within the offline period. Whoever holds the PC afterwards without the password (a colleague at
 * a shared counter, a stolen disk) cannot make such proofs for records the person never touched.
 *
 * Synchronous (noble-hashes): the proof is made inside the write's Dexie transaction, which an
 * awaited WebCrypto call would end.
 */

export const GRANT_BYTES = 32;
/** base64url of 32 bytes, no padding. */
export const PROOF_PATTERN = /^[A-Za-z0-9_-]{43}$/;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = [(n >> 18) & 63, (n >> 12) & 63, (n >> 6) & 63, n & 63].map((c) => ALPHABET[c]);
    out += chars.slice(0, Math.min(4, bytes.length - i + 1)).join('');
  }
  return out;
}

export function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i += 4) {
    const chunk = text.slice(i, i + 4);
    const n = [...chunk].reduce((acc, c, k) => acc | (ALPHABET.indexOf(c) << (18 - 6 * k)), 0);
    bytes.push((n >> 16) & 255);
    if (chunk.length > 2) bytes.push((n >> 8) & 255);
    if (chunk.length > 3) bytes.push(n & 255);
  }
  return Uint8Array.from(bytes);
}

/** What a proof vouches for: this record, written by this person (a JSON array: no field runs into the next). */
const message = (table: string, recordId: string, author: string) => new TextEncoder().encode(JSON.stringify(['anlaufstelle-proof-1', table, recordId, author]));

export function signProof(grant: Uint8Array, table: string, recordId: string, author: string): string {
  return toBase64Url(hmac(sha256, grant, message(table, recordId, author)));
}

/** Constant time over the whole proof. */
export function verifyProof(grant: Uint8Array, table: string, recordId: string, author: string, proof: string): boolean {
  const given = PROOF_PATTERN.test(proof) ? fromBase64Url(proof) : null;
  if (!given || given.length !== 32) return false;
  const expected = hmac(sha256, grant, message(table, recordId, author));
  let diff = 0;
  for (let i = 0; i < 32; i++) diff |= given[i]! ^ expected[i]!;
  return diff === 0;
}
