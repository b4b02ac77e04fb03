import type { ReportChart } from '@shared/bridge/contract';
import { displayCell, type Cell, type CellKind, type ReportTable } from '@shared/reports/table';

/**
 * Issue 8 item 3: the figures a chart draws, taken from the figure table beside it – one source, so
 * chart and table cannot disagree. Pure (no React, no recharts): unit-tested on its own. Series keep
 * the table's column order, categories the table's row order.
 */

/** The tables that have a chart beside them. */
export const CHARTED_TABLE_IDS = ['vorsprachen-wochentag-stunde', 'vorsprachen-anliegensart', 'tickets-quote-woche', 'weiterleitungen-wartezeit'] as const;

export interface ChartSeries {
  /** Key in each data row: s0, s1, … in the table's column order. */
  key: string;
  label: string;
}

/** One category (a row of the table) with its values by series key; null = no figure ("–"). */
export type ChartDatum = { name: string } & Record<string, string | number | null>;

export interface HeatMapModel {
  kind: 'heatmap';
  /** Row labels (weekdays), column labels (hours), values[row][column]. No "Summe" row or column. */
  rows: string[];
  columns: string[];
  values: number[][];
  max: number;
  total: number;
}

export interface BarsModel {
  kind: 'stacked-bars' | 'grouped-bars';
  /** What a category is ("Standort", "Standort und Fachbereich"). */
  categoryLabel: string;
  /** The value axis' label ("Vorsprachen", "Minuten"). */
  valueLabel: string;
  /** How the values are written on the bars: as the table writes them ("12", "21,0"). */
  valueKind: CellKind;
  series: ChartSeries[];
  data: ChartDatum[];
}

export interface LineModel {
  kind: 'line';
  categoryLabel: string;
  valueLabel: string;
  series: ChartSeries[];
  /** Values in percent (0…100), rounded to one decimal as the table shows them. */
  data: ChartDatum[];
}

export type ChartModel = HeatMapModel | BarsModel | LineModel;

const num = (c: Cell | undefined): number | null => (typeof c === 'number' && Number.isFinite(c) ? c : null);
const SUM = 'Summe';
const ALL_SITES = 'Alle gewählten Standorte';

/** The chart for a figure table, or null when the table has none (or nothing to draw). */
export function chartModel(table: ReportTable): ChartModel | null {
  switch (table.id) {
    case 'vorsprachen-wochentag-stunde':
      return heatMap(table);
    case 'vorsprachen-anliegensart':
      return concernBars(table);
    case 'tickets-quote-woche':
      return weeklyRate(table);
    case 'weiterleitungen-wartezeit':
      return waitingBars(table);
    default:
      return null;
  }
}

/** Weekday × hour: the table without its "Summe" row and column. */
function heatMap(table: ReportTable): HeatMapModel | null {
  const lastColumn = table.columns.at(-1)?.label === SUM ? table.columns.length - 1 : table.columns.length;
  const columns = table.columns.slice(1, lastColumn).map((c) => c.label);
  const body = table.rows.filter((r) => r[0] !== SUM);
  if (columns.length === 0 || body.length === 0) return null;
  const values = body.map((r) => r.slice(1, lastColumn).map((c) => num(c) ?? 0));
  const flat = values.flat();
  return {
    kind: 'heatmap',
    rows: body.map((r) => String(r[0])),
    columns,
    values,
    max: Math.max(0, ...flat),
    total: flat.reduce((a, b) => a + b, 0),
  };
}

/**
 * Visits by kind of concern, one stacked bar per site. Left out: the total row (it would double
 * the scale) and "Davon akut mittellos" (already inside Antragstellung, so it does not stack).
 */
function concernBars(table: ReportTable): BarsModel | null {
  const kindColumns = table.columns.map((c, i) => ({ ...c, i })).filter((c) => c.i > 0 && c.kind === 'count' && !c.label.startsWith('Davon'));
  const rows = table.rows.filter((r) => r[0] !== ALL_SITES);
  if (kindColumns.length === 0 || rows.length === 0) return null;
  const series = kindColumns.map((c, k) => ({ key: `s${k}`, label: c.label }));
  const data = rows.map((r) => {
    const d: ChartDatum = { name: String(r[0]) };
    kindColumns.forEach((c, k) => (d[`s${k}`] = num(r[c.i]) ?? 0));
    return d;
  });
  return { kind: 'stacked-bars', categoryLabel: table.columns[0]!.label, valueLabel: 'Vorsprachen', valueKind: 'count', series, data };
}

/** On-time rate per week: "KW 48/2026 (ab 23.11.2026)" → "KW 48/2026"; weeks without a rate stay null (a gap). */
function weeklyRate(table: ReportTable): LineModel | null {
  const rate = table.columns.findIndex((c) => c.kind === 'percent');
  if (rate < 0 || table.rows.length === 0) return null;
  return {
    kind: 'line',
    categoryLabel: table.columns[0]!.label,
    valueLabel: 'Prozent',
    series: [{ key: 's0', label: table.columns[rate]!.label }],
    data: table.rows.map((r) => {
      const v = num(r[rate]);
      return { name: String(r[0]).replace(/\s*\(.*\)$/, ''), s0: v === null ? null : Math.round(v * 1000) / 10 };
    }),
  };
}

/** Median and 90th percentile of the waiting time, one group of two bars per site and department. */
function waitingBars(table: ReportTable): BarsModel | null {
  const minutes = table.columns.map((c, i) => ({ ...c, i })).filter((c) => c.kind === 'minutes');
  if (minutes.length === 0 || table.rows.length === 0) return null;
  return {
    kind: 'grouped-bars',
    categoryLabel: `${table.columns[0]!.label} und Fachbereich`,
    valueLabel: 'Minuten',
    valueKind: 'minutes',
    series: minutes.map((c, k) => ({ key: `s${k}`, label: c.label })),
    data: table.rows.map((r) => {
      const d: ChartDatum = { name: `${String(r[0])} – ${String(r[1])}` };
      minutes.forEach((c, k) => (d[`s${k}`] = num(r[c.i])));
      return d;
    }),
  };
}

const GERMAN = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 1 });
/** An axis tick or a count as the chart prints it: "1.234", "12,5"; no figure → "–". */
export const chartNumber = (v: number | string | null | undefined): string => (typeof v === 'number' ? GERMAN.format(v) : '–');
/** A value written on a bar, as its table cell reads ("12", "21,0"). */
export const barValue = (kind: CellKind, v: number): string => displayCell(kind, v);
/** A point of the weekly line (percent 0…100), as its table cell reads: "66,7 %". */
export const percentValue = (v: number): string => displayCell('percent', v / 100);

/**
 * The chart's text alternative (its svg's aria-label): what is drawn and the most telling figure,
 * and where the figures are – the table beside it.
 */
export function chartSummary(title: string, m: ChartModel): string {
  const after = 'Die Zahlen stehen in der Tabelle daneben.';
  switch (m.kind) {
    case 'heatmap': {
      let best = { r: 0, c: 0 };
      m.values.forEach((row, r) => row.forEach((v, c) => v > m.values[best.r]![best.c]! && (best = { r, c })));
      const peak = m.max > 0 ? ` Die meisten (${chartNumber(m.max)}) kamen ${m.rows[best.r]} ${m.columns[best.c]}.` : ' Im Zeitraum gab es keine Vorsprachen.';
      return `Diagramm: ${title}, Raster aus ${m.rows.length} Wochentagen und ${m.columns.length} Stunden, je dunkler, desto mehr Vorsprachen; jede Zelle nennt ihre Zahl.${peak} ${after}`;
    }
    case 'stacked-bars':
      return `Diagramm: ${title}, gestapelte Balken je ${m.categoryLabel} (${m.data.map((d) => d.name).join(', ')}), Teile: ${m.series.map((s) => s.label).join(', ')}. ${after}`;
    case 'grouped-bars':
      return `Diagramm: ${title}, Balken je ${m.categoryLabel}: ${m.series.map((s) => s.label).join(' und ')}. ${after}`;
    case 'line': {
      const values = m.data.map((d) => d.s0).filter((v): v is number => typeof v === 'number');
      const range = values.length > 0 ? ` Von ${percentValue(Math.min(...values))} bis ${percentValue(Math.max(...values))}.` : ' In keiner Woche ist schon eine Frist entschieden.';
      return `Diagramm: ${title}, Linie über ${m.data.length} ${m.data.length === 1 ? 'Woche' : 'Wochen'}.${range} ${after}`;
    }
  }
}

/**
 * A heat map cell's grey (sRGB level 0…255) for a value: 0 is white, the maximum a dark grey; and
 * the text colour that stays readable on it (contrast ≥ 4.5:1 either way, switching where black and
 * white read equally well). The number is printed in every cell, so no shade has to be told apart.
 */
export function heatShade(value: number, max: number): { level: number; text: 'black' | 'white' } {
  const t = max > 0 ? Math.min(1, Math.max(0, value / max)) : 0;
  const level = Math.round(255 - t * (255 - 51));
  const c = level / 255;
  const lin = c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  return { level, text: lin >= 0.18 ? 'black' : 'white' };
}

/**
 * The chart of a table for the printout (issue 8 items 3, 4): the same model as on screen, as plain
 * numbers and labels for the print page to draw (shared/bridge/report-html.ts) – no markup travels
 * through the bridge. The weekly rate prints as bars of percent.
 */
export function printChart(table: ReportTable): ReportChart | undefined {
  const m = chartModel(table);
  if (!m) return undefined;
  if (m.kind === 'heatmap') return { kind: 'heat', rows: m.rows, columns: m.columns, values: m.values };
  const valueOf = (d: ChartDatum, key: string) => (typeof d[key] === 'number' ? (d[key] as number) : null);
  const show = (v: number | null) => (v === null ? '–' : m.kind === 'line' ? percentValue(v) : barValue(m.valueKind, v));
  return {
    kind: 'bars',
    valueLabel: m.valueLabel,
    categories: m.data.map((d) => d.name),
    series: m.series.map((s) => ({ name: s.label, values: m.data.map((d) => valueOf(d, s.key)), shown: m.data.map((d) => show(valueOf(d, s.key))) })),
  };
}
