import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CSV_BOM, exportFileName, tableToCsv, tablesToXlsx, toBase64 } from '../../../../shared/reports/export';
import type { ReportTable } from '../../../../shared/reports/table';

const table: ReportTable = {
  id: 'vorsprachen-standorte',
  title: 'Vorsprachen je Standort',
  definition: 'Gezählt wird jede erfasste Vorsprache.',
  columns: [
    { label: 'Standort', kind: 'text' },
    { label: 'Vorsprachen', kind: 'count' },
    { label: 'Anteil abgeschlossen (%)', kind: 'percent' },
    { label: 'Median Wartezeit (Minuten)', kind: 'minutes' },
  ],
  rows: [
    ['Bad Ems', 1234, 0.4531, 12.25],
    ['Diez; Nord', 0, null, null],
  ],
};

describe('issue 8 item 4: CSV that German Excel opens correctly', () => {
  it('UTF-8 with BOM, semicolons, decimal comma, no thousands separator, percent as number of percent, empty for "no figure"', () => {
    const csv = tableToCsv(table);
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('Standort;Vorsprachen;Anteil abgeschlossen (%);Median Wartezeit (Minuten)');
    expect(lines[1]).toBe('Bad Ems;1234;45,3;12,3');
    // A semicolon inside a text is quoted, so the columns stay put.
    expect(lines[2]).toBe('"Diez; Nord";0;;');
    const parsed = Papa.parse<string[]>(csv.slice(1), { delimiter: ';' });
    expect(parsed.data[2]).toEqual(['Diez; Nord', '0', '', '']);
  });

  it('file names carry the table and the period, nothing else', () => {
    expect(exportFileName('vorsprachen-standorte', '2026-11-23', 'csv')).toBe('auswertung-vorsprachen-standorte-2026-11-23.csv');
  });
});

describe('issue 8 item 4: XLSX with a maintained workbook library (exceljs)', () => {
  it('one sheet per table with title, period, sites and definition on top; numbers stay numbers with their format', async () => {
    const bytes = await tablesToXlsx([table, { ...table, id: 'x', title: 'Vorsprachen je Standort' }], {
      title: 'Auswertungen',
      periodLabel: 'Do, 26.11.2026',
      siteNames: ['Bad Ems', 'Diez'],
      createdAt: new Date('2026-11-27T08:00:00Z'),
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Vorsprachen je Standort', 'Vorsprachen je Standort 2']);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A1').value).toBe('Vorsprachen je Standort');
    expect(ws.getCell('A2').value).toBe('Zeitraum: Do, 26.11.2026');
    expect(ws.getCell('A3').value).toBe('Standorte: Bad Ems, Diez');
    expect(ws.getCell('A4').value).toBe('Gezählt wird jede erfasste Vorsprache.');
    expect(ws.getRow(6).values).toEqual([undefined, 'Standort', 'Vorsprachen', 'Anteil abgeschlossen (%)', 'Median Wartezeit (Minuten)']);
    expect([ws.getCell('A7').value, ws.getCell('B7').value, ws.getCell('C7').value]).toEqual(['Bad Ems', 1234, 0.4531]);
    expect(ws.getCell('C7').numFmt).toBe('0.0%');
    expect(ws.getCell('C8').value).toBeNull();
    expect(toBase64(bytes).length).toBeGreaterThan(100);
  });
});
