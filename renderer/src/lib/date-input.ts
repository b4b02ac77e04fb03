/**
 * German date and time entry (issue 10 item 7). A native <input type="date|time"> shows the
 * browser's UI language (12/03/2026, 02:30 PM on an English Chrome), which a web page cannot set,
 * so every date and time is typed as text: TT.MM.JJJJ and HH:MM. Values inside the app stay ISO
 * (JJJJ-MM-TT, HH:MM) as the schemas expect. Pure functions, so the rules are unit-tested.
 */

export const DATE_FORMAT_HINT = 'TT.MM.JJJJ';
export const TIME_FORMAT_HINT = 'HH:MM';
export const DATE_PARSE_ERROR = 'Kein gültiges Datum – bitte als TT.MM.JJJJ eingeben, z. B. 03.12.2026.';
export const TIME_PARSE_ERROR = 'Keine gültige Uhrzeit – bitte als HH:MM eingeben, z. B. 14:30.';

const pad = (n: number) => String(n).padStart(2, '0');

/** A real calendar date? (31.02. is not.) */
function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= last;
}

/**
 * "3.12.2026", "03.12.2026", "03.12.26" (→ 2026) and ISO "2026-12-03" → "2026-12-03";
 * anything else (also "31.02.2026") → null. Two-digit years are this century.
 */
export function parseGermanDate(text: string): string | null {
  const t = text.trim();
  let day: number, month: number, year: number;
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$/.exec(t);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (german) {
    day = Number(german[1]);
    month = Number(german[2]);
    year = german[3]!.length === 2 ? 2000 + Number(german[3]) : Number(german[3]);
  } else if (iso) {
    year = Number(iso[1]);
    month = Number(iso[2]);
    day = Number(iso[3]);
  } else {
    return null;
  }
  if (year < 1000 || !isCalendarDate(year, month, day)) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** "2026-12-03" → "03.12.2026"; anything that is not an ISO date is shown as it is. */
export function formatGermanDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

/** "14:30", "9:05", "14.30", "1430" → "14:30" / "09:05"; 24-hour clock only, else null. */
export function parseTime(text: string): string | null {
  const m = /^(\d{1,2})[:.]?(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const hours = Number(m[1]);
  const minutes = Number(m[2]);
  if (hours > 23 || minutes > 59) return null;
  return `${pad(hours)}:${pad(minutes)}`;
}

/** The value a typed text hands to the form: the ISO value, '' for nothing, else the text itself (so the form's check refuses it). */
export function valueFromText(text: string, parse: (t: string) => string | null): string {
  if (text.trim() === '') return '';
  return parse(text) ?? text;
}
