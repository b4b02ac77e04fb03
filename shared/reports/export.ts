import Papa from 'papaparse';
import type { Cell, CellKind, ReportTable } from './table';
import { csvCell } from './table';

/**
 * Exports of the Auswertungen (issue 8 item 4). CSV as German Excel opens it: semicolon, decimal
 * comma, UTF-8 with a byte-order mark, CRLF – written by papaparse (quoting included). XLSX by
 * exceljs (the maintained workbook library, not the frozen `xlsx` 0.18): numbers stay numbers with
 * a number format, so Excel can sum them. Both from the same ReportTable as the screen and the
 * printout, so the three cannot disagree; no cell holds personal data (item 5).
 */

export const CSV_BOM = '\ufeff';

/** One table as CSV text for German Excel. */
export function tableToCsv(table: ReportTable): string {
  const header = table.columns.map((c) => c.label);
  const rows = table.rows.map((row) => row.map((cell, i) => csvCell(table.columns[i]!.kind, cell)));
  return CSV_BOM + Papa.unparse([header, ...rows], { delimiter: ';', newline: '\r\n', quotes: false });
}

/** A file name without umlauts or spaces: "auswertung-vorsprachen-standorte-2026-11-26.csv". */
export function exportFileName(tableId: string, periodFrom: string, extension: 'csv' | 'xlsx'): string {
  return `auswertung-${tableId}-${periodFrom}.${extension}`.replace(/[^a-z0-9.-]/gi, '-');
}

const NUMBER_FORMAT: Record<CellKind, string | null> = {
  text: null,
  count: '#,##0',
  percent: '0.0%',
  minutes: '0.0',
  hours: '0.0',
  number: '0.0',
};

/** Excel sheet names: at most 31 characters, none of []:*?/\ , unique in the workbook. */
function sheetName(title: string, taken: Set<string>): string {
  const base = title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 28).trim() || 'Tabelle';
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base.slice(0, 27)} ${n}`;
  taken.add(name.toLowerCase());
  return name;
}

export interface WorkbookMeta {
  title: string;
  periodLabel: string;
  siteNames: readonly string[];
  createdAt: Date;
}

/** The tables as one workbook (one sheet each: title, period, sites, definition, then the table). */
export async function tablesToXlsx(tables: readonly ReportTable[], meta: WorkbookMeta): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Anlaufstelle';
  wb.created = meta.createdAt;
  const taken = new Set<string>();
  for (const t of tables) {
    const ws = wb.addWorksheet(sheetName(t.title, taken));
    ws.addRow([t.title]).font = { bold: true, size: 13 };
    ws.addRow([`Zeitraum: ${meta.periodLabel}`]);
    ws.addRow([`Standorte: ${meta.siteNames.join(', ')}`]);
    ws.addRow([t.definition]);
    ws.addRow([]);
    ws.addRow(t.columns.map((c) => c.label)).font = { bold: true };
    for (const row of t.rows) ws.addRow(row.map((cell: Cell) => cell ?? null));
    t.columns.forEach((c, i) => {
      const col = ws.getColumn(i + 1);
      col.width = Math.min(40, Math.max(12, c.label.length + 2));
      const format = NUMBER_FORMAT[c.kind];
      if (format) col.numFmt = format;
    });
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Bytes as base64, in chunks (the bridge carries the workbook as text). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
