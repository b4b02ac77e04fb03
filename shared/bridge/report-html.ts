import type { ReportChart, ReportPrint } from './contract';
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
  'td.num{text-align:right}' +
  'svg.chart{display:block;max-width:100%;height:auto;margin:0 0 2mm;break-inside:avoid}';

/** CSP hash of REPORT_CSS (test/unit/electron/report-html.test.ts recomputes it; csp.ts allows it). */
export const REPORT_STYLE_HASH = "'sha256-tSkWgve2gQZlWiXCAc0le6/9EoWeBr8TsCRqUXuCSo0='";

export const REPORT_CSP = `default-src 'none'; style-src ${REPORT_STYLE_HASH}; base-uri 'none'; form-action 'none'`;

/** Numbers are right-aligned; "–" means "no figure". */
const NUMERIC = /^[-–+]?[\d.,]+( %)?$|^–$/;

const GREYS = ['#000000', '#6b6b6b', '#a8a8a8', '#d9d9d9', '#404040', '#8c8c8c', '#c4c4c4', '#f0f0f0'];
const svgText = (x: number, y: number, text: string, extra = '') => `<text x="${x}" y="${y}" font-size="8"${extra}>${escapeHtml(text)}</text>`;

/**
 * A chart drawn from numbers (issue 8 item 3 in the printout): bars with the series named beside
 * each bar and its value at its end, or a heat map whose cells print their number – greys only,
 * readable on a black-and-white printer and without colour.
 */
export function renderChartSvg(chart: ReportChart, title: string): string {
  const label = `Diagramm: ${title}. Die Zahlen stehen in der Tabelle darunter.`;
  if (chart.kind === 'heat') {
    const cell = 22;
    const left = 40;
    const top = 14;
    const max = Math.max(1, ...chart.values.flat());
    const width = left + chart.columns.length * cell;
    const height = top + chart.rows.length * cell;
    const parts = chart.columns.map((c, j) => svgText(left + j * cell + 2, top - 4, c.replace(/ Uhr$/, '')));
    chart.rows.forEach((row, i) => {
      parts.push(svgText(0, top + i * cell + 14, row));
      chart.columns.forEach((_, j) => {
        const v = chart.values[i]?.[j] ?? 0;
        const level = Math.round((v / max) * 200);
        const grey = 255 - level;
        parts.push(`<rect x="${left + j * cell}" y="${top + i * cell}" width="${cell}" height="${cell}" fill="rgb(${grey},${grey},${grey})" stroke="#000" stroke-width="0.3"/>`);
        parts.push(svgText(left + j * cell + 3, top + i * cell + 14, String(v), level > 110 ? ' fill="#fff"' : ''));
      });
    });
    return `<svg class="chart" role="img" aria-label="${escapeHtml(label)}" viewBox="0 0 ${width} ${height}" width="${width * 1.3}" height="${height * 1.3}">${parts.join('')}</svg>`;
  }
  const labelWidth = 170;
  const barMax = 300;
  const row = 11;
  const max = Math.max(1e-9, ...chart.series.flatMap((s) => s.values.map((v) => v ?? 0)));
  const parts: string[] = [];
  let y = 0;
  chart.categories.forEach((category, c) => {
    parts.push(svgText(0, y + 9, category, ' font-weight="bold"'));
    y += row;
    chart.series.forEach((series, k) => {
      const v = series.values[c] ?? null;
      parts.push(svgText(8, y + 8, series.name));
      if (v !== null) {
        const w = Math.max(0.5, (v / max) * barMax);
        parts.push(`<rect x="${labelWidth}" y="${y + 1}" width="${w.toFixed(1)}" height="${row - 3}" fill="${GREYS[k % GREYS.length]}" stroke="#000" stroke-width="0.4"/>`);
        parts.push(svgText(labelWidth + w + 3, y + 8, series.shown[c] ?? String(v)));
      } else parts.push(svgText(labelWidth, y + 8, '–'));
      y += row;
    });
    y += 3;
  });
  const width = labelWidth + barMax + 60;
  return `<svg class="chart" role="img" aria-label="${escapeHtml(label)}" viewBox="0 0 ${width} ${y}" width="${width * 1.3}" height="${(y * 1.3).toFixed(0)}"><title>${escapeHtml(chart.valueLabel)}</title>${parts.join('')}</svg>`;
}

export function renderReportHtml(r: ReportPrint): string {
  const tables = r.tables.map((t) =>
    [
      `<h2>${escapeHtml(t.title)}</h2>`,
      `<p class="definition">${escapeHtml(t.definition)}</p>`,
      ...(t.chart ? [renderChartSvg(t.chart, t.title)] : []),
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
