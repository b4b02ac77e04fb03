import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BRIDGE_FAILURE, parseBridgeInput, reportPrintSchema, saveFileSchema, XLSX_MIME } from '@shared/bridge/contract';
import { REPORT_CSS, REPORT_STYLE_HASH, renderChartSvg, renderReportHtml } from '@shared/bridge/report-html';
import { validReport } from './fixtures';

/** Issue 8 item 4: the whole report printed (or saved as PDF) through the platform bridge. */
describe('printed Auswertungen report (issue 8 item 4, SPEC §10 "Safe")', () => {
  it('has title, period, sites and the time it was made on top, then each table with its definition, in German', () => {
    const html = renderReportHtml(validReport());
    expect(html).toContain('<html lang="de">');
    expect(html).toMatch(/<h1>[^<]+<\/h1>/);
    expect(html).toContain('Zeitraum: <strong>');
    expect(html).toContain('Standorte: <strong>');
    expect(html).toMatch(/Erstellt am \d\d\.\d\d\.\d{4}/);
    expect(html).toContain('keine personenbezogenen Daten');
    expect(html).toContain('<thead><tr><th scope="col">');
    expect(html).toContain('class="definition"');
  });

  it('escapes every text and carries no script; its one style is allowed by the hash the CSP names', () => {
    const html = renderReportHtml(validReport({ title: '<script>alert(1)</script> & Co' }));
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co');
    const hash = `'sha256-${createHash('sha256').update(REPORT_CSS).digest('base64')}'`;
    expect(REPORT_STYLE_HASH).toBe(hash);
    expect(html).toContain(`style-src ${hash}`);
  });

  it('right-aligns figures, not words', () => {
    const html = renderReportHtml(validReport({ tables: [{ title: 'T', definition: 'D', columns: ['Standort', 'Anzahl', 'Anteil'], rows: [['Bad Ems', '1.234', '12,5 %']] }] }));
    expect(html).toContain('<th scope="row">Bad Ems</th><td class="num">1.234</td><td class="num">12,5 %</td>');
  });

  it('refuses a report whose rows do not fit its columns, or that is too large to print, in German', () => {
    const crooked = parseBridgeInput(reportPrintSchema, validReport({ tables: [{ title: 'T', definition: 'D', columns: ['a', 'b'], rows: [['1']] }] }), BRIDGE_FAILURE.printReport);
    expect(crooked.ok).toBe(false);
    const huge = validReport({ tables: Array.from({ length: 30 }, () => ({ title: 'T', definition: 'D', columns: ['a', 'b'], rows: Array.from({ length: 400 }, () => ['1', '2']) })) });
    const refused = parseBridgeInput(reportPrintSchema, huge, BRIDGE_FAILURE.printReport);
    expect(refused.ok === false && refused.error).toBe('Der Bericht wurde nicht gedruckt. Der Bericht ist zu groß zum Drucken (höchstens 20000 Felder). Bitte einen kürzeren Zeitraum wählen oder als Excel-Datei speichern.');
  });

  it('issue 8 items 3, 4: a table\'s chart is printed above it from numbers – each bar names its series and carries its value, each heat-map cell its number; labels escaped, no script', () => {
    const bars = renderChartSvg(
      { kind: 'bars', valueLabel: 'Vorsprachen', categories: ['Bad Ems <b>'], series: [{ name: 'Schnellanliegen', values: [12], shown: ['12'] }, { name: 'Sonstige', values: [null], shown: ['–'] }] },
      'Vorsprachen nach Anliegensart',
    );
    expect(bars).toMatch(/^<svg class="chart" role="img" aria-label="Diagramm: Vorsprachen nach Anliegensart\. Die Zahlen stehen in der Tabelle darunter\."/);
    expect(bars).toContain('>Bad Ems &lt;b&gt;</text>');
    expect(bars).toContain('>Schnellanliegen</text>');
    expect(bars).toContain('>12</text>');
    expect(bars).toContain('>–</text>');
    const heat = renderChartSvg({ kind: 'heat', rows: ['Mo', 'Di'], columns: ['08–09 Uhr', '09–10 Uhr'], values: [[3, 0], [1, 7]] }, 'Wochentag × Stunde');
    for (const n of ['3', '0', '1', '7']) expect(heat).toContain(`>${n}</text>`);
    const html = renderReportHtml(validReport({ tables: [{ title: 'T', definition: 'D', columns: ['a'], rows: [['1']], chart: { kind: 'heat', rows: ['Mo'], columns: ['08–09 Uhr'], values: [[1]] } }] }));
    expect(html.indexOf('<svg')).toBeGreaterThan(html.indexOf('class="definition"'));
    expect(html.indexOf('<svg')).toBeLessThan(html.indexOf('<table>'));
    expect(html).not.toContain('<script');
    // Numbers and labels only cross the bridge: markup in a label or a value of the wrong kind is refused or escaped.
    const markup = parseBridgeInput(reportPrintSchema, validReport({ tables: [{ title: 'T', definition: 'D', columns: ['a'], rows: [['1']], chart: { kind: 'heat', rows: ['Mo'], columns: ['x'], values: [['<svg/onload=alert(1)>' as unknown as number]] } }] }), BRIDGE_FAILURE.printReport);
    expect(markup.ok).toBe(false);
  });

  it('an Excel workbook travels as base64; damaged content is refused', () => {
    expect(saveFileSchema.safeParse({ suggestedName: 'Auswertung.xlsx', content: 'UEsDBA==', mimeType: XLSX_MIME }).success).toBe(true);
    expect(saveFileSchema.safeParse({ suggestedName: 'Auswertung.xlsx', content: 'kein base64!', mimeType: XLSX_MIME }).success).toBe(false);
    expect(saveFileSchema.safeParse({ suggestedName: 'Auswertung.csv', content: 'UEsDBA==', mimeType: XLSX_MIME }).success).toBe(false);
  });
});
