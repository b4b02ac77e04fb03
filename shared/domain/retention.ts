import type { CallbackTicket } from '../model/records';
import type { Absence, InboxMessage } from '../model/staffing';
import { addDays, berlinDate, fromBerlinWallClock } from './calendar';

/**
 * Retention of personal data (SPEC §9, GDPR Art. 5(1)(e) "storage limitation"; issue 10 item 13).
 * One period for the whole Jobcenter (`retentionDays`, a Jobcenter-wide setting) and one rule per
 * record kind saying when that record's period starts. Pure, so the renderer's sweep and the
 * future server sweep compute the same thing (SYNC.md §7, §11.7). The table of rules is in
 * ARCHITECTURE.md ("Retention of personal data").
 *
 * Periods are counted in Berlin calendar days, not in 24-hour blocks: a period that starts on day
 * D ends with day D + retentionDays, and the data goes from D + retentionDays + 1, 00:00 Berlin.
 * So the data is always kept at least `retentionDays` whole days, every PC (and the server, in
 * any time zone) agrees on the day, a DST change neither adds nor removes an hour, and a record
 * only ever becomes due at midnight – never in the middle of a working day at the counter.
 */

/** What stands where a name or a free text was (SPEC §9). */
export const ANONYMISED = '— anonymisiert —';

/**
 * A callback ticket without its personal data (SPEC §9): name, phone, customer number, concern, the
 * closing note and every note of an attempt or the contact. The ticket stays (figures, on-time
 * rate). One function for the PC's sweep and the sync service, which applies it again after merging
 * a sweep with attempts other PCs logged meanwhile – a note that reached the server first must not
 * survive the anonymisation beside it.
 */
export function anonymisedTicket<T extends Pick<CallbackTicket, 'attempts' | 'contact'>>(t: T, at: string): T & {
  customerName: string;
  customerNumber: null;
  phone: string;
  preferredTimes: string;
  concern: string;
  closeNote: string;
  anonymisedAt: string;
} {
  return {
    ...t,
    customerName: ANONYMISED,
    customerNumber: null,
    phone: '',
    preferredTimes: '',
    concern: ANONYMISED,
    closeNote: '',
    attempts: t.attempts.map((a) => ({ ...a, note: '' })),
    contact: t.contact ? { ...t.contact, note: '' } : null,
    anonymisedAt: at,
  };
}

/** The instant a Berlin calendar day starts (00:00 CET/CEST), as an ISO string. */
export function berlinDayStart(dateIso: string): string {
  return fromBerlinWallClock(dateIso, 0).toISOString();
}

/**
 * A record whose period started before the returned instant is due: 00:00 Berlin of the day
 * `retentionDays` before today. (Start on day D → due once D < today − retentionDays.)
 */
export function retentionCutoff(now: Date, retentionDays: number): string {
  if (!Number.isInteger(retentionDays) || retentionDays < 1) {
    throw new RangeError(`Aufbewahrungsfrist: ganze Tage ab 1 erwartet, nicht ${retentionDays}.`);
  }
  return berlinDayStart(addDays(berlinDate(now), -retentionDays));
}

/** Whether a period that started at `start` (ISO instant) has run out at `now`. */
export function retentionDue(start: string, now: Date, retentionDays: number): boolean {
  return start < retentionCutoff(now, retentionDays);
}

const later = (a: string, b: string) => (a > b ? a : b);

/** Nothing personal was written since the record was anonymised: nothing left to watch. */
const anonymisedSinceLastWrite = (r: { anonymisedAt?: string | null; updatedAt: string }) =>
  r.anonymisedAt != null && r.updatedAt <= r.anonymisedAt;

/**
 * Callback ticket (name, phone, customer number, concern, notes). A closed ticket: from closing
 * (SPEC §9). A ticket never closed: from its last activity – every write (distribution, attempt,
 * contact) moves `updatedAt` and so restarts the period; a given appointment holds it until the
 * appointment day. A ticket someone is working on is therefore never touched; one untouched for
 * the whole period (its 24-hour callback long missed) is abandoned, and keeping the caller's
 * name and number for it serves no purpose any more. It stays in the figures (overdue, not
 * reached) and in its list, marked anonymised, for a team lead to close.
 * `undefined`: nothing personal left to remove.
 */
export function ticketRetentionStart(
  t: Pick<CallbackTicket, 'status' | 'closedAt' | 'updatedAt' | 'anonymisedAt' | 'contact'>,
): string | undefined {
  if (anonymisedSinceLastWrite(t)) return undefined;
  if (t.status === 'closed' && t.closedAt !== null) return later(t.closedAt, t.updatedAt);
  const appointment = t.contact?.kind === 'appointment' ? berlinDayStart(t.contact.appointment.date) : '';
  return later(t.updatedAt, appointment);
}

/**
 * Absence (reason and note: health data of staff, SPEC §8). From the absence's last day: the reason
 * matters for planning and for the decisions around it, not after the absence is long over. The
 * absence itself (who, when, planned/unplanned) stays for the roster's history.
 */
export function absenceRetentionStart(a: Pick<Absence, 'to' | 'updatedAt' | 'anonymisedAt'>): string | undefined {
  if (anonymisedSinceLastWrite(a)) return undefined;
  return berlinDayStart(a.to);
}

/**
 * Inbox message (names colleagues, their absences and cover). From when it was sent, or from the
 * session day it is about if that is later – a request about a session weeks ahead stays until
 * that session has passed. Then it is emptied and tombstoned: nobody needs a notice about a
 * session long gone.
 */
export function inboxRetentionStart(m: Pick<InboxMessage, 'createdAt' | 'refs' | 'updatedAt' | 'anonymisedAt'>): string | undefined {
  if (anonymisedSinceLastWrite(m)) return undefined;
  return m.refs.date !== undefined ? later(m.createdAt, berlinDayStart(m.refs.date)) : m.createdAt;
}

/**
 * Cover decision (the decider's free note, which may name a colleague's situation): from the
 * session day it is about. Notes of sessions before the returned date are due – the same Berlin-day
 * count as retentionCutoff (session on day D → due once D < today − retentionDays).
 */
export function coverNoteCutoffDate(now: Date, retentionDays: number): string {
  if (!Number.isInteger(retentionDays) || retentionDays < 1) {
    throw new RangeError(`Aufbewahrungsfrist: ganze Tage ab 1 erwartet, nicht ${retentionDays}.`);
  }
  return addDays(berlinDate(now), -retentionDays);
}

/** Issue 9 item 7: what a closed new-customer record keeps after the period – its dates and ticks, not the person. */
export const anonymisedNewCustomer = (at: string) => ({ name: ANONYMISED, birthDate: null, bgNumber: null, phone: '', anonymisedAt: at });
