import { describe, expect, it } from 'vitest';
import { barValue, chartModel, chartSummary, CHARTED_TABLE_IDS, heatShade, percentValue, printChart } from '../../../../renderer/src/features/reports/chart-model';
import { periodContaining } from '../../../../shared/reports/period';
import { buildReport, type ReportData } from '../../../../shared/reports/report';
import type { ReportTable } from '../../../../shared/reports/table';
import { context, visit } from '../../shared/reports/fixtures';

const empty: ReportData = { visits: [], handoffs: [], tickets: [], cells: [], absences: [], homeSiteOf: new Map() };
const week = periodContaining('week', '2026-11-26');
const ctx = context(week, '2026-11-27T12:00:00+01:00');

function tableOf(data: ReportData, id: string): ReportTable {
  const t = buildReport(data, ctx)
    .sections.flatMap((s) => s.tables)
    .find((x) => x.id === id);
  if (!t) throw new Error(`no table ${id}`);
  return t;
}

const data: ReportData = {
  ...empty,
  visits: [
    visit('be', '2026-11-23T08:10:00+01:00'),
    visit('be', '2026-11-23T08:20:00+01:00', { concernKind: 'application', quickSubtype: null, acute: true }),
    visit('dz', '2026-11-23T09:05:00+01:00', { concernKind: 'benefits', quickSubtype: null }),
    visit('be', '2026-11-26T11:30:00+01:00', { concernKind: 'other', quickSubtype: null }),
  ],
};

/** Conversely: the relative luminance of an sRGB grey level, and the contrast of two luminances. */
const lum = (level: number) => {
  const c = level / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
};
const contrast = (a: number, b: number) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);

describe('issue 8 item 3: the charts draw the figures of the table beside them', () => {
  it('only the four tables have a chart (the weekly rate only once there are tickets: no week, nothing to draw)', () => {
    const tables = buildReport(data, ctx).sections.flatMap((s) => s.tables);
    expect(tables.filter((t) => chartModel(t) !== null).map((t) => t.id)).toEqual([
      'vorsprachen-anliegensart',
      'vorsprachen-wochentag-stunde',
      'weiterleitungen-wartezeit',
    ]);
    expect(tables.filter((t) => CHARTED_TABLE_IDS.includes(t.id as never)).map((t) => t.id)).toEqual([
      'vorsprachen-anliegensart',
      'vorsprachen-wochentag-stunde',
      'weiterleitungen-wartezeit',
      'tickets-quote-woche',
    ]);
  });

  it('heat map: weekdays × hours without the "Summe" row and column, the same counts as the table', () => {
    const t = tableOf(data, 'vorsprachen-wochentag-stunde');
    const m = chartModel(t);
    expect(m?.kind).toBe('heatmap');
    if (m?.kind !== 'heatmap') return;
    expect(m.rows).toEqual(['Mo', 'Di', 'Mi', 'Do', 'Fr']);
    expect(m.columns).toEqual(['08–09 Uhr', '09–10 Uhr', '10–11 Uhr', '11–12 Uhr']);
    expect(m.values).toEqual([
      [2, 1, 0, 0],
      [0, 0, 0, 0],
      [0, 0, 0, 0],
      [0, 0, 0, 1],
      [0, 0, 0, 0],
    ]);
    // Cell by cell the table's figures.
    m.values.forEach((row, i) => expect(row).toEqual(t.rows[i]!.slice(1, -1)));
    expect(m.max).toBe(2);
    expect(m.total).toBe(4);
    expect(chartSummary(t.title, m)).toBe(
      'Diagramm: Vorsprachen nach Wochentag und Stunde, Raster aus 5 Wochentagen und 4 Stunden, je dunkler, desto mehr Vorsprachen; jede Zelle nennt ihre Zahl. ' +
        'Die meisten (2) kamen Mo 08–09 Uhr. Die Zahlen stehen in der Tabelle daneben.',
    );
  });

  it('stacked bars: one bar per site, the kinds of concern in the table’s order, without the total row and "Davon akut mittellos"', () => {
    const m = chartModel(tableOf(data, 'vorsprachen-anliegensart'));
    expect(m?.kind).toBe('stacked-bars');
    if (m?.kind !== 'stacked-bars') return;
    expect(m.series.map((s) => s.label)).toEqual(['Schnellanliegen', 'Antragstellung / akute Mittellosigkeit', 'Allgemeine Leistungsanliegen', 'Sonstige Anliegen']);
    expect(m.data).toEqual([
      { name: 'Bad Ems', s0: 1, s1: 1, s2: 0, s3: 1 },
      { name: 'Diez', s0: 0, s1: 0, s2: 1, s3: 0 },
    ]);
    expect(m.valueLabel).toBe('Vorsprachen');
    expect(m.valueKind).toBe('count');
  });

  it('issue 8 item 4: the printout gets the same chart as numbers and labels – the stacked bars per site with each value as the table writes it', () => {
    expect(printChart(tableOf(data, 'vorsprachen-anliegensart'))).toEqual({
      kind: 'bars',
      valueLabel: 'Vorsprachen',
      categories: ['Bad Ems', 'Diez'],
      series: [
        { name: 'Schnellanliegen', values: [1, 0], shown: ['1', '0'] },
        { name: 'Antragstellung / akute Mittellosigkeit', values: [1, 0], shown: ['1', '0'] },
        { name: 'Allgemeine Leistungsanliegen', values: [0, 1], shown: ['0', '1'] },
        { name: 'Sonstige Anliegen', values: [1, 0], shown: ['1', '0'] },
      ],
    });
    expect(printChart(tableOf(data, 'vorsprachen-wochentag-stunde'))?.kind).toBe('heat');
    expect(printChart(tableOf(data, 'vorsprachen-standorte'))).toBeUndefined();
  });

  it('on-time rate per week: percent with one decimal as the table shows it, "KW n/yyyy" as the label, no rate stays a gap', () => {
    const t: ReportTable = {
      ...tableOf(empty, 'tickets-quote-woche'),
      rows: [
        ['KW 47/2026 (ab 16.11.2026)', 3, 2, 1, 2 / 3],
        ['KW 48/2026 (ab 23.11.2026)', 2, 0, 0, null],
        ['KW 49/2026 (ab 30.11.2026)', 4, 4, 0, 1],
      ],
    };
    const m = chartModel(t);
    expect(m?.kind).toBe('line');
    if (m?.kind !== 'line') return;
    expect(m.series).toEqual([{ key: 's0', label: 'Quote fristgerecht (%)' }]);
    expect(m.data).toEqual([
      { name: 'KW 47/2026', s0: 66.7 },
      { name: 'KW 48/2026', s0: null },
      { name: 'KW 49/2026', s0: 100 },
    ]);
    expect(chartSummary(t.title, m)).toBe('Diagramm: Quote fristgerecht je Woche, Linie über 3 Wochen. Von 66,7 % bis 100,0 %. Die Zahlen stehen in der Tabelle daneben.');
    // The real table of a week without tickets has no rows: no chart.
    expect(tableOf(empty, 'tickets-quote-woche').rows).toEqual([]);
    expect(chartModel(tableOf(empty, 'tickets-quote-woche'))).toBeNull();
  });

  it('waiting times: median and 90th percentile per site and department, in the table’s row order; no waiting time stays null', () => {
    const real = tableOf(empty, 'weiterleitungen-wartezeit');
    const t: ReportTable = { ...real, rows: [['Bad Ems', 'Leistungsbereich', 4, 3, 12, 30, 0.25, 1, 0, 0], ...real.rows.slice(1)] };
    const m = chartModel(t);
    expect(m?.kind).toBe('grouped-bars');
    if (m?.kind !== 'grouped-bars') return;
    expect(m.series.map((s) => s.label)).toEqual(['Median Wartezeit (Min.)', '90. Perzentil Wartezeit (Min.)']);
    expect(m.data.map((d) => d.name)).toEqual([
      'Bad Ems – Leistungsbereich',
      'Bad Ems – Vermittlung',
      'Diez – Leistungsbereich',
      'Diez – Vermittlung',
      'Alle gewählten Standorte – Leistungsbereich',
      'Alle gewählten Standorte – Vermittlung',
    ]);
    expect(m.data[0]).toEqual({ name: 'Bad Ems – Leistungsbereich', s0: 12, s1: 30 });
    expect(m.data[1]).toEqual({ name: 'Bad Ems – Vermittlung', s0: null, s1: null });
    expect(m.valueLabel).toBe('Minuten');
    expect(m.valueKind).toBe('minutes');
    expect(barValue(m.valueKind, 12)).toBe('12,0');
    expect(percentValue(66.7)).toBe('66,7 %');
  });

  it('no chart for a table without figures to draw', () => {
    expect(chartModel({ id: 'vorsprachen-anliegensart', title: 'x', definition: '', columns: [{ label: 'Standort', kind: 'text' }], rows: [] })).toBeNull();
    expect(chartModel({ id: 'vorsprachen-standorte', title: 'x', definition: '', columns: [], rows: [] })).toBeNull();
  });
});

describe('issue 8 item 3: the heat map reads without colour', () => {
  it('0 is white, the maximum dark grey; darker for more', () => {
    expect(heatShade(0, 5).level).toBe(255);
    expect(heatShade(5, 5).level).toBe(51);
    expect(heatShade(0, 0).level).toBe(255);
    expect(heatShade(2, 5).level).toBeGreaterThan(heatShade(3, 5).level);
  });
  it('the number in every cell has a contrast of at least 4.5:1 on its grey', () => {
    for (let v = 0; v <= 100; v++) {
      const s = heatShade(v, 100);
      const text = s.text === 'black' ? 0 : 1;
      expect(contrast(lum(s.level), text)).toBeGreaterThanOrEqual(4.5);
    }
  });
});
