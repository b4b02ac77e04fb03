import type { AnlaufstelleDB } from '../db';

// Crockford's base32 without I, L, O, U: readable over the phone.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const DIGITS = '0123456789';

const pick = (alphabet: string, n: number) => Array.from(crypto.getRandomValues(new Uint8Array(n)), (b) => alphabet[b % alphabet.length]).join('');

/**
 * A short, unique, unguessable reference for the receipt, e.g. "BE-A7K3F9".
 *
 * Issue 6 item 6: with its desk code (a letter the sync service gives each PC of a site) the PC's
 * references start with that letter, so they can only collide with its own – which it checks. A PC
 * without a code (never connected, or no service) starts with a digit: it cannot collide with any
 * coded reference, and only with another code-less PC's in the moment before they have synced.
 * (Crockford's alphabet has 24 values after the code and ~31 bits in the code-less form.)
 */
export async function makeTicketRef(db: AnlaufstelleDB, siteCode: string, deskCode: string | null = null): Promise<string> {
  for (;;) {
    const ref = `${siteCode}-${deskCode ?? pick(DIGITS, 1)}${pick(ALPHABET, 5)}`;
    if ((await db.tickets.where('ref').equals(ref).count()) === 0) return ref;
  }
}
