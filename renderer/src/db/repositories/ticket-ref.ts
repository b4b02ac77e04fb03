import type { AnlaufstelleDB } from '../db';

// Crockford's base32 without I, L, O, U: readable over the phone.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A short, unique, unguessable reference for the receipt, e.g. "BE-7K3F9Q". */
export async function makeTicketRef(db: AnlaufstelleDB, siteCode: string): Promise<string> {
  for (;;) {
    const bytes = crypto.getRandomValues(new Uint8Array(6));
    const ref = `${siteCode}-${Array.from(bytes, (b) => ALPHABET[b % 32]).join('')}`;
    if ((await db.tickets.where('ref').equals(ref).count()) === 0) return ref;
  }
}
