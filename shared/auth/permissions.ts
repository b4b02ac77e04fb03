import { canDecide } from '../domain/coverage';
import { absenceRetentionStart, ANONYMISED, coverNoteCutoffDate, inboxRetentionStart, retentionCutoff, ticketRetentionStart } from '../domain/retention';
import type { CoverDeciderRole } from '../model/staffing';
import { departmentsOf, type Role } from '../model/vocabulary';

/**
 * Who may do what (issue 7 item 5, SPEC §8). ONE pure function, `can`, decides; the sync service
 * runs it on every change a PC sends, the UI runs it to offer only what is allowed. Each rule
 * names the sentence of SPEC §8 or seed §4.5 it follows; the tests in
 * test/unit/shared/auth/permissions.test.ts are named after the same sentences.
 *
 * Two parties act together: the signed-in PERSON (roles, home site) and the enrolled PC (its site
 * and profile: counter, office, lead). A counter clerk records visits of the site where the PC
 * stands, not of any site she could name.
 */

export const PROFILES = ['counter', 'office', 'lead'] as const;
export type Profile = (typeof PROFILES)[number];
export const PROFILE_LABELS: Record<Profile, string> = {
  counter: 'Anlaufstelle (Empfangstresen)',
  office: 'Büro (Leistungsbereich, Vermittlung, Kundenbüro)',
  lead: 'Leitung (Standort, Teamleitung, Geschäftsführung)',
};

export interface Actor {
  /** The person's staff record; every write is authored by it. */
  staffId: string;
  roles: readonly Role[];
  homeSiteId: string | null;
  /** A deactivated person may do nothing (SPEC §8, issue 7 item 3: "since-disabled accounts"). */
  active: boolean;
}
export interface Place {
  siteId: string;
  profile: Profile;
}

/** The records `can` judges, by the fields the rules read (the synced tables' own shapes). */
type Rec = Record<string, unknown>;

export type Action =
  /** A change to a synced record: `before` is the stored row (null: created). */
  | { kind: 'write'; table: string; before: Rec | null; after: Rec }
  /** Seeing a customer's name, phone or numbers on a ticket, hand-off or new-customer record. */
  | { kind: 'view-personal'; table: 'tickets' | 'handoffs' | 'newCustomers'; record: Rec }
  /** Seeing why a colleague is absent (health data of staff). */
  | { kind: 'view-absence-reason'; absence: { staffId: string } }
  | { kind: 'decide-cover'; decidedBy: CoverDeciderRole; siteId: string }
  | { kind: 'read-audit' }
  | { kind: 'administer' }
  | { kind: 'view-reports' };

export type Verdict = { ok: true } | { ok: false; reason: string };

const allow: Verdict = { ok: true };
const deny = (reason: string): Verdict => ({ ok: false, reason });
const has = (a: Actor, ...roles: Role[]) => roles.some((r) => a.roles.includes(r));

/** SPEC §0: who records at the counter – EZ, LB standing in (seed §4.5 "Vertretung"), their team lead. */
const COUNTER_ROLES: Role[] = ['EZ', 'LB', 'TL_EZ'];
/** SPEC §0 row 3: those who keep the desks staffed (seed §4.5 roster, absences, closures). */
const LEAD_ROLES: Role[] = ['FM', 'TL_EZ', 'TL_LB', 'GF'];
/** Those who work cases (SPEC §8 "those who work the visit or ticket"); not GF, ADMIN or DSB. */
const CASE_ROLES: Role[] = ['EZ', 'LB', 'VERMITTLUNG', 'FM', 'TL_EZ', 'TL_LB'];

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** The sites a person works at from this PC: the PC's own and the person's home site. */
function worksAt(a: Actor, p: Place, siteId: string | null): boolean {
  return siteId !== null && (siteId === p.siteId || siteId === a.homeSiteId);
}

/**
 * SPEC §8: "Customers' personal data … is visible only to those who work the visit or ticket: the
 * creating desk, the distribution site, the department or person it is assigned to".
 */
function worksTicket(a: Actor, p: Place, t: Rec): boolean {
  if (!has(a, ...CASE_ROLES)) return false;
  const assignee = t.assignee as { kind?: string; staffId?: string; department?: string; siteId?: string } | null | undefined;
  if (assignee?.kind === 'person' && assignee.staffId === a.staffId) return true;
  if (assignee?.kind === 'team' && departmentsOf(a.roles).includes(assignee.department as never) && worksAt(a, p, str(assignee.siteId))) return true;
  // The creating desk and the distribution site (Ticketverteilung), and the department the ticket is for there.
  if (worksAt(a, p, str(t.siteId)) || worksAt(a, p, str(t.distributionSiteId))) return true;
  return false;
}

function canWrite(a: Actor, p: Place, table: string, before: Rec | null, after: Rec): Verdict {
  const created = before === null;
  const site = str(after.siteId);
  switch (table) {
    // SPEC §8: "Directory, sites, devices and Jobcenter-wide settings: admin."
    case 'sites':
    case 'staff':
      return has(a, 'ADMIN') ? allow : deny('Standorte und Personen pflegt nur die Administration.');
    // SPEC §0: the counter records every walk-in – at the site where the PC stands (seed §4.4).
    case 'visits':
      if (!has(a, ...COUNTER_ROLES)) return deny('Besuche erfasst die Anlaufstelle (Eingangszone oder Vertretung).');
      if (created && p.profile !== 'counter') return deny('Besuche werden am PC der Anlaufstelle erfasst, nicht an einem Büro- oder Leitungs-PC.');
      return site === p.siteId ? allow : deny('Besuche werden nur für den Standort dieses PCs erfasst.');
    case 'handoffs': {
      if (created) {
        if (!has(a, ...COUNTER_ROLES)) return deny('Übergaben legt die Anlaufstelle an.');
        return site === p.siteId ? allow : deny('Übergaben werden nur für den Standort dieses PCs angelegt.');
      }
      // SPEC §4: the department the visitor is handed to takes and finishes; the desk may correct.
      const target = str(after.target);
      const taker = target === 'VERMITTLUNG' ? has(a, 'VERMITTLUNG') : has(a, 'LB', 'TL_LB');
      if ((taker || has(a, ...COUNTER_ROLES)) && worksAt(a, p, site)) return allow;
      return deny('Diese Übergabe gehört zu einem anderen Standort oder Bereich.');
    }
    case 'tickets':
      if (created) {
        if (!has(a, ...COUNTER_ROLES)) return deny('Rückruf-Tickets legt die Anlaufstelle an.');
        return site === p.siteId ? allow : deny('Tickets werden nur für den Standort dieses PCs angelegt.');
      }
      return worksTicket(a, p, before) || worksTicket(a, p, after) ? allow : deny('Dieses Ticket bearbeiten Sie nicht (SPEC §8: nur wer es bearbeitet).');
    // Seed §1.1 / §1.2: the Kundenbüro and the LB of the site work new customers and group sessions.
    case 'newCustomers':
    case 'groupSessions':
      if (!has(a, 'EZ', 'LB', 'FM', 'TL_EZ', 'TL_LB')) return deny('Neukunden bearbeiten Kundenbüro und Leistungsbereich.');
      return has(a, 'TL_EZ', 'TL_LB') || worksAt(a, p, site) ? allow : deny('Neukunden eines anderen Standorts bearbeiten Sie nicht.');
    // Seed §4.5: the roster and closures are kept by those responsible for staffing.
    case 'closures':
      return has(a, 'ADMIN', ...LEAD_ROLES) ? allow : deny('Schließtage pflegen Standortverantwortung, Teamleitungen und Administration.');
    case 'shifts': {
      // A shift drafted from a weekday pattern follows from the directory: any PC may write it
      // (the board drafts the week it shows, with derived ids, so two PCs write the same row).
      if (after.source === 'pattern' && (created || before?.source === 'pattern')) return allow;
      if (has(a, 'GF', 'TL_EZ', 'TL_LB')) return allow;
      if (has(a, 'FM') && site === a.homeSiteId) return allow;
      return deny('Den Dienstplan ändern Standortverantwortung und Teamleitungen.');
    }
    case 'absences': {
      // SPEC §8: absences belong to the person and to those who keep the directory / plan staffing.
      const own = after.staffId === a.staffId && (before === null || before.staffId === a.staffId);
      return own || has(a, 'ADMIN', ...LEAD_ROLES) ? allow : deny('Abwesenheiten trägt die Person selbst oder eine Leitung ein.');
    }
    case 'coverDecisions': {
      // SPEC §8 / seed §4.5: same-site cover – site FM; cross-site – TL Eingangszone; LB cover – TL Leistung; nobody – GF.
      const decidedBy = str(after.decidedBy) as CoverDeciderRole | null;
      if (decidedBy === null || site === null) return deny('Die Entscheidung nennt keine Zuständigkeit.');
      return canDecide({ ...a, homeSiteId: a.homeSiteId ?? '' }, decidedBy, site) ? allow : deny('Diese Vertretung entscheiden Sie nicht (GA §4.5).');
    }
    // Messages follow from decisions and absences; a reader marks them read.
    case 'inbox':
      return has(a, 'DSB') && a.roles.length === 1 ? deny('Die Rolle Datenschutz schreibt keine Nachrichten.') : allow;
    // SPEC §11 Stiller Alarm: raised at the PC's own site; anyone may acknowledge it.
    case 'alarms':
      if (created) return site === p.siteId ? allow : deny('Ein Alarm gilt nur für den Standort dieses PCs.');
      return before?.siteId === after.siteId ? allow : deny('Ein Alarm bleibt beim Standort, an dem er ausgelöst wurde.');
    default:
      return deny(`Unbekannte Tabelle „${table}“.`);
  }
}

/** The one permission function (issue 7 item 5). */
export function can(actor: Actor, place: Place, action: Action): Verdict {
  if (!actor.active) return deny('Dieses Konto ist deaktiviert.');
  switch (action.kind) {
    case 'write': {
      // The DSB reads the access log and works no case (SPEC §8); GF decides, ADMIN keeps the directory.
      if (actor.roles.every((r) => r === 'DSB')) return deny('Die Rolle Datenschutz ändert keine Daten.');
      const verdict = canWrite(actor, place, action.table, action.before, action.after);
      if (!verdict.ok || action.before === null) return verdict;
      // An update is judged on what the record was, too: nobody moves a ticket, a visitor or a
      // new customer of another site or person into their own reach by rewriting it (review of issue 7).
      return canWrite(actor, place, action.table, action.before, action.before);
    }
    case 'view-personal':
      if (action.table === 'tickets') return worksTicket(actor, place, action.record) ? allow : deny('Kundendaten sehen nur, die das Ticket bearbeiten (SPEC §8).');
      // A waiting visitor's name: the creating desk and those of the site who take visitors.
      return has(actor, ...CASE_ROLES) && worksAt(actor, place, str(action.record.siteId))
        ? allow
        : deny('Kundendaten sehen nur, die den Fall bearbeiten (SPEC §8).');
    case 'view-absence-reason':
      // SPEC §8: "Absence reasons (health data of staff) are seen only by the person and those who keep the directory."
      return action.absence.staffId === actor.staffId || has(actor, 'ADMIN') ? allow : deny('Den Grund einer Abwesenheit sehen nur die Person und die Administration.');
    case 'decide-cover':
      return canDecide({ ...actor, homeSiteId: actor.homeSiteId ?? '' }, action.decidedBy, action.siteId) ? allow : deny('Diese Vertretung entscheiden Sie nicht (GA §4.5).');
    case 'read-audit':
      return has(actor, 'DSB') ? allow : deny('Das Zugriffsprotokoll liest nur die/der Datenschutzbeauftragte.');
    case 'administer':
      return has(actor, 'ADMIN') ? allow : deny('Nur die Administration verwaltet Personen, PCs und Einstellungen.');
    case 'view-reports':
      return has(actor, ...LEAD_ROLES, 'ADMIN') ? allow : deny('Auswertungen sehen Leitungen und Administration.');
  }
}

/**
 * SPEC §9 at the service: a PC's own retention sweep (author `system`) is accepted only for a record
 * whose period has run out by the Jobcenter's period and the service's clock, only as an erasure,
 * and without deleting the record or moving its period (review of issue 7: a PC without anyone
 * signed in could tombstone any record in the sweep's name).
 */
export function mayEraseForRetention(table: string, before: Record<string, unknown> | null, after: Record<string, unknown>, now: Date, retentionDays: number): boolean {
  if (before === null || !isErasureOnly(before, after)) return false;
  if (after.deletedAt !== before.deletedAt && table !== 'inbox') return false;
  if (after.retentionStart !== undefined && after.retentionStart !== before.retentionStart) return false;
  const cutoff = retentionCutoff(now, retentionDays);
  const rec = before as never;
  const start = (() => {
    switch (table) {
      case 'tickets':
        return ticketRetentionStart(rec);
      case 'handoffs':
        return str(before.finishedAt) ?? str(before.waitingSince) ?? undefined;
      case 'absences':
        return absenceRetentionStart(rec);
      case 'newCustomers': {
        const closed = (before.intakeDone as { at?: string } | null | undefined)?.at ?? (before.refused as { at?: string } | null | undefined)?.at;
        return closed ?? undefined;
      }
      case 'inbox':
        return inboxRetentionStart(rec);
      case 'coverDecisions':
        return str(before.date) !== null && String(before.date) < coverNoteCutoffDate(now, retentionDays) ? '0000' : undefined;
      default:
        return undefined;
    }
  })();
  return start !== undefined && start < cutoff;
}

/** What an erased field may hold afterwards (the retention rules of shared/domain/retention.ts). */
const ERASED = new Set<unknown>([null, '', ANONYMISED, 'other']);
const STAMPS = new Set(['updatedAt', 'updatedBy', 'anonymisedAt', 'retentionStart', 'deletedAt']);

/**
 * SPEC §9: every PC runs the retention sweep as the author `system`. Such a change may only take
 * data away – each field it changes is emptied, anonymised or a stamp – never add or alter any, so
 * no one can write under the sweep's name.
 */
export function isErasureOnly(before: Record<string, unknown> | null, after: Record<string, unknown>): boolean {
  if (before === null) return false;
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const k of keys) {
    const a = after[k];
    if (JSON.stringify(before[k]) === JSON.stringify(a) || STAMPS.has(k)) continue;
    const empty = ERASED.has(a) || a === undefined || (Array.isArray(a) && a.length === 0);
    if (!empty) return false;
  }
  return true;
}
