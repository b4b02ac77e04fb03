import fc from 'fast-check';
import { describe, it, expect } from 'vitest';
import {
  CALLBACK_WINDOW_MS,
  DUE_SOON_MS,
  callbackDueAt,
  dueState,
  isOnTime,
  workingTimeBetween,
} from '../../../../shared/domain/callback-deadline';

// Every expected value below is written out by hand. Instants carry their Berlin offset
// (+01:00 CET in winter, +02:00 CEST in summer) so the wall clock reads directly; in the weeks
// of a clock change they are given as UTC ('Z') strings.
// This file also runs under TZ=UTC and TZ=America/New_York (vitest.config.ts).

function due(createdIso: string): string {
  return callbackDueAt(new Date(createdIso)).toISOString();
}

function iso(instant: string): string {
  return new Date(instant).toISOString();
}

describe('SPEC §5 / seed §4.4: the 24-hour clock counts only working-day time', () => {
  it.each([
    ['Thu 10:00 → Fri 10:00', '2026-01-15T10:00:00+01:00', '2026-01-16T10:00:00+01:00'],
    ['Fri 11:00 → Mon 11:00', '2026-01-16T11:00:00+01:00', '2026-01-19T11:00:00+01:00'],
    [
      'Wed 2026-06-03 09:00 → Fri 2026-06-05 09:00 (Corpus Christi on Thu)',
      '2026-06-03T09:00:00+02:00',
      '2026-06-05T09:00:00+02:00',
    ],
    ['Sat 10:00 → Tue 00:00 (the clock starts Mon 00:00)', '2026-01-17T10:00:00+01:00', '2026-01-20T00:00:00+01:00'],
  ])('SPEC §5 example: %s', (_rule, created, expected) => {
    expect(due(created)).toBe(iso(expected));
  });

  it('keeps seconds and milliseconds of the creation time', () => {
    expect(due('2026-01-15T10:00:30.250+01:00')).toBe(iso('2026-01-16T10:00:30.250+01:00'));
  });

  it('runs within one working day when created Mon 08:00 (→ Tue 08:00)', () => {
    expect(due('2026-01-19T08:00:00+01:00')).toBe(iso('2026-01-20T08:00:00+01:00'));
  });
});

describe('SPEC §2 / §5: every DE-RP public holiday of 2026 stops the clock', () => {
  it.each([
    ['Neujahr Thu 2026-01-01', '2025-12-31T10:00:00+01:00', '2026-01-02T10:00:00+01:00'],
    ['Karfreitag Fri 2026-04-03 (and Ostermontag)', '2026-04-02T10:00:00+02:00', '2026-04-07T10:00:00+02:00'],
    // Created Easter Saturday: the clock would start Mon 00:00, but Ostermontag moves it to Tue.
    ['Ostermontag Mon 2026-04-06', '2026-04-04T10:00:00+02:00', '2026-04-08T00:00:00+02:00'],
    ['Tag der Arbeit Fri 2026-05-01', '2026-04-30T10:00:00+02:00', '2026-05-04T10:00:00+02:00'],
    ['Christi Himmelfahrt Thu 2026-05-14', '2026-05-13T10:00:00+02:00', '2026-05-15T10:00:00+02:00'],
    ['Pfingstmontag Mon 2026-05-25', '2026-05-22T10:00:00+02:00', '2026-05-26T10:00:00+02:00'],
    ['Fronleichnam Thu 2026-06-04', '2026-06-03T16:30:00+02:00', '2026-06-05T16:30:00+02:00'],
    // 2026-10-03 falls on a Saturday; 2025-10-03 (Friday) shows the holiday itself stops the clock.
    ['Tag der Deutschen Einheit Sat 2026-10-03', '2026-10-02T10:00:00+02:00', '2026-10-05T10:00:00+02:00'],
    ['Tag der Deutschen Einheit Fri 2025-10-03', '2025-10-02T10:00:00+02:00', '2025-10-06T10:00:00+02:00'],
    // 2026-11-01 falls on a Sunday; 2028-11-01 is a Wednesday.
    ['Allerheiligen Sun 2026-11-01', '2026-10-30T10:00:00+01:00', '2026-11-02T10:00:00+01:00'],
    ['Allerheiligen Wed 2028-11-01', '2028-10-31T10:00:00+01:00', '2028-11-02T10:00:00+01:00'],
    ['1. Weihnachtstag Fri 2026-12-25', '2026-12-24T10:00:00+01:00', '2026-12-28T10:00:00+01:00'],
    // 2026-12-26 falls on a Saturday; in 2025 both Christmas days are Thu/Fri.
    ['2. Weihnachtstag Fri 2025-12-26', '2025-12-24T10:00:00+01:00', '2025-12-29T10:00:00+01:00'],
  ])('%s: the clock stands still', (_holiday, created, expected) => {
    expect(due(created)).toBe(iso(expected));
  });
});

describe('SPEC §2: days that are holidays elsewhere but not in DE-RP are working days', () => {
  it.each([
    ['Heilige Drei Könige Tue 2026-01-06 (BW, BY, ST)', '2026-01-05T10:00:00+01:00', '2026-01-06T10:00:00+01:00'],
    ['Reformationstag Fri 2025-10-31 (northern and eastern states)', '2025-10-30T10:00:00+01:00', '2025-10-31T10:00:00+01:00'],
    ['Reformationstag Tue 2028-10-31', '2028-10-30T10:00:00+01:00', '2028-10-31T10:00:00+01:00'],
    ['Mariä Himmelfahrt Fri 2025-08-15 (SL, parts of BY)', '2025-08-14T10:00:00+02:00', '2025-08-15T10:00:00+02:00'],
    ['Buß- und Bettag Wed 2026-11-18 (SN)', '2026-11-17T10:00:00+01:00', '2026-11-18T10:00:00+01:00'],
    ['Heiligabend Thu 2026-12-24', '2026-12-23T10:00:00+01:00', '2026-12-24T10:00:00+01:00'],
    ['Silvester Thu 2026-12-31', '2026-12-30T10:00:00+01:00', '2026-12-31T10:00:00+01:00'],
  ])('%s does not stop the clock', (_day, created, expected) => {
    expect(due(created)).toBe(iso(expected));
  });
});

describe('SPEC §5: Christmas and New Year stretches', () => {
  it.each([
    ['Heiligabend Thu 15:00 → Mon 2026-12-28 15:00', '2026-12-24T15:00:00+01:00', '2026-12-28T15:00:00+01:00'],
    ['Silvester Thu 12:00 → Mon 2027-01-04 12:00 (Neujahr Fri)', '2026-12-31T12:00:00+01:00', '2027-01-04T12:00:00+01:00'],
    ['Wed 2026-12-23 17:45 → Thu 2026-12-24 17:45', '2026-12-23T17:45:00+01:00', '2026-12-24T17:45:00+01:00'],
    ['created on 1. Weihnachtstag → clock starts Mon 12-28, due Tue 00:00', '2026-12-25T09:00:00+01:00', '2026-12-29T00:00:00+01:00'],
    ['Tue 2025-12-23 16:00 → Wed 12-24 16:00 (Heiligabend is a working day)', '2025-12-23T16:00:00+01:00', '2025-12-24T16:00:00+01:00'],
    ['Wed 2025-12-31 23:00 → Fri 2026-01-02 23:00 (Neujahr Thu)', '2025-12-31T23:00:00+01:00', '2026-01-02T23:00:00+01:00'],
  ])('%s', (_case, created, expected) => {
    expect(due(created)).toBe(iso(expected));
  });
});

describe('SPEC §5: the clock counts Berlin wall-clock hours across the DST changes', () => {
  // Spring forward: Sun 2026-03-29 02:00 CET → 03:00 CEST (01:00 UTC).
  // Fall back: Sun 2026-10-25 03:00 CEST → 02:00 CET (01:00 UTC).
  it.each([
    ['Thu 2026-03-26 18:00 CET → Fri 18:00 CET (no change in between)', '2026-03-26T17:00:00Z', '2026-03-27T17:00:00.000Z'],
    ['Fri 2026-03-27 10:00 CET → Mon 10:00 CEST: 71 real hours', '2026-03-27T09:00:00Z', '2026-03-30T08:00:00.000Z'],
    ['Fri 2026-03-27 02:30 CET → Mon 02:30 CEST (02:30 does not exist on Sunday)', '2026-03-27T01:30:00Z', '2026-03-30T00:30:00.000Z'],
    ['Fri 2026-03-27 00:00 CET → Sat 00:00 CET', '2026-03-26T23:00:00Z', '2026-03-27T23:00:00.000Z'],
    ['Sat 2026-03-28 10:00 CET → Tue 00:00 CEST', '2026-03-28T09:00:00Z', '2026-03-30T22:00:00.000Z'],
    ['Sun 2026-03-29 03:30 CEST, right after the change → Tue 00:00 CEST', '2026-03-29T01:30:00Z', '2026-03-30T22:00:00.000Z'],
    ['Fri 2026-10-23 10:00 CEST → Mon 10:00 CET: 73 real hours', '2026-10-23T08:00:00Z', '2026-10-26T09:00:00.000Z'],
    ['Fri 2026-10-23 02:30 CEST → Mon 02:30 CET', '2026-10-23T00:30:00Z', '2026-10-26T01:30:00.000Z'],
    ['Sat 2026-10-24 23:59 CEST → Tue 00:00 CET', '2026-10-24T21:59:00Z', '2026-10-26T23:00:00.000Z'],
    ['Sun 2026-10-25 02:30 CEST (first 02:30) → Tue 00:00 CET', '2026-10-25T00:30:00Z', '2026-10-26T23:00:00.000Z'],
    ['Sun 2026-10-25 02:30 CET (second 02:30) → Tue 00:00 CET', '2026-10-25T01:30:00Z', '2026-10-26T23:00:00.000Z'],
  ])('%s', (_case, created, expectedUtc) => {
    expect(due(created)).toBe(expectedUtc);
  });
});

describe('SPEC §5: creation at the edges of a day', () => {
  it.each([
    ['exactly midnight Thu 00:00 → Fri 00:00', '2026-01-15T00:00:00+01:00', '2026-01-16T00:00:00+01:00'],
    ['exactly midnight Fri 00:00 → Sat 00:00 (24 h of Friday used up)', '2026-01-16T00:00:00+01:00', '2026-01-17T00:00:00+01:00'],
    ['exactly midnight Mon 00:00 → Tue 00:00', '2026-01-19T00:00:00+01:00', '2026-01-20T00:00:00+01:00'],
    [
      'midnight before a holiday: Wed 2026-05-13 00:00 → Thu 05-14 00:00 (Himmelfahrt)',
      '2026-05-13T00:00:00+02:00',
      '2026-05-14T00:00:00+02:00',
    ],
    ['Thu 23:59 → Fri 23:59', '2026-01-15T23:59:00+01:00', '2026-01-16T23:59:00+01:00'],
    ['Fri 23:59 → Mon 23:59', '2026-01-16T23:59:00+01:00', '2026-01-19T23:59:00+01:00'],
    ['Sun 10:00 → Tue 00:00', '2026-01-18T10:00:00+01:00', '2026-01-20T00:00:00+01:00'],
    ['Sun 23:59 → Tue 00:00', '2026-01-18T23:59:00+01:00', '2026-01-20T00:00:00+01:00'],
    ['Sat 00:00 → Tue 00:00', '2026-01-17T00:00:00+01:00', '2026-01-20T00:00:00+01:00'],
    [
      'on a holiday: Fronleichnam Thu 2026-06-04 10:00 → clock runs Fri, due Sat 00:00',
      '2026-06-04T10:00:00+02:00',
      '2026-06-06T00:00:00+02:00',
    ],
    [
      'on a holiday before a weekend: Karfreitag 2026-04-03 10:00 → clock starts Tue 04-07, due Wed 00:00',
      '2026-04-03T10:00:00+02:00',
      '2026-04-08T00:00:00+02:00',
    ],
  ])('%s', (_case, created, expected) => {
    expect(due(created)).toBe(iso(expected));
  });
});

describe("SPEC §5: the 'calendar' policy is plain 24 hours", () => {
  it.each([
    ['Fri 11:00 → Sat 11:00', '2026-01-16T11:00:00+01:00', '2026-01-17T10:00:00.000Z'],
    ['Wed before Fronleichnam → Thu 09:00 (holiday ignored)', '2026-06-03T09:00:00+02:00', '2026-06-04T07:00:00.000Z'],
    ['Sat 2026-03-28 10:00 CET → 24 real hours: Sun 11:00 CEST', '2026-03-28T09:00:00Z', '2026-03-29T09:00:00.000Z'],
  ])('%s', (_case, created, expectedUtc) => {
    expect(callbackDueAt(new Date(created), 'calendar').toISOString()).toBe(expectedUtc);
  });

  it("defaults to 'working-days'", () => {
    const created = new Date('2026-01-16T11:00:00+01:00');
    expect(callbackDueAt(created).toISOString()).toBe(
      callbackDueAt(created, 'working-days').toISOString(),
    );
    expect(callbackDueAt(created).toISOString()).toBe('2026-01-19T10:00:00.000Z');
  });
});

describe('callbackDueAt rejects what is not an instant', () => {
  it('throws a clear error for an Invalid Date', () => {
    expect(() => callbackDueAt(new Date('not a date'))).toThrow(/Invalid Date/);
    expect(() => callbackDueAt(new Date(Number.NaN), 'calendar')).toThrow(/Invalid Date/);
  });

  it('throws for an unknown policy', () => {
    const policy = 'weekly' as unknown as 'calendar';
    expect(() => callbackDueAt(new Date('2026-01-15T10:00:00Z'), policy)).toThrow(/unknown deadline policy/);
  });
});

describe('SPEC §5: on time means first successful contact before dueAt', () => {
  const dueAt = '2026-01-16T09:00:00.000Z';
  it.each([
    ['contact a minute before dueAt', '2026-01-16T08:59:00.000Z', true],
    ['contact a millisecond before dueAt', '2026-01-16T08:59:59.999Z', true],
    ['contact exactly at dueAt', '2026-01-16T09:00:00.000Z', false],
    ['contact after dueAt', '2026-01-16T09:00:00.001Z', false],
    ['no contact yet', null, false],
  ] as const)('%s → %s', (_case, contact, expected) => {
    expect(isOnTime(contact, dueAt)).toBe(expected);
  });

  it('compares instants, not strings: an offset-written contact before dueAt is on time', () => {
    expect(isOnTime('2026-01-16T09:30:00+01:00', dueAt)).toBe(true);
  });
});

describe('SPEC §5: overdue and soon-due tickets stand out (dueState)', () => {
  const dueAt = '2026-01-16T09:00:00.000Z';
  it('the due-soon window is two hours', () => {
    expect(DUE_SOON_MS).toBe(7_200_000);
  });

  it.each([
    ['open, a day ahead', '2026-01-15T09:00:00.000Z', null, 'on-track'],
    ['open, 2 h 1 min ahead', '2026-01-16T06:59:00.000Z', null, 'on-track'],
    ['open, exactly 2 h ahead', '2026-01-16T07:00:00.000Z', null, 'due-soon'],
    ['open, 1 ms ahead', '2026-01-16T08:59:59.999Z', null, 'due-soon'],
    ['open, exactly at dueAt', '2026-01-16T09:00:00.000Z', null, 'overdue'],
    ['open, a day late', '2026-01-17T09:00:00.000Z', null, 'overdue'],
    ['contacted before dueAt, looked at later', '2026-01-20T09:00:00.000Z', '2026-01-16T08:00:00.000Z', 'met'],
    ['contacted exactly at dueAt', '2026-01-20T09:00:00.000Z', '2026-01-16T09:00:00.000Z', 'missed'],
    ['contacted after dueAt', '2026-01-20T09:00:00.000Z', '2026-01-16T12:00:00.000Z', 'missed'],
    ['contacted early, now still before dueAt', '2026-01-16T08:30:00.000Z', '2026-01-16T08:00:00.000Z', 'met'],
  ] as const)('%s → %s', (_case, now, contact, expected) => {
    expect(dueState(dueAt, new Date(now), contact)).toBe(expected);
  });

  it('throws on a stored dueAt that is not an instant', () => {
    expect(() => dueState('yesterday', new Date('2026-01-16T09:00:00Z'), null)).toThrow(/dueAt/);
  });
});

describe('issue 8: time to first contact runs on the deadline clock (workingTimeBetween, SPEC §5)', () => {
  const hours = (a: string, b: string) => workingTimeBetween(new Date(a), new Date(b)) / 3_600_000;

  it.each([
    ['Thu 10:00 → Fri 10:00 is 24 h', '2026-01-15T10:00:00+01:00', '2026-01-16T10:00:00+01:00', 24],
    ['Fri 11:00 → Mon 11:00 is 24 h (the weekend stands still)', '2026-01-16T11:00:00+01:00', '2026-01-19T11:00:00+01:00', 24],
    ['Wed 09:00 → Fri 09:00 over Corpus Christi is 24 h', '2026-06-03T09:00:00+02:00', '2026-06-05T09:00:00+02:00', 24],
    ['Sat 10:00 → Mon 08:00 is 8 h (the clock starts Mon 00:00)', '2026-01-17T10:00:00+01:00', '2026-01-19T08:00:00+01:00', 8],
    ['Fri 2026-03-27 10:00 CET → Mon 10:00 CEST over the spring change is 24 h', '2026-03-27T09:00:00Z', '2026-03-30T08:00:00Z', 24],
    ['contact before creation counts nothing', '2026-01-15T10:00:00+01:00', '2026-01-15T09:00:00+01:00', 0],
  ])('%s', (_rule, from, to, expected) => {
    expect(hours(from, to)).toBe(expected);
  });

  it('a contact exactly at the deadline took exactly 24 working-day hours – for any creation time 2026–2030', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }), (created) => {
        expect(workingTimeBetween(created, callbackDueAt(created))).toBe(CALLBACK_WINDOW_MS);
      }),
      { numRuns: 300 },
    );
  });
});
