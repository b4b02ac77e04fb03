/**
 * Desk codes (issue 6 item 6): the letter a PC puts in front of the call numbers and ticket
 * references it hands out at one site, so two PCs of a site never hand out the same one – not even
 * while one of them is offline. The sync service assigns them, one per PC and site, in this order.
 *
 * Crockford's letters only (no I, L, O, U): a code is also the first character of a ticket reference,
 * whose alphabet has no such letters, and they are read out over the phone. 22 one-letter codes,
 * then two letters ("AA", "AB", …) for a site with more PCs than that.
 */
export const DESK_CODE_LETTERS = 'ABCDEFGHJKMNPQRSTVWXYZ';

/** The code number `index` (0-based) of a site: 0 → "A", 21 → "Z", 22 → "AA", 23 → "AB" … */
export function deskCodeAt(index: number): string {
  if (!Number.isSafeInteger(index) || index < 0) throw new RangeError(`Ungültige Platznummer: ${index}`);
  const n = DESK_CODE_LETTERS.length;
  if (index < n) return DESK_CODE_LETTERS[index]!;
  const rest = index - n;
  if (rest >= n * n) throw new RangeError('Mehr als 506 Plätze an einem Standort werden nicht unterstützt.');
  return DESK_CODE_LETTERS[Math.floor(rest / n)]! + DESK_CODE_LETTERS[rest % n]!;
}

export const DESK_CODE_PATTERN = /^[ABCDEFGHJKMNPQRSTVWXYZ]{1,2}$/;

/** The call number a PC with `code` hands out as its `n`-th of the day: "Nr. A 005". */
export function codedCallNumber(code: string, n: number): string {
  return `Nr. ${code} ${String(n).padStart(3, '0')}`;
}

/** The running number of a call number `label` handed out under `code`, or null for any other label. */
export function callNumberOf(label: string, code: string): number | null {
  const m = /^Nr\. ([A-Z]{1,2}) (\d{3,})$/.exec(label);
  return m && m[1] === code ? Number(m[2]) : null;
}
