import { addDays, addWorkingDays, berlinDate, fromBerlinWallClock } from './calendar';
import { callbackDueAt } from './callback-deadline';

/**
 * The business rules of the new-customer process (issue 9; seed §1, §1.1, §1.2, §4.2; SPEC §7).
 *
 * Pure functions. Every result is the same whatever the process time zone is: calendar dates
 * ('YYYY-MM-DD') are handled with UTC arithmetic only, instants go through the Berlin helpers of
 * ./calendar (Intl with timeZone 'Europe/Berlin'). No local-time `Date` API is used.
 */

/** seed §1.1: "persönliche Antragstellung" and "sonstige Antragstellung (digital/ schriftlich/ telefonisch)". */
export const APPLICATION_CHANNELS = ['personal', 'digital', 'written', 'phone'] as const;
export type ApplicationChannel = (typeof APPLICATION_CHANNELS)[number];

export const APPLICATION_CHANNEL_LABELS: Record<ApplicationChannel, string> = {
  personal: 'persönlich',
  digital: 'digital (jobcenter.digital)',
  written: 'schriftlich',
  phone: 'telefonisch',
};

/** seed §1: "… liegt noch nicht länger als 2 Monate zurück". */
export const RETURNING_CUSTOMER_MONTHS = 2;
/** seed §1.1: "bei sonstigen Antragstellung innerhalb von 9 Arbeitstagen". */
export const INTAKE_WORKING_DAYS = 9;
/** seed §1.1: "spätestens nach 24 Tagen nach der Antragstellung durch Versagung". */
export const REFUSAL_CALENDAR_DAYS = 24;
/** seed §1.2: "spätestens alle 14 Tage Gruppenveranstaltungen für Neukunden". */
export const GROUP_SESSION_INTERVAL_DAYS = 14;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

interface YearMonthDay {
  y: number;
  m: number; // 1–12
  d: number;
}

function daysInMonth(y: number, m: number): number {
  // Day 0 of the following month is the last day of month m (UTC, zone-free).
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Parses a 'YYYY-MM-DD' calendar date; RangeError (German, it may reach a form) otherwise. */
function parseDate(value: string, field: string): YearMonthDay {
  const m = typeof value === 'string' ? DATE_RE.exec(value) : null;
  if (m !== null) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const d = Number(m[3]);
    if (mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo)) return { y, m: mo, d };
  }
  throw new RangeError(`${field}: kein gültiges Datum (JJJJ-MM-TT erwartet): ${String(value)}`);
}

function formatDate({ y, m, d }: YearMonthDay): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * dateIso + n calendar months, counted as in § 188 (2), (3) BGB: the same day number n months
 * later; when that month is too short, its last day. 2026-01-31 + 2 = 2026-03-31,
 * 2025-12-31 + 2 = 2026-02-28, 2027-12-31 + 2 = 2028-02-29, 2026-02-28 + 2 = 2026-04-28
 * (not the month's end: § 188 BGB has no "last day stays last day" rule).
 */
function addMonths(date: YearMonthDay, n: number): YearMonthDay {
  const index = date.y * 12 + (date.m - 1) + n;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return { y, m, d: Math.min(date.d, daysInMonth(y, m)) };
}

function assertInstant(instant: Date, fn: string): Date {
  const t = instant instanceof Date ? instant.getTime() : Number.NaN;
  if (Number.isNaN(t)) throw new RangeError(`${fn}: kein gültiger Zeitpunkt (Invalid Date)`);
  return instant;
}

/** 24:00 Europe/Berlin of dateIso, i.e. 00:00 of the next calendar day as an instant. */
function endOfBerlinDay(dateIso: string): Date {
  return fromBerlinWallClock(addDays(dateIso, 1), 0);
}

/**
 * seed §1 "Definition" / SPEC §7: is this application a new application ("Neuantrag",
 * new-customer process)? Dates are 'YYYY-MM-DD'.
 *
 * New unless the last benefit receipt at the JC Rhein-Lahn ended no more than 2 months before
 * the day of application. Never received benefits (null) → new.
 *
 * "2 months" is counted forward from the day the receipt ended, as a period of months under
 * § 187 (1) / § 188 (2), (3) BGB (SPEC §7): the end day itself does not count, the period ends
 * with the day that has the same number two months later, or that month's last day if it is
 * shorter. An application on or before that day is within 2 months (not new); from the next day
 * on it is new. Ended 2026-01-15 → applications up to 2026-03-15 are not new, 2026-03-16 is;
 * ended 2025-12-31 → up to 2026-02-28; ended 2027-12-31 → up to 2028-02-29 (leap year).
 * A receipt that ends on or after the day of application (still running) → not new.
 */
export function isNewApplication(lastBenefitEndedOn: string | null, appliedOn: string): boolean {
  const applied = formatDate(parseDate(appliedOn, 'Antragsdatum'));
  if (lastBenefitEndedOn === null) return true;
  const ended = parseDate(lastBenefitEndedOn, 'Ende des letzten Leistungsbezugs');
  const lastDayWithin = formatDate(addMonths(ended, RETURNING_CUSTOMER_MONTHS));
  // Zero-padded ISO dates compare correctly as strings.
  return applied > lastDayWithin;
}

/**
 * seed §1.1 "Bearbeitungsfrist": when the intake check ("Eingangsprüfung") of an application
 * made at `appliedAt` must be done.
 *
 * - personal: "innerhalb von 24 Stunden" → callbackDueAt(appliedAt): 24 hours on the
 *   working-day clock of SPEC §5 (issue 9: the same function as callbacks).
 * - digital / written / phone: "innerhalb von 9 Arbeitstagen" → the end (24:00 Europe/Berlin)
 *   of the 9th working day after the day of application (§ 187 (1) / § 188 (1) BGB: the day of
 *   application does not count, also when it is itself a working day). Working days as in
 *   SPEC §2: Mon–Fri, not a DE-RP public holiday. Returned as the instant 00:00 Berlin of the
 *   following calendar day.
 */
export function intakeDueAt(appliedAt: Date, channel: ApplicationChannel): Date {
  assertInstant(appliedAt, 'intakeDueAt');
  switch (channel) {
    case 'personal':
      return callbackDueAt(appliedAt);
    case 'digital':
    case 'written':
    case 'phone':
      return endOfBerlinDay(addWorkingDays(berlinDate(appliedAt), INTAKE_WORKING_DAYS));
    default:
      throw new RangeError(`intakeDueAt: unbekannter Zugangsweg ${String(channel)}`);
  }
}

/**
 * seed §1.1: without the applicant's cooperation the process ends by refusal ("Versagung")
 * "spätestens nach 24 Tagen nach der Antragstellung": at the latest at the end (24:00
 * Europe/Berlin) of the 24th calendar day after the day of application (that day does not count,
 * § 187 (1) BGB; weekends and holidays do count, § 188 (1) BGB).
 */
export function refusalDueAt(appliedAt: Date): Date {
  assertInstant(appliedAt, 'refusalDueAt');
  return endOfBerlinDay(addDays(berlinDate(appliedAt), REFUSAL_CALENDAR_DAYS));
}

/**
 * seed §1.1 / §1.2: registration in STEP and VerBIS, the announcement to Arbeitsvermittlung and
 * the invitation to the group session happen "taggleich zum Tag der Antragstellung" /
 * "unmittelbar nach Antragstellung": due at the end (24:00 Europe/Berlin) of the day of
 * application, whatever kind of day it is.
 */
export function sameDayStepsDueAt(appliedAt: Date): Date {
  assertInstant(appliedAt, 'sameDayStepsDueAt');
  return endOfBerlinDay(berlinDate(appliedAt));
}

export interface GroupSessionGap {
  /** A session takes place within the 14 days starting today. */
  ok: boolean;
  /** The next session on or after today, or null. */
  next: string | null;
}

/**
 * seed §1.2: "An allen Standorten finden regelmäßig spätestens alle 14 Tage
 * Gruppenveranstaltungen für Neukunden statt." Checks one site's planned session dates
 * ('YYYY-MM-DD', any order, duplicates allowed) as of `today`.
 *
 * ok ⇔ a session falls within the 14 calendar days today … today + 13 (both included). That is
 * the strictest window a fortnightly rhythm always meets: with sessions on D and D + 14, the day
 * after D still has the next one at today + 13. A first session only at today + 14 leaves a
 * 14-day stretch (today … today + 13) without one, so it is not ok.
 */
export function groupSessionGap(sessionDates: readonly string[], today: string): GroupSessionGap {
  const from = formatDate(parseDate(today, 'Stichtag'));
  let next: string | null = null;
  for (const raw of sessionDates) {
    const date = formatDate(parseDate(raw, 'Termin der Gruppenveranstaltung'));
    if (date >= from && (next === null || date < next)) next = date;
  }
  const lastDay = addDays(from, GROUP_SESSION_INTERVAL_DAYS - 1);
  return { ok: next !== null && next <= lastDay, next };
}
