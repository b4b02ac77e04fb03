import HolidaysParser from 'date-holidays-parser';
// Germany's rules from the pinned date-holidays package (scripts/extract-holidays-de.mjs): the
// maintained library's data, only without the other countries' ~800 KB in the renderer bundle.
import holidayData from './holidays-de.data.json';

/**
 * The working-day calendar of the Jobcenter Rhein-Lahn.
 *
 * SPEC §2: working days are Mon–Fri except the public holidays of Rhineland-Palatinate (DE-RP),
 * time zone Europe/Berlin; holidays come from a maintained library, Easter is never hand-coded.
 *
 * Every function gives the same answer whatever the process time zone is: instants are read
 * and built through Intl with `timeZone: 'Europe/Berlin'`, and calendar dates ('YYYY-MM-DD')
 * are handled with UTC arithmetic only (a date has no zone). No local-time `Date` API is used.
 */

export const BERLIN = 'Europe/Berlin';

/** ISO weekday: Monday = 1 … Sunday = 7. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** A Berlin wall-clock reading: calendar date and milliseconds since that day's 00:00. */
export interface BerlinWallClock {
  date: string;
  msOfDay: number;
}

const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

// ---------------------------------------------------------------------------------------------
// Calendar dates ('YYYY-MM-DD'): plain day arithmetic on the UTC time line, zone-free.

/** Days since 1970-01-01 for a valid 'YYYY-MM-DD'; throws on anything else. */
function dayNumber(dateIso: string): number {
  const m = DATE_RE.exec(dateIso);
  if (m === null) throw new Error(`Invalid calendar date (expected YYYY-MM-DD): ${dateIso}`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const ms = Date.UTC(y, mo - 1, d);
  // Date.UTC rolls 2026-02-30 over into March; a round trip catches that.
  if (mo < 1 || mo > 12 || d < 1 || new Date(ms).getUTCDate() !== d) {
    throw new Error(`Invalid calendar date: ${dateIso}`);
  }
  return ms / DAY_MS;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function formatDayNumber(day: number): string {
  const d = new Date(day * DAY_MS);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export function addDays(dateIso: string, n: number): string {
  if (!Number.isInteger(n)) throw new Error(`addDays: n must be an integer, got ${n}`);
  return formatDayNumber(dayNumber(dateIso) + n);
}

export function berlinWeekday(dateIso: string): IsoWeekday {
  // 1970-01-01 (day 0) was a Thursday (ISO 4).
  return (((((dayNumber(dateIso) + 3) % 7) + 7) % 7) + 1) as IsoWeekday;
}

// ---------------------------------------------------------------------------------------------
// Instants ↔ Berlin wall clock, through Intl (one cached formatter).

const berlinFormat = new Intl.DateTimeFormat('de-DE', {
  timeZone: BERLIN,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

/** Berlin's UTC offset (ms) at the given epoch ms: wall clock read as UTC minus the instant. */
function exactOffsetMs(epochMs: number): number {
  const whole = Math.floor(epochMs / 1000) * 1000;
  let y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
  for (const { type, value } of berlinFormat.formatToParts(whole)) {
    if (type === 'year') y = Number(value);
    else if (type === 'month') mo = Number(value);
    else if (type === 'day') d = Number(value);
    else if (type === 'hour') h = Number(value);
    else if (type === 'minute') mi = Number(value);
    else if (type === 'second') s = Number(value);
  }
  return Date.UTC(y, mo - 1, d, h, mi, s) - whole;
}

// formatToParts costs microseconds and lists call berlinDate for thousands of records, so the
// offset is cached per UTC day: when it is the same at both ends of the day it holds all day
// (Berlin changes clocks at most once a day); only the two change days a year go the exact way.
const offsetByUtcDay = new Map<number, number | null>();

function berlinOffsetMs(epochMs: number): number {
  const day = Math.floor(epochMs / DAY_MS);
  let offset = offsetByUtcDay.get(day);
  if (offset === undefined) {
    const atStart = exactOffsetMs(day * DAY_MS);
    offset = atStart === exactOffsetMs((day + 1) * DAY_MS - 1000) ? atStart : null;
    if (offsetByUtcDay.size >= 20_000) offsetByUtcDay.clear(); // bound memory (~55 years of days)
    offsetByUtcDay.set(day, offset);
  }
  return offset ?? exactOffsetMs(epochMs);
}

function assertValidInstant(instant: Date): number {
  const t = instant instanceof Date ? instant.getTime() : Number.NaN;
  if (Number.isNaN(t)) throw new Error('Invalid Date: expected a valid instant');
  return t;
}

export function toBerlinWallClock(instant: Date): BerlinWallClock {
  const t = assertValidInstant(instant);
  const wall = t + berlinOffsetMs(t);
  const day = Math.floor(wall / DAY_MS);
  return { date: formatDayNumber(day), msOfDay: wall - day * DAY_MS };
}

/** 'YYYY-MM-DD' of the instant in Berlin. */
export function berlinDate(instant: Date): string {
  return toBerlinWallClock(instant).date;
}

/** 'HH:mm' of the instant in Berlin. */
export function berlinTime(instant: Date): string {
  const minutes = Math.floor(toBerlinWallClock(instant).msOfDay / 60_000);
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/**
 * Berlin wall clock → instant. DST: a wall time that does not exist (spring gap, Sun 02:00–03:00)
 * is moved forward by the gap (02:30 → 03:30 CEST); a wall time that occurs twice (autumn,
 * Sun 02:00–03:00) resolves to the earlier occurrence (CEST). This is the "compatible" rule of
 * Temporal and RFC 5545. Both cases fall on Sundays, which are never working days.
 */
export function fromBerlinWallClock(dateIso: string, msOfDay: number): Date {
  if (!Number.isFinite(msOfDay) || msOfDay < 0 || msOfDay >= DAY_MS) {
    throw new Error(`msOfDay must be in [0, 86400000), got ${msOfDay}`);
  }
  const wall = dayNumber(dateIso) * DAY_MS + msOfDay;
  // Offsets a day either side are on either side of any transition near this wall time.
  const offBefore = berlinOffsetMs(wall - DAY_MS);
  const offAfter = berlinOffsetMs(wall + DAY_MS);
  const first = wall - offBefore;
  if (offBefore === offAfter) return new Date(first);
  const second = wall - offAfter;
  const valid = [first, second].filter((c) => berlinOffsetMs(c) === wall - c);
  // Ambiguous → earlier occurrence; gap (none valid) → old offset, i.e. shifted forward.
  return new Date(valid.length > 0 ? Math.min(...valid) : first);
}

/** Berlin wall clock 'YYYY-MM-DD' + 'HH:mm' → instant (see fromBerlinWallClock for DST). */
export function berlinInstant(dateIso: string, time: string): Date {
  const m = TIME_RE.exec(time);
  if (m === null) throw new Error(`Invalid wall-clock time (expected HH:mm): ${time}`);
  return fromBerlinWallClock(dateIso, (Number(m[1]) * 60 + Number(m[2])) * 60_000);
}

// ---------------------------------------------------------------------------------------------
// DE-RP public holidays and working days.

let holidayLibrary: HolidaysParser | undefined;
const holidaysByYear = new Map<number, ReadonlyMap<string, string>>();

/** Public holidays of DE-RP in one year: 'YYYY-MM-DD' → German name. Computed once per year. */
function holidaysOf(year: number): ReadonlyMap<string, string> {
  let byDate = holidaysByYear.get(year);
  if (byDate === undefined) {
    // One library instance for the whole process: building it parses the rule set.
    holidayLibrary ??= new HolidaysParser(holidayData, 'DE', 'RP', {
      types: ['public'],
      languages: ['de'],
      timezone: BERLIN,
    });
    const map = new Map<string, string>();
    for (const h of holidayLibrary.getHolidays(year, 'de')) {
      // SPEC §2: only statutory ("public") holidays stop work. `date` is the library's
      // wall-clock string in the holiday's zone ('YYYY-MM-DD hh:mm:ss'), so its first ten
      // characters are the Berlin calendar date whatever the process zone; `start` is an
      // instant and would need converting back.
      if (h.type === 'public') map.set(h.date.slice(0, 10), h.name);
    }
    byDate = map;
    holidaysByYear.set(year, byDate);
  }
  return byDate;
}

/** All DE-RP public holidays of a year, in date order. */
export function publicHolidaysRP(year: number): readonly { date: string; name: string }[] {
  if (!Number.isInteger(year)) throw new Error(`Invalid year: ${year}`);
  return [...holidaysOf(year)]
    .map(([date, name]) => ({ date, name }))
    .sort((a, b) => (a.date < b.date ? -1 : 1));
}

/** German name of the DE-RP public holiday on that date, or null. */
export function publicHolidayRP(dateIso: string): string | null {
  dayNumber(dateIso); // validates
  return holidaysOf(Number(dateIso.slice(0, 4))).get(dateIso) ?? null;
}

/** SPEC §2: Mon–Fri and not a DE-RP public holiday. */
export function isWorkingDay(dateIso: string): boolean {
  return berlinWeekday(dateIso) <= 5 && !holidaysOf(Number(dateIso.slice(0, 4))).has(dateIso);
}

/** The first working day strictly after dateIso. */
export function nextWorkingDay(dateIso: string): string {
  return addWorkingDays(dateIso, 1);
}

/**
 * Steps n working days from dateIso: n > 0 forward, n < 0 backward, n = 0 returns dateIso
 * unchanged (even if it is not a working day).
 */
export function addWorkingDays(dateIso: string, n: number): string {
  if (!Number.isInteger(n)) throw new Error(`addWorkingDays: n must be an integer, got ${n}`);
  const step = n < 0 ? -1 : 1;
  let date = dateIso;
  dayNumber(date); // validates even when n = 0
  for (let left = Math.abs(n); left > 0; ) {
    date = addDays(date, step);
    if (isWorkingDay(date)) left--;
  }
  return date;
}
