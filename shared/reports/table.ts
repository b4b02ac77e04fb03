/**
 * One figure table of a report (issue 8): what the screen shows beside each chart, and exactly
 * what the CSV, the XLSX and the printed report contain – one model, so they cannot disagree.
 * Cells hold numbers as numbers (counts, fractions 0…1, minutes, hours); formatting happens at the
 * edge (German on screen and in CSV, number formats in XLSX). No cell ever holds a person's name:
 * rows are sites, departments, days, hours and kinds (issue 8 item 5).
 */
/** 'number': a plain figure with up to one decimal (the comparison, where rows differ in unit). */
export type CellKind = 'text' | 'count' | 'percent' | 'minutes' | 'hours' | 'number';

export interface ReportColumn {
  label: string;
  kind: CellKind;
}

export type Cell = string | number | null;

export interface ReportTable {
  /** Stable id: file names of the export, anchors on screen, tests. */
  id: string;
  title: string;
  /** What is counted, from which records (issue 8 item 2: "its definition one keystroke away"). */
  definition: string;
  columns: ReportColumn[];
  rows: Cell[][];
}

const COUNT = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 0, useGrouping: true });
const ONE_DECIMAL = new Intl.NumberFormat('de-DE', { minimumFractionDigits: 1, maximumFractionDigits: 1, useGrouping: true });
const PLAIN_ONE_DECIMAL = new Intl.NumberFormat('de-DE', { minimumFractionDigits: 1, maximumFractionDigits: 1, useGrouping: false });
const UP_TO_ONE_DECIMAL = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 1, useGrouping: true });
const PLAIN_UP_TO_ONE_DECIMAL = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 1, useGrouping: false });

/** A cell as the screen and the printed report show it: "1.234", "45,3 %", "12,5"; empty → "–". */
export function displayCell(kind: CellKind, value: Cell): string {
  if (value === null) return '–';
  if (typeof value === 'string') return value;
  switch (kind) {
    case 'count':
      return COUNT.format(value);
    case 'percent':
      return `${ONE_DECIMAL.format(value * 100)} %`;
    case 'minutes':
    case 'hours':
      return ONE_DECIMAL.format(value);
    case 'number':
      return UP_TO_ONE_DECIMAL.format(value);
    case 'text':
      return String(value);
  }
}

/**
 * A cell as German Excel reads it from a CSV (issue 8 item 4): decimal comma, no thousands
 * separator, percentages as the number of percent ("45,3" in a column labelled "(%)"); empty → "".
 */
export function csvCell(kind: CellKind, value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  switch (kind) {
    case 'count':
      return String(Math.round(value));
    case 'percent':
      return PLAIN_ONE_DECIMAL.format(value * 100);
    case 'minutes':
    case 'hours':
      return PLAIN_ONE_DECIMAL.format(value);
    case 'number':
      return PLAIN_UP_TO_ONE_DECIMAL.format(value);
    case 'text':
      return String(value);
  }
}
