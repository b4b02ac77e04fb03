import { ANONYMISED } from '../domain/retention';
import type { AbsenceReason } from '../model/staffing';
import type { Profile } from './permissions';

/**
 * Issue 7 item 6 "Data scope" (SPEC §8, SYNC.md §6): a PC receives only what its users may see.
 * The sync service sends every record to every PC – the leads' overview, the reports and the
 * desk-cover planning need the dates, statuses and figures of all of them – but a record outside
 * the PC's scope comes as a PROJECTION: its personal fields replaced, marked `restricted: true`.
 *
 * Pure (no Node, no Dexie): the server projects with it on every pull, the PC evicts with it
 * (`restrictRecord`) when a pulled projection meets a row it still has unsent changes for.
 */

/** What a PC may see, from its enrollment and the people signed in at it. */
export interface PullScope {
  siteId: string;
  profile: Profile;
  /** People signed in (online) at this PC within the offline period: they may work here offline. */
  staffIds: ReadonlySet<string>;
  /** An ADMIN signed in here within the offline period: "those who keep the directory" (SPEC §8). */
  directoryKeeper: boolean;
}

/**
 * Bumped when the projection rules below change what a PC receives: the fingerprint changes with
 * it, and every PC re-projects the rows it holds under the new rules.
 */
export const SCOPE_RULES = 1;

/**
 * Issue 7 item 6: the scope as a canonical string – the same scope always gives the same string,
 * whatever the order of the staff ids. The service sends its SHA-256 with every pull
 * (`PullResponse.scopeFingerprint`); a PC that sees it change pulls the records of the tables with
 * personal fields again, because the rows it holds were projected under the old scope (a first
 * sign-in brings names, an expired one takes them away – without any change to the records).
 */
export function scopeKey(s: PullScope): string {
  return JSON.stringify([SCOPE_RULES, s.siteId, s.profile, [...s.staffIds].sort(), s.directoryKeeper]);
}

/** What a restricted record shows where a customer's name or concern was. */
export const RESTRICTED = '— nur für Bearbeitende —';

/**
 * The personal fields per table: replaced in a projection, and never written by a change to a
 * restricted row (the PC holds placeholders there, not data). Attempts and the contact carry notes
 * about the customer; a PC without the phone number logs neither.
 */
export const PERSONAL_FIELDS: Readonly<Partial<Record<string, readonly string[]>>> = {
  tickets: ['customerName', 'customerNumber', 'phone', 'preferredTimes', 'concern', 'closeNote', 'attempts', 'contact'],
  handoffs: ['label'],
  newCustomers: ['name', 'birthDate', 'bgNumber', 'phone'],
  absences: ['reason', 'note'],
};

type Rec = Record<string, unknown>;

/**
 * SPEC §8: "Customers' personal data … is visible only to those who work the visit or ticket: the
 * creating desk, the distribution site, the department or person it is assigned to." Per PC: the
 * site it stands at, and each person signed in at it (`worksTicket` of permissions.ts per person).
 */
function ticketInScope(s: PullScope, t: Rec): boolean {
  if (t.siteId === s.siteId || t.distributionSiteId === s.siteId) return true;
  const a = t.assignee as { kind?: string; staffId?: string; siteId?: string } | null | undefined;
  if (a?.kind === 'team' && a.siteId === s.siteId) return true;
  return a?.kind === 'person' && typeof a.staffId === 'string' && s.staffIds.has(a.staffId);
}

/** Whether a record comes whole to this PC. */
export function inScope(s: PullScope, table: string, r: Rec): boolean {
  switch (table) {
    case 'tickets':
      return r.anonymisedAt != null || ticketInScope(s, r);
    // A waiting visitor's name is for the site's desks and those who take visitors there; once the
    // hand-off is done nobody needs it any more (its label waits only for the retention sweep).
    case 'handoffs':
      return r.label === ANONYMISED || (r.siteId === s.siteId && r.status !== 'done');
    case 'newCustomers':
      return r.anonymisedAt != null || r.siteId === s.siteId;
    // SPEC §8: "Absence reasons (health data of staff) are seen only by the person and those who keep the directory."
    case 'absences':
      return r.anonymisedAt != null || s.directoryKeeper || (typeof r.staffId === 'string' && s.staffIds.has(r.staffId));
    default:
      return true;
  }
}

/**
 * The reason as a PC outside the scope sees it: planning still works – the kind of each day is the
 * same (shared/domain/absence-kind.ts: sickness and short notice are unplanned on every day, every
 * other reason goes by its registration date) – but nobody learns who is sick.
 */
export function coarseReason(reason: AbsenceReason): AbsenceReason {
  return reason === 'sickness' || reason === 'short-notice' ? 'short-notice' : 'other';
}

/** The record with its personal fields replaced and the marker set (idempotent). */
export function restrictRecord(table: string, r: Rec): Rec {
  switch (table) {
    case 'tickets': {
      const attempts = Array.isArray(r.attempts) ? r.attempts.map((a: Rec) => ({ ...a, note: '' })) : r.attempts;
      const contact = r.contact !== null && typeof r.contact === 'object' ? { ...(r.contact as Rec), note: '' } : r.contact;
      return { ...r, customerName: RESTRICTED, customerNumber: null, phone: '', preferredTimes: '', concern: RESTRICTED, closeNote: '', attempts, contact, restricted: true };
    }
    case 'handoffs':
      return { ...r, label: RESTRICTED, restricted: true };
    case 'newCustomers':
      return { ...r, name: RESTRICTED, birthDate: null, bgNumber: null, phone: '', restricted: true };
    case 'absences':
      return { ...r, reason: coarseReason(r.reason as AbsenceReason), note: '', restricted: true };
    default:
      return r;
  }
}

/** Issue 7 item 6: the record as this PC receives it – unchanged in scope, else restricted. */
export function projectRecord(scope: PullScope, table: string, record: Rec): Rec {
  return inScope(scope, table, record) ? record : restrictRecord(table, record);
}

/**
 * A change a PC makes to a restricted row (a lead closing a ticket it has no name for): it may
 * write the other fields, never the personal ones – they hold placeholders on that PC – nor the
 * marker, which is a property of the projection, not of the record. Returns the record without
 * them and the fields the change writes (all others of the record when it named none).
 */
export function withoutPersonalFields(table: string, record: Rec, fields: readonly string[] | undefined): { record: Rec; fields: string[] } {
  const drop = new Set([...(PERSONAL_FIELDS[table] ?? []), 'restricted']);
  const kept = Object.fromEntries(Object.entries(record).filter(([k]) => !drop.has(k)));
  return { record: kept, fields: (fields ?? Object.keys(record)).filter((f) => f !== 'id' && !drop.has(f)) };
}
