import { describe, expect, it } from 'vitest';
import { periodContaining, previousPeriod } from '../../../../shared/reports/period';
import { buildReport, comparisonTable, type ReportData } from '../../../../shared/reports/report';
import { csvCell, displayCell } from '../../../../shared/reports/table';
import { context, row, visit } from './fixtures';

const empty: ReportData = { visits: [], handoffs: [], tickets: [], cells: [], absences: [], homeSiteOf: new Map() };
const day = periodContaining('day', '2026-11-26');
const ctx = context(day, '2026-11-27T12:00:00+01:00');

describe('issue 8: the whole report and the comparison with the previous period', () => {
  it('an empty period gives every table, with 0 and "–" (no share of nothing)', () => {
    const r = buildReport(empty, ctx);
    expect(r.sections.map((s) => s.id)).toEqual(['vorsprachen', 'weiterleitungen', 'tickets', 'besetzung']);
    expect(r.sections.flatMap((s) => s.tables).map((t) => t.id)).toEqual([
      'vorsprachen-standorte',
      'vorsprachen-anliegensart',
      'schnellanliegen-art',
      'vorsprachen-tage',
      'vorsprachen-wochentag-stunde',
      'weiterleitungen-wartezeit',
      'weiterleitungen-stunde',
      'tickets-fristen',
      'tickets-quote-woche',
      'tickets-termine',
      'besetzung-oeffnungszeiten',
      'besetzung-abwesenheiten',
    ]);
    expect(r.headline).toEqual({
      visits: 0,
      closedAtDeskShare: null,
      handoffs: 0,
      medianWaitLb: null,
      sameDayAtRisk: 0,
      ticketsCreated: 0,
      onTimeRate: null,
      sessionsUncovered: 0,
      sessionsAtRisk: 0,
    });
  });

  it('compares now with before: change = now − before, shares in percentage points', () => {
    const data: ReportData = {
      ...empty,
      visits: [
        visit('be', '2026-11-26T09:00:00+01:00'),
        visit('be', '2026-11-26T09:10:00+01:00', { outcome: 'handoff-lb', concernKind: 'benefits', quickSubtype: null }),
        visit('be', '2026-11-26T09:20:00+01:00'),
        visit('be', '2026-11-26T09:30:00+01:00'),
        visit('dz', '2026-11-25T09:00:00+01:00'),
      ],
    };
    const now = buildReport(data, ctx);
    const before = buildReport(data, { ...ctx, period: previousPeriod(day) });
    const t = comparisonTable(now, before);
    expect(t.title).toBe('Vergleich mit der Vorperiode (Mi, 25.11.2026)');
    expect(row(t, 'Vorsprachen')).toEqual(['Vorsprachen', 'Anzahl', 4, 1, 3]);
    expect(row(t, 'Anteil an der Anlaufstelle abgeschlossen')).toEqual([
      'Anteil an der Anlaufstelle abgeschlossen',
      'Prozent (Veränderung in Prozentpunkten)',
      75,
      100,
      -25,
    ]);
    expect(row(t, 'Quote fristgerecht').slice(2)).toEqual([null, null, null]);
  });
});

describe('issue 8 item 4: cells for the screen and for German Excel', () => {
  it('screen: thousands point, decimal comma, percent sign; nothing → "–"', () => {
    expect(displayCell('count', 12345)).toBe('12.345');
    expect(displayCell('percent', 0.4537)).toBe('45,4 %');
    expect(displayCell('minutes', 12)).toBe('12,0');
    expect(displayCell('number', -25)).toBe('-25');
    expect(displayCell('percent', null)).toBe('–');
  });
  it('CSV: decimal comma, no thousands separator, percent as number of percent; nothing → empty', () => {
    expect(csvCell('count', 12345)).toBe('12345');
    expect(csvCell('percent', 0.4537)).toBe('45,4');
    expect(csvCell('hours', 23.983)).toBe('24,0');
    expect(csvCell('number', 2.5)).toBe('2,5');
    expect(csvCell('minutes', null)).toBe('');
  });
});
