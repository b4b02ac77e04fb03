import { z } from 'zod';

/**
 * The building blocks every input schema uses (issue 10 items 5, 9, 10): German defaults for every
 * zod refusal, one text builder, one id, one date window. Here in shared/ so the forms, the
 * repositories, the Electron main process and a future server refuse the same way.
 */

// ── German defaults (issue 10 item 9) ─────────────────────────────────────────────────────────

/**
 * Field names as a clerk knows them. A refusal a schema has no own message for names the field in
 * German or not at all – never the English key.
 */
const FIELD_LABELS: Record<string, string> = {
  id: 'Kennung',
  actorId: 'Person am Platz',
  now: 'Zeitpunkt',
  staffId: 'Person',
  siteId: 'Standort',
  homeSiteId: 'Stammstandort',
  distributionSiteId: 'Standort der Ticketverteilung',
  deskSiteId: 'Standort des Platzes',
  deadlinePolicy: 'Fristberechnung',
  lbCover: 'Vertretung durch den Leistungsbereich',
  assignee: 'Zuständig',
  department: 'Fachbereich',
  concern: 'Anliegen',
  customerName: 'Name',
  customerNumber: 'Kunden- oder BG-Nummer',
  phone: 'Rückrufnummer',
  preferredTimes: 'Erreichbar',
  label: 'Name oder Aufrufnummer',
  note: 'Notiz',
  reason: 'Grund',
  name: 'Name',
  roles: 'Rollen',
  weekdays: 'Arbeitstage',
  weekday: 'Wochentag',
  active: 'Aktiv',
  from: 'Erster Tag',
  to: 'Letzter Tag',
  date: 'Datum',
  time: 'Uhrzeit',
  start: 'Beginn',
  end: 'Ende',
  sessionStart: 'Beginn der Öffnungszeit',
  sessions: 'Öffnungszeiten',
  minStaff: 'Mindestbesetzung',
  halfDay: 'Halber Tag',
  kind: 'Art',
  appointment: 'Termin',
  form: 'Form des Termins',
  title: 'Titel',
  body: 'Text',
  tag: 'Kennung',
  weekStart: 'Woche',
  retentionDays: 'Aufbewahrungsfrist',
  roleFilter: 'Rolle',
  limit: 'Anzahl',
};

const TYPE_WORDS: Record<string, string> = {
  string: 'ein Text',
  number: 'eine Zahl',
  int: 'eine ganze Zahl',
  boolean: 'Ja oder Nein',
  date: 'ein gültiges Datum',
  array: 'eine Liste',
  object: 'eine Angabe mit Feldern',
  null: 'keine Angabe',
};

function fieldOf(path: readonly PropertyKey[] | undefined): string | null {
  for (let i = (path?.length ?? 0) - 1; i >= 0; i--) {
    const key = path![i];
    if (typeof key === 'string') return FIELD_LABELS[key] ?? null;
  }
  return null;
}

const units = (origin: string | undefined) =>
  origin === 'string' ? ' Zeichen' : origin === 'array' || origin === 'set' ? ' Einträge' : '';

/** The German sentence for a zod issue that its schema has no own message for. */
export function germanIssueMessage(issue: z.core.$ZodRawIssue): string {
  const field = fieldOf(issue.path);
  const prefix = field ? `${field}: ` : '';
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return field ? `${field} fehlt.` : 'Eine Angabe fehlt.';
      if (issue.expected === 'date') return `${prefix}bitte ein gültiges Datum angeben.`;
      const want = TYPE_WORDS[issue.expected] ?? 'eine andere Angabe';
      return `${prefix}hier wird ${want} erwartet.`;
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string' && min <= 1) return field ? `${field} darf nicht leer sein.` : 'Diese Angabe darf nicht leer sein.';
      if (issue.origin === 'array' && min <= 1) return `${prefix}bitte mindestens einen Eintrag wählen.`;
      return `${prefix}mindestens ${min}${units(issue.origin)}.`;
    }
    case 'too_big':
      return `${prefix}höchstens ${Number(issue.maximum)}${units(issue.origin)}.`;
    case 'invalid_format':
      if (issue.format === 'date') return `${prefix}bitte ein Datum im Format JJJJ-MM-TT angeben.`;
      if (issue.format === 'datetime') return `${prefix}bitte einen gültigen Zeitpunkt angeben.`;
      return `${prefix}die Angabe hat nicht die vorgesehene Form.`;
    case 'invalid_value':
      return `${prefix}bitte einen der vorgesehenen Werte wählen.`;
    case 'unrecognized_keys':
      return `Nicht vorgesehene Angaben: ${issue.keys.map((k) => FIELD_LABELS[k] ?? k).join(', ')}.`;
    case 'invalid_union':
      return `${prefix}die Angaben passen zu keiner vorgesehenen Art.`;
    case 'not_multiple_of':
      return `${prefix}bitte eine ganze Zahl angeben.`;
    default:
      return `${prefix}die Angabe ist ungültig.`;
  }
}

// Once, on import: every schema built from `z` – here, in shared/bridge, in a future server –
// falls back to German instead of zod's English. Own messages of a schema still come first.
z.config({ localeError: (issue) => germanIssueMessage(issue) });

// ── text (issue 10 items 5 and 10) ────────────────────────────────────────────────────────────

/**
 * Characters nobody can see on screen or on a receipt but that change what is shown or stored:
 * control characters (C0, DEL, C1; tab included – a form field never needs one), format
 * characters (bidi overrides and isolates U+202A–202E, U+2066–2069, marks U+200E/F/061C,
 * zero-width U+200B–200D, U+2060–2064, BOM U+FEFF, soft hyphen), line and paragraph separators,
 * private-use, surrogates and unassigned code points, plus the blank look-alikes that are letters
 * by category (Hangul fillers, braille blank, combining grapheme joiner). U+180E (Mongolian vowel
 * separator) is a format character and so included. A right-to-left override
 * makes "Meier" read "reieM" in every list: such names cannot be found, nor read back on the phone.
 */
// The combining grapheme joiner U+034F stands outside the class, as an alternative: inside a
// class a combining mark would combine with the character before it.
const INVISIBLE = /[\p{C}\p{Zl}\p{Zp}\u115F\u1160\u2800\u3164\uFFA0]|\u034F/u;
const INVISIBLE_EXCEPT_NEWLINE = /(?!\n)(?:[\p{C}\p{Zl}\p{Zp}\u115F\u1160\u2800\u3164\uFFA0]|\u034F)/u;

export function hasInvisibleCharacters(value: string, options: { multiline?: boolean } = {}): boolean {
  return (options.multiline ? INVISIBLE_EXCEPT_NEWLINE : INVISIBLE).test(value);
}

export interface TextOptions {
  /** The field as the clerk sees it, e.g. 'Der Name'; starts the messages. */
  label: string;
  /** Stated maximum, in characters; longer text is refused, never cut (issue 10 item 5). */
  max: number;
  /** Minimum after trimming (0 = may be empty). */
  min?: number;
  /** Message when shorter than `min` (defaults to "… fehlt."). */
  tooShort?: string;
  /** Multi-line notes only: keeps line breaks (CR LF and CR become LF). */
  multiline?: boolean;
}

/**
 * The one text schema of the app: trims, refuses invisible and control characters, enforces the
 * stated maximum – each with a German message. Every free text in shared/model and shared/bridge
 * is built with it, so a new field cannot forget one of the three.
 */
export function text(o: TextOptions) {
  const min = o.min ?? 0;
  const base = z.string({ error: (issue) => (issue.input === undefined ? `${o.label} fehlt.` : `${o.label} muss ein Text sein.`) });
  const normalised = o.multiline ? base.overwrite((v) => v.replace(/\r\n?/g, '\n')) : base;
  return normalised
    .trim()
    .refine((v) => !hasInvisibleCharacters(v, { multiline: o.multiline }), {
      error: o.multiline
        ? `${o.label} enthält unsichtbare Steuer- oder Richtungszeichen (oft aus kopiertem Text). Bitte den Text neu eintippen.`
        : `${o.label} enthält unsichtbare Steuer- oder Richtungszeichen oder einen Zeilenumbruch (oft aus kopiertem Text). Bitte den Text neu eintippen.`,
      abort: true,
    })
    .min(min, { error: o.tooShort ?? (min <= 1 ? `${o.label} fehlt.` : `${o.label}: mindestens ${min} Zeichen.`) })
    .max(o.max, { error: `${o.label} ist zu lang (höchstens ${o.max} Zeichen).` });
}

// ── ids, numbers, dates (issue 10 items 4 and 9) ──────────────────────────────────────────────

/**
 * Record ids: client-made UUIDs and the fixed site and demo ids ("site-bad-ems"). Bounded and
 * plain, so a stray object, an empty string or 10,000 characters never reach an index lookup.
 */
export function idSchema(what: string) {
  return z
    .string({ error: `Bitte ${what} wählen.` })
    .min(1, { error: `Bitte ${what} wählen.` })
    .max(100, { error: `Die Kennung für ${what} ist ungültig.` })
    .regex(/^[\w.:-]+$/, { error: `Die Kennung für ${what} ist ungültig.` });
}

/** Days between two ISO dates (b − a), by the calendar, independent of time zones. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** "31.12.2027" – a date as the clerk types and reads it. */
export function germanDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}

/**
 * No date the app stores lies outside this: a typo like 01.01.1900 or 31.12.9999 is refused even
 * where no narrower window applies (the relative windows below are checked at the write).
 */
export const PLAUSIBLE_YEARS = { first: 2000, last: 2099 } as const;

// The forms take TT.MM.JJJJ (ui/DateTimeInput.tsx) and hand the schema ISO dates: the message speaks the clerk's format.
export function isoDateInput(what: string, message = `${what}: bitte ein gültiges Datum angeben (TT.MM.JJJJ).`) {
  return z.iso
    .date({ error: message })
    .refine((d) => Number(d.slice(0, 4)) >= PLAUSIBLE_YEARS.first && Number(d.slice(0, 4)) <= PLAUSIBLE_YEARS.last, {
      error: `${what}: das Datum liegt nicht zwischen ${PLAUSIBLE_YEARS.first} und ${PLAUSIBLE_YEARS.last}.`,
    });
}

/** A valid point in time (an Invalid Date or a string is refused), within the plausible years. */
export const instantInput = z
  .date({ error: 'Der Zeitpunkt ist ungültig.' })
  .refine((d) => d.getUTCFullYear() >= PLAUSIBLE_YEARS.first && d.getUTCFullYear() <= PLAUSIBLE_YEARS.last, {
    error: `Der Zeitpunkt liegt nicht zwischen ${PLAUSIBLE_YEARS.first} und ${PLAUSIBLE_YEARS.last}.`,
  });

/**
 * How far from today a date may lie, per kind of date (issue 10 item 4). These are typo guards,
 * wide enough for every real case a Jobcenter desk has:
 * - absences: leave for the next year is planned in the autumn (two years ahead); a sick note
 *   handed in late or a correction reaches back a year. One absence is at most a year long –
 *   longer leave (parental leave, long illness) is a matter for the staff directory, not the board.
 * - closure days and roster entries (sessions, cover decisions, drafted weeks): the same horizon
 *   as absences, so every gap an absence can open can be planned.
 * - appointments given on a callback (SPEC §5 "a timely appointment", seed §4.4): in the future
 *   (checked to the minute at the write) and at most six months ahead – 31.12.2999 is a typo.
 */
export const DATE_WINDOWS = {
  absence: { back: 365, ahead: 730 },
  closure: { back: 365, ahead: 730 },
  roster: { back: 365, ahead: 730 },
  appointment: { back: 0, ahead: 183 },
} as const satisfies Record<string, DateWindow>;

/** Longest single absence, in days (inclusive count). */
export const MAX_ABSENCE_DAYS = 366;

/** A window around today, in days, for one kind of date; see DATE_WINDOWS. */
export interface DateWindow {
  /** Earliest date: today minus this many days. */
  back: number;
  /** Latest date: today plus this many days. */
  ahead: number;
}

/** German refusal if `date` lies outside `window` around `today` (both ISO dates), else null. */
export function outsideWindow(what: string, date: string, today: string, window: DateWindow): string | null {
  const offset = daysBetween(today, date);
  if (window.back === 0 && offset < 0) return `${what} muss in der Zukunft liegen.`;
  if (offset < -window.back) {
    return `${what} (${germanDate(date)}) liegt zu weit zurück – höchstens ${describeDays(window.back)} vor heute.`;
  }
  if (offset > window.ahead) {
    return `${what} (${germanDate(date)}) liegt zu weit in der Zukunft – höchstens ${describeDays(window.ahead)} ab heute.`;
  }
  return null;
}

function describeDays(days: number): string {
  if (days % 365 === 0 || days % 366 === 0) {
    const years = Math.round(days / 365);
    return years === 1 ? 'ein Jahr' : `${years} Jahre`;
  }
  if (days >= 28 && days % 30 <= 3) {
    const months = Math.round(days / 30.5);
    return months === 1 ? 'einen Monat' : `${months} Monate`;
  }
  return days === 1 ? 'einen Tag' : `${days} Tage`;
}
