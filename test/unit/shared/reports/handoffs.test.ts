import { describe, expect, it } from 'vitest';
import { countHandoffsOf, handoffTables, type ReportHandoff } from '../../../../shared/reports/handoffs';
import { periodContaining } from '../../../../shared/reports/period';
import { context, row } from './fixtures';

const iso = (s: string) => new Date(s).toISOString();

function handoff(waiting: string, taken: string | null, extra: Partial<ReportHandoff> = {}): ReportHandoff {
  return {
    siteId: 'be',
    target: 'LB',
    acute: false,
    waitingSince: iso(waiting),
    status: taken ? 'done' : 'waiting',
    takenAt: taken ? iso(taken) : null,
    finishedAt: taken ? iso(taken) : null,
    deletedAt: null,
    ...extra,
  };
}

// Monday 21.12.2026 in Bad Ems, session 08:00–12:00; the report is made two days later.
const ctx = context(periodContaining('day', '2026-12-21'), '2026-12-23T12:00:00+01:00');
const HANDOFFS = [
  handoff('2026-12-21T08:10:00+01:00', '2026-12-21T08:25:00+01:00'), // 15 min
  handoff('2026-12-21T09:00:00+01:00', '2026-12-21T09:05:00+01:00', { acute: true }), // 5 min
  handoff('2026-12-21T11:50:00+01:00', '2026-12-21T12:00:00+01:00'), // 10 min, taken at the session end: at risk
  handoff('2026-12-21T11:55:00+01:00', null), // never taken: at risk and never finished
  handoff('2026-12-21T07:50:00+01:00', '2026-12-21T08:20:00+01:00'), // before opening: belongs to 08–12, 30 min
  // Anonymised after the retention period (the label is gone, SPEC §9): still counts, 20 min.
  handoff('2026-12-21T10:00:00+01:00', '2026-12-21T10:20:00+01:00'),
  // Vermittlung after the session: not assessed for "taggleich", 10 min.
  handoff('2026-12-21T12:30:00+01:00', '2026-12-21T12:40:00+01:00', { target: 'VERMITTLUNG' }),
  handoff('2026-12-22T08:30:00+01:00', null), // next day: outside the period
];

describe('issue 8 item 2: hand-offs to LB and Vermittlung (SPEC §4)', () => {
  const counts = countHandoffsOf(HANDOFFS, ctx);
  const [bySite, byHour] = handoffTables(counts, ctx);

  it('waiting time median and 90th percentile of the hand-offs taken over: waits 5, 10, 15, 20, 30 → 15 and 30', () => {
    expect(row(bySite!, 'Bad Ems', 'Leistungsbereich')).toEqual(['Bad Ems', 'Leistungsbereich', 6, 5, 15, 30, 1 / 6, 2, 1, 0]);
  });

  it('"taggleich gefährdet": not taken over before the end of its session – taken at 12:00 sharp counts, a hand-off after the session is not assessed', () => {
    expect(row(bySite!, 'Bad Ems', 'Vermittlung')).toEqual(['Bad Ems', 'Vermittlung', 1, 1, 10, 10, 0, 0, 0, 1]);
  });

  it('per hour of the start of waiting', () => {
    expect(row(byHour!, '11–12 Uhr', 'Leistungsbereich')).toEqual(['11–12 Uhr', 'Leistungsbereich', 2, 10, 10]);
    expect(row(byHour!, '07–08 Uhr', 'Leistungsbereich')).toEqual(['07–08 Uhr', 'Leistungsbereich', 1, 30, 30]);
    expect(row(byHour!, '12–13 Uhr', 'Vermittlung')).toEqual(['12–13 Uhr', 'Vermittlung', 1, 10, 10]);
  });

  it('a hand-off of today still waiting is not yet "never finished"; on a holiday nothing is assessed for "taggleich"', () => {
    const today = context(periodContaining('day', '2026-12-21'), '2026-12-21T13:00:00+01:00');
    const c = countHandoffsOf([handoff('2026-12-21T11:55:00+01:00', null)], today);
    expect(c.groups.get('be|LB')).toMatchObject({ atRisk: 1, neverFinished: 0 });
    const holiday = context(periodContaining('day', '2026-12-25'), '2026-12-28T12:00:00+01:00');
    const h = countHandoffsOf([handoff('2026-12-25T09:00:00+01:00', null)], holiday);
    expect(h.groups.get('be|LB')).toMatchObject({ count: 1, atRisk: 0, outsideSessions: 1, neverFinished: 1 });
  });

  it('an empty period: counts 0, no median', () => {
    const [t] = handoffTables(countHandoffsOf([], ctx), ctx);
    expect(row(t!, 'Alle gewählten Standorte', 'Leistungsbereich')).toEqual(['Alle gewählten Standorte', 'Leistungsbereich', 0, 0, null, null, null, 0, 0, 0]);
  });
});
