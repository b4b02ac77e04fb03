import { canDecide, cellOf, coverageDataFrom, type CoverageData } from '../../shared/domain/coverage';
import { COVER_SOURCE_LABELS } from '../../shared/model/staffing';
import { ROLE_LABELS } from '../../shared/model/vocabulary';
import type { RejectionCode, SyncedTable } from '../../shared/sync/protocol';
import type { Queryable } from './db';

/**
 * Issue 6 item 3: a cover decision taken on one PC is final for all; two deciders accepting
 * different people for the same gap cannot both win. The PC already checks all of this against its
 * own board (renderer/src/db/repositories/cover.ts); the server trusts no PC and checks again,
 * inside the push group's transaction, against the board of the data it holds:
 *
 * - `canDecide`: the person named as decider holds the role the proposal needs (seed §4.5);
 * - the gap is still open at the server: a decision that arrives after another one filled the gap
 *   is refused, naming who decided first;
 * - `planDeskCover`: where the server holds the roster of that session, the person must be one of
 *   the board's proposals there, with the same source and decider;
 * - double duty: after the group, nobody has two live desk entries in one session (`checkDutyAfter`).
 *
 * A session whose roster the server does not hold (a PC's demo roster never leaves the PC) is
 * judged by the gap and the decider only: the server cannot propose from a roster it never saw.
 */

export interface CoverRefusal {
  code: RejectionCode;
  message: string;
}

interface Row {
  tbl: SyncedTable;
  data: Record<string, unknown>;
}

/** The coverage data of one date from the server's records, built like a PC's (coverageDataFrom). */
async function coverageDataOn(q: Queryable, tenant: string, date: string, without: string): Promise<CoverageData> {
  const { rows } = await q.query<Row>(
    `SELECT tbl, data FROM records WHERE tenant_id = $1 AND (
       tbl IN ('sites', 'staff')
       OR (tbl IN ('shifts', 'closures', 'coverDecisions') AND data->>'date' = $2)
       OR (tbl = 'absences' AND data->>'from' <= $2 AND data->>'to' >= $2))`,
    [tenant, date],
  );
  const of = (t: SyncedTable) => rows.filter((r) => r.tbl === t).map((r) => r.data) as never[];
  // The judged decision's own cover shift does not fill (or plan) its gap: after a restore the PCs
  // re-send records one by one, and a change may touch a decision the server already holds.
  return coverageDataFrom({
    sites: of('sites'),
    staff: of('staff'),
    shifts: of('shifts').filter((s: { coverDecisionId?: string | null }) => s.coverDecisionId !== without),
    absences: of('absences'),
    closures: of('closures'),
    decisions: of('coverDecisions').filter((d: { id: string }) => d.id !== without),
  });
}

const nameOf = (data: CoverageData, id: string) => data.staff.find((s) => s.id === id)?.name ?? 'Unbekannt';

/**
 * The fields that make a decision what it is: a change to an existing decision that writes one of
 * them is judged like a new decision (a PC could otherwise accept a person by editing a rejection).
 */
export const DECISIVE_FIELDS = ['siteId', 'date', 'sessionStart', 'staffId', 'source', 'decidedBy', 'decidedByStaffId', 'status'] as const;

/** Whether a put to an existing decision changes what was decided (and must be judged again). */
export function changesDecision(stored: Record<string, unknown>, next: Record<string, unknown>): boolean {
  if (next.deletedAt != null) return false;
  return DECISIVE_FIELDS.some((f) => stored[f] !== next[f]);
}

/** Checks a cover decision (new, or changed in what it decides) before its group is applied; null when it may stand. */
export async function checkCoverDecision(q: Queryable, tenant: string, decision: Record<string, unknown>): Promise<CoverRefusal | null> {
  const siteId = String(decision.siteId);
  const date = String(decision.date);
  const sessionStart = String(decision.sessionStart);
  const staffId = String(decision.staffId);
  const decidedBy = decision.decidedBy as 'FM' | 'TL_EZ' | 'TL_LB';
  const data = await coverageDataOn(q, tenant, date, String(decision.id));

  const decider = data.staff.find((s) => s.id === decision.decidedByStaffId);
  if (!decider || !canDecide(decider, decidedBy, siteId)) {
    const who = decider?.name ?? 'Die genannte Person';
    return { code: 'cover.not-allowed', message: `${who} darf über diese Vertretung nicht entscheiden (entscheidet: ${ROLE_LABELS[decidedBy]}).` };
  }
  if (decision.status !== 'accepted') return null;

  // The board as it stood when the decision was taken (an offline PC's decision arrives later).
  const cell = cellOf(data, siteId, date, sessionStart, new Date(String(decision.createdAt)));
  if (!cell || cell.status === 'closed') {
    return { code: 'cover.gap-closed', message: 'Die Anlaufstelle hat zu dieser Zeit keine Öffnungszeit (mehr); die Vertretung wurde nicht eingetragen.' };
  }
  if (cell.present >= cell.minStaff) {
    const first = cell.accepted.find((d) => d.staffId !== staffId) ?? cell.accepted[0];
    const by = first
      ? `Vertretung durch ${nameOf(data, first.staffId)} (${COVER_SOURCE_LABELS[first.source]}), entschieden von ${nameOf(data, first.decidedByStaffId)}`
      : 'die Öffnungszeit ist inzwischen besetzt';
    return { code: 'cover.already-decided', message: `Bereits entschieden: ${by}. Ihre Entscheidung wurde nicht übernommen.` };
  }
  if (cell.planned) {
    const proposal = cell.proposals.find((p) => p.staffId === staffId);
    if (!proposal || proposal.source !== decision.source || proposal.decidedBy !== decidedBy) {
      return {
        code: 'cover.not-proposed',
        message: `${nameOf(data, staffId)} ist für diese Öffnungszeit kein aktueller Vorschlag mehr – die Besetzung hat sich inzwischen geändert. Bitte die Übersicht prüfen.`,
      };
    }
  }
  return null;
}

/** After the group: the stand-in of an accepted decision stands at one desk per session. */
export async function checkDutyAfter(q: Queryable, tenant: string, decision: Record<string, unknown>): Promise<CoverRefusal | null> {
  if (decision.status !== 'accepted' || decision.deletedAt != null) return null;
  const { rows } = await q.query<{ site: string }>(
    `SELECT s.data->>'name' AS site FROM records r
       LEFT JOIN records s ON s.tenant_id = r.tenant_id AND s.tbl = 'sites' AND s.id = r.data->>'siteId'
     WHERE r.tenant_id = $1 AND r.tbl = 'shifts' AND r.deleted_at IS NULL
       AND r.data->>'staffId' = $2 AND r.data->>'date' = $3 AND r.data->>'sessionStart' = $4`,
    [tenant, String(decision.staffId), String(decision.date), String(decision.sessionStart)],
  );
  if (rows.length <= 1) return null;
  const { rows: who } = await q.query<{ name: string }>("SELECT data->>'name' AS name FROM records WHERE tenant_id = $1 AND tbl = 'staff' AND id = $2", [
    tenant,
    String(decision.staffId),
  ]);
  const sites = [...new Set(rows.map((r) => r.site ?? '?'))].join(' und ');
  return {
    code: 'cover.double-duty',
    message: `${who[0]?.name ?? 'Diese Person'} stünde in dieser Öffnungszeit an zwei Plätzen (${sites}); die Vertretung wurde nicht eingetragen.`,
  };
}
