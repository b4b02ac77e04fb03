import { addDays, berlinDate } from '@shared/domain/calendar';
import type { Site, SiteStaffingInput } from '@shared/model';
import { siteStaffingInputSchema } from '@shared/model';
import type { AnlaufstelleDB } from '../db';
import { checkContext, checkId, isLive, logChange, NotFoundError, parseOrThrow, stampUpdate, type WriteContext } from './base';
import { boardNoticeTables, notified, withBoardNotices, type Notified } from './board-notices';

/**
 * Opening sessions and minimum staff of a site (issue #3 item 2; seed §4.1 default Mo, Di, Do, Fr
 * 08:00–12:00; SPEC §6 minimum 1). Reads for the counter stay in directory.ts (listSites).
 *
 * Roster entries of sessions that a new schedule drops stay stored but leave the board (it shows
 * only scheduled sessions); new sessions are filled by the next draft of their week. A raised
 * minimum (or a changed schedule) can open gaps in weeks already drafted: they are told at once
 * (seed §4.5 "so früh wie möglich"), for the drafted dates from today on.
 */
export async function updateSiteStaffing(
  db: AnlaufstelleDB,
  siteId: string,
  raw: SiteStaffingInput,
  ctx: WriteContext,
): Promise<{ site: Site } & Notified> {
  checkId(siteId, 'den Standort');
  checkContext(ctx);
  const input = parseOrThrow(siteStaffingInputSchema, raw);
  return db.transaction('rw', boardNoticeTables(db), async () => {
    const site = await db.sites.get(siteId);
    if (!isLive(site)) throw new NotFoundError('Dieser Standort ist unbekannt.');
    const next = stampUpdate({ ...site, minStaff: input.minStaff, sessions: input.sessions }, ctx);
    const today = berlinDate(ctx.now);
    // Cut at the last drafted date by withBoardNotices; a year ahead bounds the lookup.
    const messages = await withBoardNotices(db, [{ from: today, to: addDays(today, 366) }], ctx, {
      write: async () => {
        await db.sites.put(next);
        await logChange(db, 'sites', siteId, 'put', ctx);
      },
      cause: `Besetzung der Anlaufstelle ${site.name} geändert: Mindestbesetzung ${next.minStaff}.`,
      trigger: `site:${siteId}:${next.updatedAt}`,
      refs: { siteId },
    });
    return { site: next, ...notified(messages, ctx) };
  });
}
