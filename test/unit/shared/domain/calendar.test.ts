import { describe, it, expect } from 'vitest';
import {
  BERLIN,
  addDays,
  addWorkingDays,
  berlinDate,
  berlinInstant,
  berlinTime,
  berlinWeekday,
  isWorkingDay,
  nextWorkingDay,
  publicHolidayRP,
  publicHolidaysRP,
} from '../../../../shared/domain/calendar';

// Expected values are written out by hand. This file also runs under TZ=UTC and
// TZ=America/New_York (vitest.config.ts): SPEC §2 fixes the zone to Europe/Berlin, whatever
// the machine's zone is.

describe('test setup: the process time zone is the one the project runs us in', () => {
  it('Intl sees process.env.TZ, so the TZ=UTC / New York runs prove something', () => {
    expect(process.env.TZ).toBeTruthy();
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(process.env.TZ);
  });

  it('the app zone is Europe/Berlin (SPEC §2)', () => {
    expect(BERLIN).toBe('Europe/Berlin');
  });
});

describe('SPEC §2: Berlin wall clock of an instant (berlinDate, berlinTime)', () => {
  it.each([
    ['winter evening', '2026-01-15T17:30:00Z', '2026-01-15', '18:30'],
    ['just after midnight before the spring change', '2026-03-28T23:30:00Z', '2026-03-29', '00:30'],
    ['last CET second', '2026-03-29T00:59:59Z', '2026-03-29', '01:59'],
    ['first CEST instant: 02:00 jumps to 03:00', '2026-03-29T01:00:00Z', '2026-03-29', '03:00'],
    ['summer: 21:59 UTC is 23:59', '2026-06-30T21:59:00Z', '2026-06-30', '23:59'],
    ['summer: 22:00 UTC is already the next day', '2026-06-30T22:00:00Z', '2026-07-01', '00:00'],
    ['Saturday night before the autumn change', '2026-10-24T21:59:00Z', '2026-10-24', '23:59'],
    ['autumn change day starts in CEST', '2026-10-24T22:00:00Z', '2026-10-25', '00:00'],
    ['first 02:30 (CEST)', '2026-10-25T00:30:00Z', '2026-10-25', '02:30'],
    ['second 02:30 (CET)', '2026-10-25T01:30:00Z', '2026-10-25', '02:30'],
    ['Monday after the autumn change, CET', '2026-10-25T23:00:00Z', '2026-10-26', '00:00'],
    ['New Year in Berlin, still 2026 in UTC', '2026-12-31T23:00:00Z', '2027-01-01', '00:00'],
    ['last minute of 2026 in Berlin', '2026-12-31T22:59:59Z', '2026-12-31', '23:59'],
    ['leap day', '2028-02-28T23:00:00Z', '2028-02-29', '00:00'],
  ])('%s: %s → %s %s', (_case, instant, date, time) => {
    expect(berlinDate(new Date(instant))).toBe(date);
    expect(berlinTime(new Date(instant))).toBe(time);
  });

  it('rejects an Invalid Date', () => {
    expect(() => berlinDate(new Date('nope'))).toThrow(/Invalid Date/);
    expect(() => berlinTime(new Date(Number.NaN))).toThrow(/Invalid Date/);
  });
});

describe('SPEC §2: Berlin wall clock → instant (berlinInstant), DST-correct', () => {
  it.each([
    ['winter', '2026-01-15', '10:00', '2026-01-15T09:00:00.000Z'],
    ['summer midnight', '2026-07-01', '00:00', '2026-06-30T22:00:00.000Z'],
    ['spring change day, midnight (CET)', '2026-03-29', '00:00', '2026-03-28T23:00:00.000Z'],
    ['spring change day, 01:59 (CET)', '2026-03-29', '01:59', '2026-03-29T00:59:00.000Z'],
    ['spring gap: 02:30 does not exist, moves forward to 03:30 CEST', '2026-03-29', '02:30', '2026-03-29T01:30:00.000Z'],
    ['spring change day, 03:00 (CEST)', '2026-03-29', '03:00', '2026-03-29T01:00:00.000Z'],
    ['Monday after the spring change', '2026-03-30', '00:00', '2026-03-29T22:00:00.000Z'],
    ['autumn change day, midnight (CEST)', '2026-10-25', '00:00', '2026-10-24T22:00:00.000Z'],
    ['autumn change day, 01:59 (CEST)', '2026-10-25', '01:59', '2026-10-24T23:59:00.000Z'],
    ['autumn overlap: 02:30 occurs twice, the earlier (CEST) wins', '2026-10-25', '02:30', '2026-10-25T00:30:00.000Z'],
    ['autumn change day, 03:00 (CET)', '2026-10-25', '03:00', '2026-10-25T02:00:00.000Z'],
  ])('%s: %s %s → %s', (_case, date, time, expected) => {
    expect(berlinInstant(date, time).toISOString()).toBe(expected);
  });

  it('round-trips every quarter hour of both 2026 change weeks (but the repeated hour)', () => {
    const weeks = [
      [Date.parse('2026-03-26T00:00:00Z'), Date.parse('2026-04-01T00:00:00Z')],
      [Date.parse('2026-10-22T00:00:00Z'), Date.parse('2026-10-28T00:00:00Z')],
    ] as const;
    const repeatedFrom = Date.parse('2026-10-25T01:00:00Z');
    const repeatedTo = Date.parse('2026-10-25T02:00:00Z');
    for (const [from, to] of weeks) {
      for (let t = from; t < to; t += 15 * 60_000) {
        const instant = new Date(t);
        const back = berlinInstant(berlinDate(instant), berlinTime(instant)).getTime();
        // The second 02:00–02:59 (CET) reads like the first one (CEST), one hour earlier.
        const expected = t >= repeatedFrom && t < repeatedTo ? t - 3_600_000 : t;
        expect(back, instant.toISOString()).toBe(expected);
      }
    }
  });

  it.each([
    ['2026-02-30', '10:00'],
    ['2027-02-29', '10:00'],
    ['2026-13-01', '10:00'],
    ['2026-1-5', '10:00'],
    ['2026-01-15', '24:00'],
    ['2026-01-15', '10:60'],
    ['2026-01-15', '9:00'],
    ['2026-01-15', '10:00:00'],
  ])('rejects %s %s', (date, time) => {
    expect(() => berlinInstant(date, time)).toThrow(/Invalid/);
  });
});

describe('calendar dates: berlinWeekday (ISO, Mon = 1) and addDays', () => {
  it.each([
    ['2026-01-01', 4],
    ['2026-03-29', 7],
    ['2026-06-01', 1],
    ['2026-10-31', 6],
    ['2028-02-29', 2],
    ['1970-01-01', 4],
    ['1969-12-31', 3],
  ])('%s is weekday %i', (date, weekday) => {
    expect(berlinWeekday(date)).toBe(weekday);
  });

  it.each([
    ['2026-03-28', 1, '2026-03-29'],
    ['2026-03-29', 1, '2026-03-30'],
    ['2026-10-25', 1, '2026-10-26'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2027-02-28', 1, '2027-03-01'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-01-15', 0, '2026-01-15'],
    ['2026-01-01', 365, '2027-01-01'],
  ])('%s + %i days = %s', (date, n, expected) => {
    expect(addDays(date, n)).toBe(expected);
  });

  it('rejects a fractional day count', () => {
    expect(() => addDays('2026-01-15', 0.5)).toThrow(/integer/);
  });
});

describe('SPEC §2: DE-RP public holidays from date-holidays', () => {
  it.each([
    ['2026-01-01', 'Neujahr'],
    ['2026-04-03', 'Karfreitag'],
    ['2026-04-06', 'Ostermontag'],
    ['2026-05-01', 'Maifeiertag'],
    ['2026-05-14', 'Christi Himmelfahrt'],
    ['2026-05-25', 'Pfingstmontag'],
    ['2026-06-04', 'Fronleichnam'],
    ['2026-10-03', 'Tag der Deutschen Einheit'],
    ['2026-11-01', 'Allerheiligen'],
    ['2026-12-25', '1. Weihnachtstag'],
    ['2026-12-26', '2. Weihnachtstag'],
  ])('%s is %s', (date, name) => {
    expect(publicHolidayRP(date)).toBe(name);
  });

  it.each([
    ['2026-01-06', 'Heilige Drei Könige'],
    ['2026-03-08', 'Internationaler Frauentag (BE, MV)'],
    ['2026-04-05', 'Ostersonntag'],
    ['2026-05-24', 'Pfingstsonntag'],
    ['2026-08-15', 'Mariä Himmelfahrt'],
    ['2026-10-31', 'Reformationstag'],
    ['2026-11-18', 'Buß- und Bettag'],
    ['2026-12-24', 'Heiligabend'],
    ['2026-12-31', 'Silvester'],
  ])('%s (%s) is not a DE-RP public holiday', (date) => {
    expect(publicHolidayRP(date)).toBeNull();
  });

  it('lists exactly the eleven DE-RP public holidays of 2026, in date order', () => {
    expect(publicHolidaysRP(2026).map((h) => h.date)).toEqual([
      '2026-01-01',
      '2026-04-03',
      '2026-04-06',
      '2026-05-01',
      '2026-05-14',
      '2026-05-25',
      '2026-06-04',
      '2026-10-03',
      '2026-11-01',
      '2026-12-25',
      '2026-12-26',
    ]);
  });

  it('rejects a malformed date', () => {
    expect(() => publicHolidayRP('04.06.2026')).toThrow(/Invalid calendar date/);
  });
});

describe('SPEC §2: working days are Mon–Fri except DE-RP public holidays', () => {
  it.each([
    ['2026-01-15', 'Thursday', true],
    ['2026-01-16', 'Friday', true],
    ['2026-01-17', 'Saturday', false],
    ['2026-01-18', 'Sunday', false],
    ['2026-06-04', 'Fronleichnam (Thu)', false],
    ['2026-06-05', 'Friday after Fronleichnam', true],
    ['2026-01-06', 'Heilige Drei Könige (not RP)', true],
    ['2026-12-24', 'Heiligabend (not a public holiday)', true],
    ['2026-12-25', '1. Weihnachtstag (Fri)', false],
    ['2025-10-03', 'Tag der Deutschen Einheit (Fri)', false],
    ['2025-10-31', 'Reformationstag (Fri, not RP)', true],
  ])('%s (%s) → %s', (date, _label, expected) => {
    expect(isWorkingDay(date)).toBe(expected);
  });

  it.each([
    ['2026-01-15', '2026-01-16', 'Thu → Fri'],
    ['2026-01-16', '2026-01-19', 'Fri → Mon'],
    ['2026-01-17', '2026-01-19', 'Sat → Mon'],
    ['2026-04-02', '2026-04-07', 'over Easter (Karfreitag, Ostermontag)'],
    ['2026-05-13', '2026-05-15', 'over Christi Himmelfahrt'],
    ['2026-12-24', '2026-12-28', 'over Christmas'],
    ['2026-12-31', '2027-01-04', 'over Neujahr (Fri 2027-01-01)'],
  ])('nextWorkingDay(%s) = %s (%s)', (date, expected) => {
    expect(nextWorkingDay(date)).toBe(expected);
  });

  it.each([
    ['2026-04-02', 1, '2026-04-07'],
    ['2026-05-11', 5, '2026-05-19'],
    ['2026-12-23', 3, '2026-12-29'],
    ['2026-12-21', 10, '2027-01-06'],
    ['2026-04-07', -1, '2026-04-02'],
    ['2026-01-19', -1, '2026-01-16'],
    ['2026-01-17', 0, '2026-01-17'],
  ])('addWorkingDays(%s, %i) = %s', (date, n, expected) => {
    expect(addWorkingDays(date, n)).toBe(expected);
  });

  it('rejects a fractional working-day count', () => {
    expect(() => addWorkingDays('2026-01-15', 1.5)).toThrow(/integer/);
  });
});
