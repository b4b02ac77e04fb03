import { describe, it, expect } from 'vitest';
import { callbackDueAt } from '../../../../shared/domain/callback-deadline';
import {
  APPLICATION_CHANNELS,
  APPLICATION_CHANNEL_LABELS,
  groupSessionGap,
  intakeDueAt,
  isNewApplication,
  refusalDueAt,
  sameDayStepsDueAt,
} from '../../../../shared/domain/new-customer';

// Every expected value below is worked out by hand; the comments count the days. Instants carry
// their Berlin offset (+01:00 CET in winter, +02:00 CEST in summer) so the wall clock reads
// directly; around a clock change they are given as UTC ('Z') strings.
// This file also runs under TZ=UTC and TZ=America/New_York (vitest.config.ts).

function iso(instant: string): string {
  return new Date(instant).toISOString();
}

function intake(appliedIso: string, channel: (typeof APPLICATION_CHANNELS)[number] = 'written'): string {
  return intakeDueAt(new Date(appliedIso), channel).toISOString();
}

describe('seed §1 "Definition" / SPEC §7: new unless the last receipt ended no more than 2 months before (§ 188 BGB)', () => {
  it('never received benefits at the JC Rhein-Lahn → new application', () => {
    expect(isNewApplication(null, '2026-03-16')).toBe(true);
  });

  it.each([
    // ended 2026-01-15 → the 2 months end with 2026-03-15.
    ['ended 2026-01-15, applied 2026-03-14 (a day before the boundary)', '2026-01-15', '2026-03-14', false],
    ['ended 2026-01-15, applied 2026-03-15 (exactly 2 months)', '2026-01-15', '2026-03-15', false],
    ['ended 2026-01-15, applied 2026-03-16 (a day after)', '2026-01-15', '2026-03-16', true],
    // SPEC §7 example: 31.01. + 2 months = 31.03.
    ['ended 2026-01-31, applied 2026-03-31', '2026-01-31', '2026-03-31', false],
    ['ended 2026-01-31, applied 2026-04-01', '2026-01-31', '2026-04-01', true],
    // SPEC §7 example: 31.12. + 2 months = 28.02. (no 31.02., § 188 (3) BGB).
    ['ended 2025-12-31, applied 2026-02-28', '2025-12-31', '2026-02-28', false],
    ['ended 2025-12-31, applied 2026-03-01', '2025-12-31', '2026-03-01', true],
    ['ended 2025-12-30, applied 2026-03-01 (30.02. does not exist either)', '2025-12-30', '2026-03-01', true],
    // Leap year: 31.12.2027 + 2 months = 29.02.2028.
    ['ended 2027-12-31, applied 2028-02-29 (leap day)', '2027-12-31', '2028-02-29', false],
    ['ended 2027-12-31, applied 2028-03-01', '2027-12-31', '2028-03-01', true],
    ['ended 2027-12-29, applied 2028-02-29 (29.02. exists in 2028)', '2027-12-29', '2028-02-29', false],
    // Ended on the leap day: 29.02.2028 + 2 months = 29.04.2028.
    ['ended 2028-02-29, applied 2028-04-29', '2028-02-29', '2028-04-29', false],
    ['ended 2028-02-29, applied 2028-04-30', '2028-02-29', '2028-04-30', true],
    // Same day number, not month's end: 28.02.2026 + 2 months = 28.04.2026.
    ['ended 2026-02-28, applied 2026-04-29', '2026-02-28', '2026-04-29', true],
    // 30.04. + 2 months = 30.06.; 31.08. + 2 months = 31.10.
    ['ended 2026-04-30, applied 2026-06-30', '2026-04-30', '2026-06-30', false],
    ['ended 2026-08-31, applied 2026-10-31', '2026-08-31', '2026-10-31', false],
    ['ended 2026-08-31, applied 2026-11-01', '2026-08-31', '2026-11-01', true],
    // Year change: 15.11.2026 + 2 months = 15.01.2027.
    ['ended 2026-11-15, applied 2027-01-15', '2026-11-15', '2027-01-15', false],
    ['ended 2026-11-15, applied 2027-01-16', '2026-11-15', '2027-01-16', true],
    // Receipt ending on or after the day of application is not "longer than 2 months ago".
    ['ended on the day of application', '2026-03-16', '2026-03-16', false],
    ['still receiving (ends after the application)', '2026-06-30', '2026-03-16', false],
    ['ended years ago', '2020-05-01', '2026-03-16', true],
  ])('seed §1 "nicht länger als 2 Monate": %s → new = %s', (_case, ended, applied, expected) => {
    expect(isNewApplication(ended, applied)).toBe(expected);
  });

  it.each([
    ['2026-02-30'],
    ['2026-13-01'],
    ['2026-00-10'],
    ['15.01.2026'],
    ['2026-1-5'],
    [''],
  ])('rejects the invalid date %j with a German RangeError', (bad) => {
    expect(() => isNewApplication(bad, '2026-03-16')).toThrow(RangeError);
    expect(() => isNewApplication(bad, '2026-03-16')).toThrow(/kein gültiges Datum/);
    expect(() => isNewApplication(null, bad)).toThrow(RangeError);
    expect(() => isNewApplication('2026-01-15', bad)).toThrow(/Antragsdatum/);
  });
});

describe('seed §1.1: the channels of application', () => {
  it('"persönliche Antragstellung" and "sonstige (digital/ schriftlich/ telefonisch)", labelled in German', () => {
    expect(APPLICATION_CHANNELS).toEqual(['personal', 'digital', 'written', 'phone']);
    expect(APPLICATION_CHANNEL_LABELS).toEqual({
      personal: 'persönlich',
      digital: 'digital (jobcenter.digital)',
      written: 'schriftlich',
      phone: 'telefonisch',
    });
  });
});

describe('seed §1.1 / SPEC §7: personal application → intake check "innerhalb von 24 Stunden" on the §5 clock', () => {
  it.each([
    ['Thu 10:00 → Fri 10:00', '2026-01-15T10:00:00+01:00', '2026-01-16T10:00:00+01:00'],
    ['Fri 11:00 → Mon 11:00', '2026-01-16T11:00:00+01:00', '2026-01-19T11:00:00+01:00'],
    ['Sat 10:00 → Tue 00:00 (the clock starts Mon 00:00)', '2026-01-17T10:00:00+01:00', '2026-01-20T00:00:00+01:00'],
    ['Wed 2026-06-03 09:00 → Fri 09:00 (Fronleichnam Thu)', '2026-06-03T09:00:00+02:00', '2026-06-05T09:00:00+02:00'],
  ])('issue 9 "the same function as callbacks": %s', (_case, applied, expected) => {
    expect(intake(applied, 'personal')).toBe(iso(expected));
  });

  it.each([
    '2026-01-15T10:00:00+01:00',
    '2026-03-27T09:00:00Z',
    '2026-10-23T08:00:00Z',
    '2026-12-24T15:00:00+01:00',
    '2026-04-04T10:00:00+02:00',
  ])('intakeDueAt(%s, personal) equals callbackDueAt', (applied) => {
    expect(intakeDueAt(new Date(applied), 'personal').getTime()).toBe(callbackDueAt(new Date(applied)).getTime());
  });
});

describe('seed §1.1 / SPEC §7: other channels → end of the 9th working day after the day of application (§ 187 BGB)', () => {
  it('the three other channels share the rule: Thu 2026-01-15 → end of Wed 01-28', () => {
    // Fri 16 (1), Mon 19 (2), Tue 20 (3), Wed 21 (4), Thu 22 (5), Fri 23 (6), Mon 26 (7), Tue 27 (8), Wed 28 (9).
    for (const channel of ['digital', 'written', 'phone'] as const) {
      expect(intake('2026-01-15T10:00:00+01:00', channel)).toBe(iso('2026-01-29T00:00:00+01:00'));
    }
  });

  it.each([
    // Thu 01-01 Neujahr; Fri 02 (1), Mon 05 (2), Tue 06 (3), Wed 07 (4), Thu 08 (5), Fri 09 (6),
    // Mon 12 (7), Tue 13 (8), Wed 14 (9).
    ['Neujahr Thu 2026-01-01', '2025-12-31T10:00:00+01:00', '2026-01-15T00:00:00+01:00'],
    // Thu 02 (1), Fri 03 Karfreitag, Mon 06 Ostermontag, Tue 07 (2), Wed 08 (3), Thu 09 (4),
    // Fri 10 (5), Mon 13 (6), Tue 14 (7), Wed 15 (8), Thu 16 (9).
    ['Karfreitag Fri 2026-04-03 and Ostermontag Mon 04-06', '2026-04-01T10:00:00+02:00', '2026-04-17T00:00:00+02:00'],
    // Applied on Karfreitag itself; Mon 06 Ostermontag; Tue 07 (1), Wed 08 (2), Thu 09 (3), Fri 10 (4),
    // Mon 13 (5), Tue 14 (6), Wed 15 (7), Thu 16 (8), Fri 17 (9).
    ['Ostermontag Mon 2026-04-06 (applied on Karfreitag)', '2026-04-03T10:00:00+02:00', '2026-04-18T00:00:00+02:00'],
    // Wed 29 (1), Thu 30 (2), Fri 05-01 holiday, Mon 04 (3), Tue 05 (4), Wed 06 (5), Thu 07 (6),
    // Fri 08 (7), Mon 11 (8), Tue 12 (9).
    ['Tag der Arbeit Fri 2026-05-01', '2026-04-28T10:00:00+02:00', '2026-05-13T00:00:00+02:00'],
    // Tue 12 (1), Wed 13 (2), Thu 14 Himmelfahrt, Fri 15 (3), Mon 18 (4), Tue 19 (5), Wed 20 (6),
    // Thu 21 (7), Fri 22 (8), Mon 25 Pfingstmontag, Tue 26 (9).
    ['Christi Himmelfahrt Thu 2026-05-14 and Pfingstmontag Mon 05-25', '2026-05-11T10:00:00+02:00', '2026-05-27T00:00:00+02:00'],
    // Mon 25 Pfingstmontag, Tue 26 (1), Wed 27 (2), Thu 28 (3), Fri 29 (4), Mon 06-01 (5), Tue 02 (6),
    // Wed 03 (7), Thu 04 Fronleichnam, Fri 05 (8), Mon 08 (9).
    ['Pfingstmontag Mon 2026-05-25 and Fronleichnam Thu 06-04', '2026-05-22T10:00:00+02:00', '2026-06-09T00:00:00+02:00'],
    // Thu 04 Fronleichnam, Fri 05 (1), Mon 08 (2), Tue 09 (3), Wed 10 (4), Thu 11 (5), Fri 12 (6),
    // Mon 15 (7), Tue 16 (8), Wed 17 (9).
    ['Fronleichnam Thu 2026-06-04', '2026-06-03T10:00:00+02:00', '2026-06-18T00:00:00+02:00'],
    // 2026-10-03 is a Saturday; 2025-10-03 a Friday: Fri 03 holiday, Mon 06 (1), Tue 07 (2), Wed 08 (3),
    // Thu 09 (4), Fri 10 (5), Mon 13 (6), Tue 14 (7), Wed 15 (8), Thu 16 (9).
    ['Tag der Deutschen Einheit Fri 2025-10-03', '2025-10-02T10:00:00+02:00', '2025-10-17T00:00:00+02:00'],
    // 2028-10-03 is a Tuesday: Tue 03 holiday, Wed 04 (1), Thu 05 (2), Fri 06 (3), Mon 09 (4), Tue 10 (5),
    // Wed 11 (6), Thu 12 (7), Fri 13 (8), Mon 16 (9).
    ['Tag der Deutschen Einheit Tue 2028-10-03', '2028-10-02T10:00:00+02:00', '2028-10-17T00:00:00+02:00'],
    // 2026-11-01 is a Sunday; 2028-11-01 a Wednesday: Wed 01 holiday, Thu 02 (1), Fri 03 (2), Mon 06 (3),
    // Tue 07 (4), Wed 08 (5), Thu 09 (6), Fri 10 (7), Mon 13 (8), Tue 14 (9).
    ['Allerheiligen Wed 2028-11-01', '2028-10-31T10:00:00+01:00', '2028-11-15T00:00:00+01:00'],
    // 2027-11-01 is a Monday (and the clocks went back on Sun 10-31): Mon 01 holiday, Tue 02 (1),
    // Wed 03 (2), Thu 04 (3), Fri 05 (4), Mon 08 (5), Tue 09 (6), Wed 10 (7), Thu 11 (8), Fri 12 (9).
    ['Allerheiligen Mon 2027-11-01', '2027-10-29T10:00:00+02:00', '2027-11-13T00:00:00+01:00'],
    // 2026-12-25 is a Friday (26th a Saturday): Fri 25 holiday, Mon 28 (1), Tue 29 (2), Wed 30 (3),
    // Thu 31 (4), Fri 2027-01-01 Neujahr, Mon 04 (5), Tue 05 (6), Wed 06 (7), Thu 07 (8), Fri 08 (9).
    ['1. Weihnachtstag Fri 2026-12-25 and Neujahr Fri 2027-01-01', '2026-12-24T10:00:00+01:00', '2027-01-09T00:00:00+01:00'],
    // 2025: Thu 25 and Fri 26 holidays: Wed 24 (1), Thu 25, Fri 26, Mon 29 (2), Tue 30 (3), Wed 31 (4),
    // Thu 2026-01-01 Neujahr, Fri 02 (5), Mon 05 (6), Tue 06 (7), Wed 07 (8), Thu 08 (9).
    ['1. and 2. Weihnachtstag Thu/Fri 2025-12-25/26 and Neujahr', '2025-12-23T10:00:00+01:00', '2026-01-09T00:00:00+01:00'],
  ])('SPEC §2: %s is not a working day', (_holiday, applied, expected) => {
    expect(intake(applied)).toBe(iso(expected));
  });

  it.each([
    // Heiligabend and Silvester are working days in DE-RP. Tue 2026-12-22: Wed 23 (1), Thu 24 (2), Fri 25 holiday, Mon 28 (3), Tue 29 (4), Wed 30 (5),
    // Thu 31 (6), Fri 01 Neujahr, Mon 04 (7), Tue 05 (8), Wed 06 (9).
    ['Tue 2026-12-22 → end of Wed 2027-01-06 (Heiligabend, Silvester count)', '2026-12-22T10:00:00+01:00', '2027-01-07T00:00:00+01:00'],
    // Applied on Silvester Thu 2026-12-31: Fri 01 Neujahr, Mon 04 (1), Tue 05 (2), Wed 06 (3), Thu 07 (4),
    // Fri 08 (5), Mon 11 (6), Tue 12 (7), Wed 13 (8), Thu 14 (9).
    ['Silvester Thu 2026-12-31 → end of Thu 2027-01-14', '2026-12-31T12:00:00+01:00', '2027-01-15T00:00:00+01:00'],
    // Applied on 2. Weihnachtstag Fri 2025-12-26 (holiday): Mon 29 (1), Tue 30 (2), Wed 31 (3), Thu 01 Neujahr,
    // Fri 02 (4), Mon 05 (5), Tue 06 (6), Wed 07 (7), Thu 08 (8), Fri 09 (9).
    ['applied on 2. Weihnachtstag Fri 2025-12-26 → end of Fri 2026-01-09', '2025-12-26T11:00:00+01:00', '2026-01-10T00:00:00+01:00'],
  ])('Christmas to New Year: %s', (_case, applied, expected) => {
    expect(intake(applied)).toBe(iso(expected));
  });

  it.each([
    // § 187 (1) BGB: the day of application never counts, so Fri, Sat and Sun give the same deadline.
    // Mon 19 (1), Tue 20 (2), Wed 21 (3), Thu 22 (4), Fri 23 (5), Mon 26 (6), Tue 27 (7), Wed 28 (8), Thu 29 (9).
    ['Fri 2026-01-16 10:00', '2026-01-16T10:00:00+01:00', '2026-01-30T00:00:00+01:00'],
    ['Sat 2026-01-17 10:00', '2026-01-17T10:00:00+01:00', '2026-01-30T00:00:00+01:00'],
    ['Sun 2026-01-18 23:59', '2026-01-18T23:59:00+01:00', '2026-01-30T00:00:00+01:00'],
    // A minute earlier the day of application is Thu 01-15: Fri 16 (1) … Wed 28 (9).
    ['Thu 2026-01-15 23:59 (one minute before Friday)', '2026-01-15T23:59:00+01:00', '2026-01-29T00:00:00+01:00'],
    ['Fri 2026-01-16 00:00 (Friday has begun in Berlin)', '2026-01-16T00:00:00+01:00', '2026-01-30T00:00:00+01:00'],
    // Applied on a holiday (Christi Himmelfahrt Thu 2026-05-14): Fri 15 (1), Mon 18 (2), Tue 19 (3),
    // Wed 20 (4), Thu 21 (5), Fri 22 (6), Mon 25 Pfingstmontag, Tue 26 (7), Wed 27 (8), Thu 28 (9).
    ['on Christi Himmelfahrt Thu 2026-05-14 00:00', '2026-05-14T00:00:00+02:00', '2026-05-29T00:00:00+02:00'],
  ])('§ 187 (1) BGB, day of application not counted: %s', (_case, applied, expected) => {
    expect(intake(applied)).toBe(iso(expected));
  });

  it.each([
    // Spring forward Sun 2026-03-29 (02:00 CET → 03:00 CEST). Thu 03-26: Fri 27 (1), Mon 30 (2),
    // Tue 31 (3), Wed 04-01 (4), Thu 02 (5), Fri 03 Karfreitag, Mon 06 Ostermontag, Tue 07 (6),
    // Wed 08 (7), Thu 09 (8), Fri 10 (9) → 2026-04-11 00:00 CEST = 04-10 22:00 UTC.
    ['Thu 2026-03-26 10:00 CET → end of Fri 04-10 CEST', '2026-03-26T09:00:00Z', '2026-04-10T22:00:00.000Z'],
    // Mon 03-16: Tue 17 (1) … Fri 27 (9) → Sat 03-28 00:00 CET = 03-27 23:00 UTC (before the change).
    ['Mon 2026-03-16 → end of Fri 03-27, still CET', '2026-03-16T09:00:00Z', '2026-03-27T23:00:00.000Z'],
    // Sun 03-29 03:30 CEST, right after the change: Mon 30 (1), Tue 31 (2), Wed 01 (3), Thu 02 (4),
    // Fri 03 / Mon 06 holidays, Tue 07 (5), Wed 08 (6), Thu 09 (7), Fri 10 (8), Mon 13 (9)
    // → 04-14 00:00 CEST = 04-13 22:00 UTC.
    ['Sun 2026-03-29 03:30 CEST (change day)', '2026-03-29T01:30:00Z', '2026-04-13T22:00:00.000Z'],
    // Fall back Sun 2026-10-25 (03:00 CEST → 02:00 CET). Mon 10-12: Tue 13 (1) … Fri 23 (9)
    // → Sat 10-24 00:00 CEST = 10-23 22:00 UTC.
    ['Mon 2026-10-12 → end of Fri 10-23, still CEST', '2026-10-12T08:00:00Z', '2026-10-23T22:00:00.000Z'],
    // Thu 10-22: Fri 23 (1), Mon 26 (2), Tue 27 (3), Wed 28 (4), Thu 29 (5), Fri 30 (6), Mon 11-02 (7)
    // (11-01 is a Sunday), Tue 03 (8), Wed 04 (9) → 11-05 00:00 CET = 11-04 23:00 UTC.
    ['Thu 2026-10-22 10:00 CEST → end of Wed 11-04 CET', '2026-10-22T08:00:00Z', '2026-11-04T23:00:00.000Z'],
    // Sun 10-25 02:30 CET (the second 02:30): Mon 26 (1) … Fri 30 (5), Mon 02 (6), Tue 03 (7), Wed 04 (8),
    // Thu 05 (9) → 11-06 00:00 CET = 11-05 23:00 UTC.
    ['Sun 2026-10-25 02:30 CET (second 02:30, change day)', '2026-10-25T01:30:00Z', '2026-11-05T23:00:00.000Z'],
  ])('clock changes: %s', (_case, applied, expectedUtc) => {
    expect(intake(applied)).toBe(expectedUtc);
  });

  it('rejects an invalid instant and an unknown channel', () => {
    expect(() => intakeDueAt(new Date('not a date'), 'written')).toThrow(RangeError);
    const unknown = 'fax' as unknown as (typeof APPLICATION_CHANNELS)[number];
    expect(() => intakeDueAt(new Date('2026-01-15T10:00:00Z'), unknown)).toThrow(/unbekannter Zugangsweg/);
  });
});

describe('seed §1.1 / SPEC §7: refusal "spätestens nach 24 Tagen nach der Antragstellung" (end of the 24th calendar day)', () => {
  it.each([
    // 01-15 + 24 days = 02-08 (16 days to 01-31, 8 more) → end = 02-09 00:00 CET.
    ['month change: Thu 2026-01-15 10:00 → end of Sun 02-08', '2026-01-15T10:00:00+01:00', '2026-02-09T00:00:00+01:00'],
    ['23:59 on Thu 2026-01-15 → still end of 02-08', '2026-01-15T23:59:00+01:00', '2026-02-09T00:00:00+01:00'],
    ['00:00 on Fri 2026-01-16 → end of 02-09', '2026-01-16T00:00:00+01:00', '2026-02-10T00:00:00+01:00'],
    // 12-20 + 24 = 2027-01-13 (11 days to 12-31, 13 more) → 2027-01-14 00:00 CET.
    ['year change: Sun 2026-12-20 → end of Wed 2027-01-13', '2026-12-20T10:00:00+01:00', '2027-01-14T00:00:00+01:00'],
    // Weekends and holidays count (§ 188 (1) BGB): 12-24 + 24 = 2027-01-17 (a Sunday).
    ['holidays count: Thu 2026-12-24 → end of Sun 2027-01-17', '2026-12-24T10:00:00+01:00', '2027-01-18T00:00:00+01:00'],
    // Non-leap February: 02-10 + 18 = 02-28, + 6 = 03-06 → 03-07 00:00 CET.
    ['February 2026: 02-10 → end of 03-06', '2026-02-10T10:00:00+01:00', '2026-03-07T00:00:00+01:00'],
    // Leap February: 02-10 + 19 = 02-29, + 5 = 03-05 → 03-06 00:00 CET.
    ['leap February 2028: 02-10 → end of 03-05', '2028-02-10T10:00:00+01:00', '2028-03-06T00:00:00+01:00'],
  ])('%s', (_case, applied, expected) => {
    expect(refusalDueAt(new Date(applied)).toISOString()).toBe(iso(expected));
  });

  it.each([
    // Spring forward 03-29: 03-10 + 24 = 04-03 (21 days to 03-31, 3 more) → 04-04 00:00 CEST = 04-03 22:00 UTC.
    ['applied Tue 2026-03-10 10:00 CET → end of 04-03 CEST', '2026-03-10T09:00:00Z', '2026-04-03T22:00:00.000Z'],
    // Fall back 10-25: 10-10 + 24 = 11-03 (21 days to 10-31, 3 more) → 11-04 00:00 CET = 11-03 23:00 UTC.
    ['applied Sat 2026-10-10 10:00 CEST → end of 11-03 CET', '2026-10-10T08:00:00Z', '2026-11-03T23:00:00.000Z'],
    // Applied on the change day: 03-29 + 24 = 04-22 → 04-23 00:00 CEST = 04-22 22:00 UTC.
    ['applied Sun 2026-03-29 03:30 CEST → end of 04-22', '2026-03-29T01:30:00Z', '2026-04-22T22:00:00.000Z'],
  ])('clock changes: %s', (_case, applied, expectedUtc) => {
    expect(refusalDueAt(new Date(applied)).toISOString()).toBe(expectedUtc);
  });

  it('rejects an invalid instant', () => {
    expect(() => refusalDueAt(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('seed §1.1 "taggleich zum Tag der Antragstellung" / §1.2 "unmittelbar": same-day steps due at 24:00 Berlin', () => {
  it.each([
    ['Thu 2026-01-15 10:00 → 01-16 00:00', '2026-01-15T10:00:00+01:00', '2026-01-15T23:00:00.000Z'],
    ['Thu 2026-01-15 00:00 → 01-16 00:00', '2026-01-15T00:00:00+01:00', '2026-01-15T23:00:00.000Z'],
    ['Thu 2026-01-15 23:59 → 01-16 00:00', '2026-01-15T23:59:00+01:00', '2026-01-15T23:00:00.000Z'],
    ['Sat 2026-01-17 10:00 → 01-18 00:00 (whatever kind of day)', '2026-01-17T10:00:00+01:00', '2026-01-17T23:00:00.000Z'],
    // 23-hour day: Sun 2026-03-29 01:30 CET → 03-30 00:00 CEST = 03-29 22:00 UTC.
    ['spring-forward day Sun 2026-03-29 01:30 CET', '2026-03-29T00:30:00Z', '2026-03-29T22:00:00.000Z'],
    // 25-hour day: Sun 2026-10-25 00:30 CEST → 10-26 00:00 CET = 10-25 23:00 UTC.
    ['fall-back day Sun 2026-10-25 00:30 CEST', '2026-10-24T22:30:00Z', '2026-10-25T23:00:00.000Z'],
    // 23:30 UTC on 12-31 is already 00:30 on 2027-01-01 in Berlin → end of 01-01.
    ['2026-12-31 23:30 UTC is New Year in Berlin → 2027-01-02 00:00', '2026-12-31T23:30:00Z', '2027-01-01T23:00:00.000Z'],
  ])('%s', (_case, applied, expectedUtc) => {
    expect(sameDayStepsDueAt(new Date(applied)).toISOString()).toBe(expectedUtc);
  });

  it('rejects an invalid instant', () => {
    expect(() => sameDayStepsDueAt(new Date('x'))).toThrow(RangeError);
  });
});

describe('seed §1.2 "spätestens alle 14 Tage": a group session within today … today + 13', () => {
  it.each([
    ['session today', ['2026-01-05', '2026-01-19'], '2026-01-05', true, '2026-01-05'],
    // Fortnightly rhythm: the day after a session the next one is today + 13.
    ['fortnightly: day after a session, next at today + 13', ['2026-01-05', '2026-01-19'], '2026-01-06', true, '2026-01-19'],
    ['next at today + 14 leaves a 14-day gap', ['2026-01-05', '2026-01-20'], '2026-01-06', false, '2026-01-20'],
    ['unsorted with duplicates: nearest future session', ['2026-02-02', '2026-01-12', '2026-01-12', '2025-12-29'], '2026-01-06', true, '2026-01-12'],
    ['only past sessions', ['2025-12-01', '2025-12-15'], '2026-01-06', false, null],
    ['no sessions planned', [], '2026-01-06', false, null],
    // 2026-12-25 + 13 = 2027-01-07.
    ['year change: 2026-12-25 → 2027-01-07 is today + 13', ['2027-01-07'], '2026-12-25', true, '2027-01-07'],
    ['year change: 2026-12-25 → 2027-01-08 is today + 14', ['2027-01-08'], '2026-12-25', false, '2027-01-08'],
    // 2028-02-20 + 13 = 2028-03-04 (29 days in February).
    ['leap February: 2028-02-20 → 03-04 is today + 13', ['2028-03-04'], '2028-02-20', true, '2028-03-04'],
  ] as const)('%s', (_case, sessions, today, ok, next) => {
    expect(groupSessionGap(sessions, today)).toEqual({ ok, next });
  });

  it('rejects invalid dates with a German RangeError', () => {
    expect(() => groupSessionGap(['2026-02-30'], '2026-01-06')).toThrow(RangeError);
    expect(() => groupSessionGap(['2026-02-03'], '06.01.2026')).toThrow(/Stichtag/);
  });
});
