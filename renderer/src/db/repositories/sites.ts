import type { Site, SiteStaffingInput } from '@shared/model';
import { siteStaffingInputSchema } from '@shared/model';
import type { AnlaufstelleDB } from '../db';
import { isLive, logChange, NotFoundError, parseOrThrow, stampUpdate, type WriteContext } from './base';

/**
 * Opening sessions and minimum staff of a site (issue #3 item 2; seed §4.1 default Mo, Di, Do, Fr
 * 08:00–12:00; SPEC §6 minimum 1). Reads for the counter stay in directory.ts (listSites).
 *
 * Roster entries of sessions that a new schedule drops stay stored but leave the board (it shows
 * only scheduled sessions); new sessions are filled by the next draft of their week.
 */
export async function updateSiteStaffing(
  db: AnlaufstelleDB,
  siteId: string,
  raw: SiteStaffingInput,
  ctx: WriteContext,
): Promise<Site> {
  const input = parseOrThrow(siteStaffingInputSchema, raw);
  return db.transaction('rw', [db.sites, db.outbox], async () => {
    const site = await db.sites.get(siteId);
    if (!isLive(site)) throw new NotFoundError('Dieser Standort ist unbekannt.');
    const next = stampUpdate({ ...site, minStaff: input.minStaff, sessions: input.sessions }, ctx);
    await db.sites.put(next);
    await logChange(db, 'sites', siteId, 'put', ctx);
    return next;
  });
}
