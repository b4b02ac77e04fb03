import { DESK_CODE_PATTERN } from '@shared/sync/desk-code';
import type { AnlaufstelleDB } from '../db/db';

/**
 * This PC's desk code at a site (issue 6 item 6), kept in the sync state once the service has
 * assigned it. Read inside the recording transaction (visits.ts), so it must stay a plain read.
 */
const key = (siteId: string) => `deskCode:${siteId}`;

export async function deskCodeFor(db: AnlaufstelleDB, siteId: string): Promise<string | null> {
  const row = await db.syncState.get(key(siteId));
  return typeof row?.value === 'string' && DESK_CODE_PATTERN.test(row.value) ? row.value : null;
}

/** Stores the service's answer; an answer that is not a code is ignored (the PC numbers without one). */
export async function storeDeskCode(db: AnlaufstelleDB, siteId: string, code: string): Promise<void> {
  if (DESK_CODE_PATTERN.test(code)) await db.syncState.put({ key: key(siteId), value: code });
}
