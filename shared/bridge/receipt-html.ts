import type { Receipt } from './contract';
import { END_OF_DAY, endOfDayDeadline } from '../domain/deadline-display';

/**
 * The printed receipt for a callback ticket (SPEC §5), one page for both bridges: Electron loads
 * it as a data: URL into a hidden sandboxed window, the browser into a hidden srcdoc iframe.
 * Self-contained on purpose: no scripts, no external resources (SPEC §10 "Safe": no remote content).
 */

/** Narrow enough for an 80 mm receipt printer; on A4 it prints as a narrow column. */
export const RECEIPT_CSS =
  '@page{margin:4mm}' +
  'body{margin:0;max-width:72mm;font:10.5pt/1.35 Arial,Helvetica,sans-serif;color:#000;background:#fff}' +
  'h1{font-size:12pt;margin:0 0 3mm}' +
  'p{margin:0 0 2.5mm}' +
  '.ref{font-size:13pt;margin-top:4mm}' +
  '.small{font-size:8.5pt}';

/**
 * CSP hash of RECEIPT_CSS (test/unit/electron/receipt-html.test.ts recomputes it). A hash instead
 * of 'unsafe-inline': the srcdoc iframe inherits the app's CSP, so the app's style-src lists the
 * same hash (electron/main/security.ts) and still allows no other inline style.
 */
export const RECEIPT_STYLE_HASH = "'sha256-0EzY85LJY7AXT16xW/keshLDkgFrEIRjOfXuE2Hd32w='";

/** Nothing may load or run inside the receipt; frame-ancestors is not honoured in a meta tag. */
export const RECEIPT_CSP = `default-src 'none'; style-src ${RECEIPT_STYLE_HASH}; base-uri 'none'; form-action 'none'`;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Every value from a record is escaped, in text and attribute position alike. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch);
}

// The customer reads Berlin time whatever zone the machine runs in (SPEC §2: Europe/Berlin).
const BERLIN = new Intl.DateTimeFormat('de-DE', {
  timeZone: 'Europe/Berlin',
  weekday: 'long',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function berlinParts(iso: string): Record<'weekday' | 'day' | 'month' | 'year' | 'hour' | 'minute', string> {
  const parts = Object.fromEntries(BERLIN.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return {
    weekday: parts.weekday ?? '',
    day: parts.day ?? '',
    month: parts.month ?? '',
    year: parts.year ?? '',
    hour: parts.hour ?? '',
    minute: parts.minute ?? '',
  };
}

/**
 * "Freitag, 16.01.2026, 10:00 Uhr" — built from parts so the ICU joining style cannot shift it.
 * A deadline at 00:00 is the end of the day before: "Montag, 07.12.2026, 24:00 Uhr" (endOfDayDeadline).
 */
export function formatDeadline(iso: string): string {
  const dayBefore = endOfDayDeadline(new Date(iso));
  const p = berlinParts(dayBefore ? dayBefore.toISOString() : iso);
  return `${p.weekday}, ${p.day}.${p.month}.${p.year}, ${dayBefore ? END_OF_DAY : `${p.hour}:${p.minute}`} Uhr`;
}

/** "15.01.2026 um 10:00 Uhr" */
export function formatCreated(iso: string): string {
  const p = berlinParts(iso);
  return `${p.day}.${p.month}.${p.year} um ${p.hour}:${p.minute} Uhr`;
}

export function renderReceiptHtml(r: Receipt): string {
  const note = r.appointmentNote?.trim();
  return [
    '<!doctype html>',
    '<html lang="de">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${RECEIPT_CSP}">`,
    `<title>Vorgangsnummer ${escapeHtml(r.ticketRef)}</title>`,
    `<style>${RECEIPT_CSS}</style>`,
    '</head>',
    '<body>',
    '<main>',
    `<h1>Jobcenter Rhein-Lahn – Standort ${escapeHtml(r.siteName)}</h1>`,
    '<p><strong>Ihr Anliegen wurde aufgenommen.</strong></p>',
    `<p>Zuständig: ${escapeHtml(r.departmentLabel)}</p>`,
    `<p>Wir rufen Sie bis <strong>${escapeHtml(formatDeadline(r.dueAt))}</strong> zurück oder bieten Ihnen einen zeitnahen Termin an.</p>`,
    note ? `<p>Hinweis: ${escapeHtml(note)}</p>` : '',
    `<p class="ref">Vorgangsnummer: <strong>${escapeHtml(r.ticketRef)}</strong></p>`,
    `<p class="small">Aufgenommen am ${escapeHtml(formatCreated(r.createdAt))}</p>`,
    '</main>',
    '</body>',
    '</html>',
  ]
    .filter((line) => line !== '')
    .join('\n');
}
