import { describe, expect, it } from 'vitest';
import { periodContaining } from '../../../../shared/reports/period';
import { countVisitsOf, visitTables } from '../../../../shared/reports/visits';
import { BAD_EMS, context, DIEZ, row, visit } from './fixtures';

// Christmas week 2026: Mon 21.12. to Sun 27.12.; Fri 25.12. is a public holiday (SPEC §2),
// Tue 22.12. a closure day of Diez. Every expected number is counted by hand from the list below.
const WEEK = periodContaining('week', '2026-12-21');
const ctx = context(WEEK, '2027-01-05T12:00:00+01:00', { closures: [{ siteId: 'dz', date: '2026-12-22', reason: 'Betriebsausflug' }] });

const VISITS = [
  visit('be', '2026-12-21T08:00:00+01:00'), // session start: hour 8, inside
  visit('be', '2026-12-21T11:59:59+01:00', { concernKind: 'application', quickSubtype: null, acute: true, outcome: 'handoff-lb' }),
  // Session end: 12:00 belongs to the hour 12–13, outside the session 08:00–12:00.
  visit('be', '2026-12-21T12:00:00+01:00', { concernKind: 'benefits', quickSubtype: null, outcome: 'handoff-lb', verbisCheck: 'vermittlung-needed' }),
  visit('dz', '2026-12-22T09:00:00+01:00', { quickSubtype: 'flyer' }), // closure day of Diez: outside
  visit('be', '2026-12-25T10:00:00+01:00', { concernKind: 'other', quickSubtype: null, outcome: 'ticket-created', digitalCheck: 'code-handed-out' }), // holiday
  visit('be', '2026-12-27T23:59:00+01:00', { quickSubtype: 'identity' }), // last minute of the period (Sunday)
  visit('be', '2026-12-20T23:59:59+01:00'), // before the period
  visit('be', '2026-12-28T00:00:00+01:00'), // first instant of the next period
  visit('be', '2026-12-21T09:00:00+01:00', { deletedAt: '2026-12-21T09:05:00.000Z' }), // deleted: never counts
  visit('ls', '2026-12-21T09:00:00+01:00'), // Lahnstein is not chosen
];

describe('issue 8 item 2: visits per site, Anliegensart, day, weekday and hour (SPEC §4, seed §4.4)', () => {
  const counts = countVisitsOf(VISITS, ctx);
  const [bySite, byKind, quick, byDay, heat] = visitTables(counts, ctx);

  it('counts a visit at the site and in the period of its arrival; the period ends before 00:00 of the next day; tombstones never count', () => {
    expect(counts.perSite.get('be')!.total).toBe(5);
    expect(counts.perSite.get('dz')!.total).toBe(1);
    expect(counts.all.total).toBe(6);
  });

  it('share closed at the desk, hand-offs to Vermittlung after the VerBIS check (§2.3), activation codes (§4.2)', () => {
    expect(row(bySite!, BAD_EMS.name)).toEqual(['Bad Ems', 5, 2, 0.4, 1, 1, 3]);
    expect(row(bySite!, DIEZ.name)).toEqual(['Diez', 1, 1, 1, 0, 0, 1]);
    expect(row(bySite!, 'Alle gewählten Standorte')).toEqual(['Alle gewählten Standorte', 6, 3, 0.5, 1, 1, 4]);
  });

  it('holidays and closure days: a visit then lies outside the opening hours but still counts', () => {
    // Bad Ems: 12:00 on Monday, Christmas Day, Sunday night; Diez: its closure day.
    expect(counts.perSite.get('be')!.outside).toBe(3);
    expect(counts.perSite.get('dz')!.outside).toBe(1);
    expect(row(byDay!, '25.12.2026')).toEqual(['25.12.2026', 'Fr', 1, 'Feiertag (1. Weihnachtstag)']);
    expect(row(byDay!, '23.12.2026')).toEqual(['23.12.2026', 'Mi', 0, '']);
    expect(byDay!.rows).toHaveLength(7);
  });

  it('by Anliegensart with acute destitution, and quick requests by sub-type', () => {
    expect(row(byKind!, 'Bad Ems')).toEqual(['Bad Ems', 2, 1, 1, 1, 1]);
    expect(row(quick!, 'Unterlagen abgegeben')).toEqual(['Unterlagen abgegeben', 1, 0, 1]);
    expect(row(quick!, 'Flyer ausgehändigt')).toEqual(['Flyer ausgehändigt', 0, 1, 1]);
    expect(row(quick!, 'Identitätsprüfung')).toEqual(['Identitätsprüfung', 1, 0, 1]);
  });

  it('session boundaries: 08:00:00 counts to 08–09, 11:59:59 to 11–12, 12:00:00 to 12–13; weekend rows appear only with visits', () => {
    expect(heat!.columns.map((c) => c.label)).toEqual(['Wochentag', ...Array.from({ length: 16 }, (_, i) => `${String(8 + i).padStart(2, '0')}–${String(9 + i).padStart(2, '0')} Uhr`), 'Summe']);
    const at = (day: string, hour: number) => row(heat!, day)[hour - 8 + 1];
    expect([at('Mo', 8), at('Mo', 11), at('Mo', 12), at('Di', 9), at('Fr', 10), at('So', 23)]).toEqual([1, 1, 1, 1, 1, 1]);
    expect(heat!.rows.map((r) => r[0])).toEqual(['Mo', 'Di', 'Mi', 'Do', 'Fr', 'So', 'Summe']);
    expect(row(heat!, 'Mo').at(-1)).toBe(3);
    expect(row(heat!, 'Summe').at(-1)).toBe(6);
  });

  it('the clock change (SPEC §2): the 25-hour day counts all its visits, the repeated hour 02–03 twice', () => {
    const day = context(periodContaining('day', '2026-10-25'), '2026-11-01T12:00:00+01:00');
    const c = countVisitsOf(
      [
        visit('be', '2026-10-24T21:59:59Z'), // 23:59:59 CEST on the day before
        visit('be', '2026-10-24T22:00:00Z'), // 00:00 CEST
        visit('be', '2026-10-25T00:30:00Z'), // 02:30 CEST
        visit('be', '2026-10-25T01:30:00Z'), // 02:30 CET, the hour again
        visit('be', '2026-10-25T22:59:59Z'), // 23:59:59 CET
        visit('be', '2026-10-25T23:00:00Z'), // 00:00 on Monday
      ],
      day,
    );
    expect(c.all.total).toBe(4);
    expect(c.byWeekdayHour.get('7|2')).toBe(2);
    expect(c.byWeekdayHour.get('7|0')).toBe(1);
    expect(c.byWeekdayHour.get('7|23')).toBe(1);
  });

  it('an empty period: every figure 0, shares without value', () => {
    const c = countVisitsOf([], ctx);
    const [sites] = visitTables(c, ctx);
    expect(row(sites!, 'Alle gewählten Standorte')).toEqual(['Alle gewählten Standorte', 0, 0, null, 0, 0, 0]);
  });
});
