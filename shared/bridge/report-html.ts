import type { ReportPrint } from './contract';
import { escapeHtml, formatCreated } from './receipt-html';

/**
 * The printed Auswertungen report (issue 8 item 4): one self-contained page for both bridges, like
 * the receipt (receipt-html.ts) – no script, nothing loaded from outside, its one stylesheet allowed
 * by hash. On A4: title, period, sites and the time it was made, then every table with its
 * definition; a table's header row repeats on each page. "Als PDF speichern" is the print dialog's
 * own choice (Chromium's "Save as PDF", Windows' "Microsoft Print to PDF").
 */
export const REPORT_CSS =
  '@page{size:A4;margin:12mm}' +
  'body{margin:0;font:9pt/1.35 Arial,Helvetica,sans-serif;color:#000;background:#fff}' +
  'h1{font-size:14pt;margin:0 0 2mm}' +
  'h2{font-size:11pt;margin:6mm 0 1mm;break-after:avoid}' +
  '.meta{margin:0 0 1mm}' +
  '.definition{margin:0 0 2mm;font-size:8pt}' +
  'table{border-collapse:collapse;width:100%;margin-bottom:4mm}' +
  'thead{display:table-header-group}' +
  'tr{break-inside:avoid}' +
  'th,td{border:0.5pt solid #000;padding:1mm 1.5mm;text-align:left;vertical-align:top}' +
  'td.num{text-align:right}';

/** CSP hash of REPORT_CSS (test/unit/electron/report-html.test.ts recomputes it; csp.ts allows it). */
export const REPORT_STYLE_HASH = "'sha256-gxbmquKMkWJjkKfTrBdOI7scBh4kdtC3b0Jsp72nvxA='";

export const REPORT_CSP = `default-src 'none'; style-src ${REPORT_STYLE_HASH}; base-uri 'none'; form-action 'none'`;

/** Numbers are right-aligned; "–" means "no figure". */
const NUMERIC = /^[-–+]?[\d.,]+( %)?$|^–$/;

export function renderReportHtml(r: ReportPrint): string {
  const tables = r.tables.map((t) =>
    [
      `<h2>${escapeHtml(t.title)}</h2>`,
      `<p class="definition">${escapeHtml(t.definition)}</p>`,
      '<table>',
      `<thead><tr>${t.columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('')}</tr></thead>`,
      '<tbody>',
      ...t.rows.map((row) => `<tr>${row.map((cell, i) => (i === 0 ? `<th scope="row">${escapeHtml(cell)}</th>` : `<td${NUMERIC.test(cell) ? ' class="num"' : ''}>${escapeHtml(cell)}</td>`)).join('')}</tr>`),
      '</tbody>',
      '</table>',
    ].join('\n'),
  );
  return [
    '<!doctype html>',
    '<html lang="de">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`,
    `<title>${escapeHtml(r.title)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    '<body>',
    '<main>',
    `<h1>${escapeHtml(r.title)}</h1>`,
    `<p class="meta">Zeitraum: <strong>${escapeHtml(r.periodLabel)}</strong></p>`,
    `<p class="meta">Standorte: <strong>${escapeHtml(r.siteNames.join(', '))}</strong></p>`,
    `<p class="meta">Erstellt am ${escapeHtml(formatCreated(r.createdAt))} · nur Anzahlen und Dauern, keine personenbezogenen Daten</p>`,
    ...tables,
    '</main>',
    '</body>',
    '</html>',
  ].join('\n');
}
