import { z } from 'zod';
// The one text builder (trim, no invisible characters, stated maximum) and zod's German defaults.
import { text as boundedText, PLAUSIBLE_YEARS } from '../model/text';
import type { DeviceInfo, EnrollRequest } from '../auth/sign-in';

/**
 * The one typed bridge between the UI and the platform (STYLE 4). Electron implements it in the
 * preload (over IPC), the browser build in renderer/src/platform/web-bridge.ts. Both validate
 * with the schemas below, so bad input is refused the same way everywhere (SPEC §10 "Safe").
 */

/** Every bridge call answers with a value or a German, user-facing message; it never throws (STYLE 5). */
export type BridgeResult<T> = { ok: true; value: T } | { ok: false; error: string };

/** A bounded, trimmed, non-empty text with German messages (SPEC §10: clear error messages in German). */
function text(label: string, max: number, options: { multiline?: boolean } = {}) {
  return boundedText({ label, max, min: 1, tooShort: `${label} darf nicht leer sein.`, ...options });
}

function instant(label: string) {
  return z.iso
    .datetime({ offset: true, error: `${label} ist kein gültiger Zeitpunkt.` })
    .refine(
      (v) => {
        const year = new Date(v).getUTCFullYear();
        return year >= PLAUSIBLE_YEARS.first && year <= PLAUSIBLE_YEARS.last;
      },
      { error: `${label} liegt nicht zwischen ${PLAUSIBLE_YEARS.first} und ${PLAUSIBLE_YEARS.last}.` },
    );
}

/**
 * Unknown keys are refused, not stripped: the receipt leaves the building in the customer's hand,
 * so a caller that tries to put a name or a phone number on it must hear about it
 * (SPEC §9: personal data is minimal).
 */
function strict<T extends z.ZodRawShape>(shape: T) {
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `Nicht vorgesehene Angaben: ${issue.keys.join(', ')}.`
        : 'Die Angaben sind unvollständig oder ungültig.',
  });
}

// --- receipt:print ---------------------------------------------------------------------------

/** Site code, dash, Crockford base32 (see renderer/src/db/repositories/ticket-ref.ts), e.g. 'BE-7K3F9Q'. */
export const TICKET_REF_PATTERN = /^[A-Z]{2,4}-[0-9A-Z]{4,12}$/;

/**
 * The customer's receipt for a callback ticket (SPEC §5): "Ihr Anliegen wurde aufgenommen —
 * Rückruf bis …". Deliberately without name, phone or customer number.
 */
export const receiptSchema = strict({
  siteName: text('Der Standort', 60),
  ticketRef: z
    .string({ error: 'Die Vorgangsnummer fehlt.' })
    .regex(TICKET_REF_PATTERN, { error: 'Die Vorgangsnummer hat nicht die Form „BE-7K3F9Q“.' }),
  createdAt: instant('Der Erstellzeitpunkt'),
  dueAt: instant('Die Rückruffrist'),
  departmentLabel: text('Der Fachbereich', 80),
  appointmentNote: boundedText({ label: 'Der Hinweis', max: 200 }).optional(),
})
  .refine((r) => Date.parse(r.dueAt) >= Date.parse(r.createdAt), {
    error: 'Die Rückruffrist liegt vor dem Erstellzeitpunkt.',
    path: ['dueAt'],
  })
  // 24 working-day hours end at most a few days later, even over Easter (SPEC §5); two weeks is a typo guard.
  .refine((r) => Date.parse(r.dueAt) - Date.parse(r.createdAt) <= 14 * 86_400_000, {
    error: 'Die Rückruffrist liegt mehr als zwei Wochen nach dem Erstellzeitpunkt.',
    path: ['dueAt'],
  });
export type Receipt = z.infer<typeof receiptSchema>;

// --- notification:show -----------------------------------------------------------------------

export const notificationSchema = strict({
  title: text('Der Titel', 120),
  body: boundedText({ label: 'Der Text der Benachrichtigung', max: 500, multiline: true }),
  tag: z
    .string({ error: 'Die Kennung muss ein Text sein.' })
    .regex(/^[\w.:-]{1,64}$/, { error: 'Die Kennung der Benachrichtigung ist ungültig.' })
    .optional(),
});
export type NotificationRequest = z.infer<typeof notificationSchema>;

// --- file:save -------------------------------------------------------------------------------

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' as const;

/**
 * What may be saved. Text files travel as text and are written as UTF-8; the Excel workbook
 * (issue 8 item 4) is binary and travels as base64, written as the decoded bytes.
 */
export const SAVE_FILE_TYPES = {
  'text/csv': { extension: 'csv', label: 'CSV-Datei', encoding: 'utf8' },
  'application/json': { extension: 'json', label: 'JSON-Datei', encoding: 'utf8' },
  [XLSX_MIME]: { extension: 'xlsx', label: 'Excel-Arbeitsmappe', encoding: 'base64' },
} as const;
export type SaveFileMimeType = keyof typeof SAVE_FILE_TYPES;

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** 20 MB, counted in UTF-16 code units: a year of exports (SPEC §10) fits many times over. */
export const MAX_SAVE_FILE_CHARS = 20 * 1024 * 1024;

/**
 * A bare file name, no folders: letters (incl. umlauts), digits, space, `._()-`; no leading dot,
 * no trailing dot or space (Windows drops them), no `..`, no Windows device names.
 */
const SAFE_FILE_NAME = /^(?![.\s])(?!.*\.\.)[\p{L}\p{N} ._()-]{1,120}(?<![.\s])$/u;
const WINDOWS_DEVICE_NAME = /^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i;

export const saveFileSchema = strict({
  suggestedName: z
    .string({ error: 'Der Dateiname fehlt.' })
    .regex(SAFE_FILE_NAME, {
      error: 'Der Dateiname ist ungültig (erlaubt: Buchstaben, Ziffern, Leerzeichen, . _ ( ) -; höchstens 120 Zeichen).',
    })
    .refine((name) => !WINDOWS_DEVICE_NAME.test(name), { error: 'Dieser Dateiname ist unter Windows reserviert.' }),
  content: z
    .string({ error: 'Der Dateiinhalt fehlt.' })
    .max(MAX_SAVE_FILE_CHARS, { error: 'Die Datei ist zu groß (höchstens 20 MB).' }),
  mimeType: z.enum(['text/csv', 'application/json', XLSX_MIME], { error: 'Nur CSV-, JSON- und Excel-Dateien (.xlsx) können gespeichert werden.' }),
})
  .refine((f) => f.suggestedName.toLowerCase().endsWith(`.${SAVE_FILE_TYPES[f.mimeType].extension}`), {
    error: 'Die Dateiendung passt nicht zum Dateityp (.csv, .json oder .xlsx).',
    path: ['suggestedName'],
  })
  .refine((f) => SAVE_FILE_TYPES[f.mimeType].encoding !== 'base64' || (f.content.length > 0 && BASE64.test(f.content)), {
    error: 'Der Inhalt der Excel-Datei ist beschädigt.',
    path: ['content'],
  });
export type SaveFileRequest = z.infer<typeof saveFileSchema>;

// --- report:print ----------------------------------------------------------------------------

/** Bounds of a printed report: a year of days is the longest table (366 rows); 20,000 cells in all. */
export const REPORT_LIMITS = { rows: 400, columns: 30, tables: 30, cells: 20_000 } as const;

const reportCell = boundedText({ label: 'Ein Tabellenfeld', max: 200 });

const chartLabel = text('Eine Diagrammbeschriftung', 120);
const chartValue = z.number().finite().nullable();
/**
 * A chart of a table for the printout (issue 8 items 3, 4): numbers and labels only – the print page
 * draws it itself (report-html.ts), no markup travels through the bridge. Bars (also the weekly
 * rate) or a heat map; each value is printed beside its bar or in its cell, so no colour is needed.
 */
export const reportChartSchema = z.discriminatedUnion('kind', [
  strict({
    kind: z.literal('bars'),
    valueLabel: text('Die Einheit', 60),
    categories: z.array(chartLabel).min(1).max(60),
    series: z.array(strict({ name: chartLabel, values: z.array(chartValue).max(60), shown: z.array(text('Ein Wert', 20)).max(60) })).min(1).max(12),
  }),
  strict({
    kind: z.literal('heat'),
    rows: z.array(chartLabel).min(1).max(10),
    columns: z.array(chartLabel).min(1).max(24),
    values: z.array(z.array(z.number().finite().min(0)).max(24)).max(10),
  }),
]);
export type ReportChart = z.infer<typeof reportChartSchema>;

const reportTableSchema = strict({
  title: text('Der Tabellentitel', 200),
  definition: boundedText({ label: 'Die Definition', max: 2000 }),
  chart: reportChartSchema.optional(),
  columns: z.array(text('Eine Spaltenüberschrift', 120)).min(1).max(REPORT_LIMITS.columns, { error: `Höchstens ${REPORT_LIMITS.columns} Spalten.` }),
  rows: z.array(z.array(reportCell).max(REPORT_LIMITS.columns)).max(REPORT_LIMITS.rows, { error: `Höchstens ${REPORT_LIMITS.rows} Zeilen je Tabelle.` }),
}).refine((t) => t.rows.every((r) => r.length === t.columns.length), { error: 'Eine Zeile hat nicht so viele Felder wie die Tabelle Spalten.' });

/**
 * The whole Auswertungen report for printing or saving as PDF (issue 8 item 4): title, period,
 * sites and the time it was made on top, then every table with its definition. Only what the
 * screen shows – counts and durations, no personal data (issue 8 item 5).
 */
export const reportPrintSchema = strict({
  title: text('Der Titel', 200),
  periodLabel: text('Der Zeitraum', 120),
  siteNames: z.array(text('Der Standort', 60)).min(1, { error: 'Mindestens ein Standort.' }).max(20),
  createdAt: instant('Der Erstellzeitpunkt'),
  tables: z.array(reportTableSchema).min(1).max(REPORT_LIMITS.tables, { error: `Höchstens ${REPORT_LIMITS.tables} Tabellen.` }),
}).refine((r) => r.tables.reduce((n, t) => n + t.rows.length * t.columns.length, 0) <= REPORT_LIMITS.cells, {
  error: `Der Bericht ist zu groß zum Drucken (höchstens ${REPORT_LIMITS.cells} Felder). Bitte einen kürzeren Zeitraum wählen oder als Excel-Datei speichern.`,
});
export type ReportPrint = z.infer<typeof reportPrintSchema>;

// --- app:info --------------------------------------------------------------------------------

/** app:info takes no argument; anything sent along is refused rather than ignored (STYLE 5). */
export const appInfoSchema = z.undefined({ error: 'Die Programminfo erwartet keine Angaben.' });

export type BridgeKind = 'electron' | 'web';
export interface AppInfo {
  version: string;
  platform: string;
  kind: BridgeKind;
}

// --- device:* (issue 7 item 2: the enrolled PC's credential) -----------------------------------

/**
 * The PC's credential is a long-lived secret: in the desktop app only the main process holds it
 * (encrypted with Electron's safeStorage) and its sync proxy adds the short-lived PC token to each
 * request, so the renderer never sees either. The browser build – for the demo and the tests –
 * keeps it in the page's storage and adds the token itself (README says so).
 */
export { enrollRequestSchema as deviceEnrollSchema, type DeviceInfo, type EnrollRequest } from '../auth/sign-in';
export const deviceNoArgSchema = z.undefined({ error: 'Diese Anfrage erwartet keine Angaben.' });

/** What the renderer adds to a sync request for the PC: nothing in the desktop app (main adds it). */
export interface DeviceAuth {
  headers: Record<string, string>;
  /** For the live WebSocket's query (browsers cannot set its headers); null: long polling through main. */
  liveToken: string | null;
}

// --- the bridge ------------------------------------------------------------------------------

export interface PlatformBridge {
  readonly kind: BridgeKind;
  printReceipt(r: Receipt): Promise<BridgeResult<{ printed: boolean }>>;
  printReport(r: ReportPrint): Promise<BridgeResult<{ printed: boolean }>>;
  notify(n: NotificationRequest): Promise<BridgeResult<{ shown: boolean }>>;
  appInfo(): Promise<BridgeResult<AppInfo>>;
  saveFile(f: SaveFileRequest): Promise<BridgeResult<{ saved: boolean; path?: string }>>;
  /** The enrolled PC (null: not enrolled yet). */
  deviceInfo(): Promise<BridgeResult<DeviceInfo | null>>;
  /** Enrolls this PC at the sync service and keeps its credential. */
  enrollDevice(r: EnrollRequest): Promise<BridgeResult<DeviceInfo>>;
  /** Headers (and live token) that identify this PC to the sync service; a fresh token when needed. */
  deviceAuth(): Promise<BridgeResult<DeviceAuth>>;
  /** Forgets the credential (the PC was revoked or is to be enrolled anew). */
  forgetDevice(): Promise<BridgeResult<{ forgotten: boolean }>>;
}

/** The first sentence of every refusal, per operation; the schema's message follows it. */
export const BRIDGE_FAILURE = {
  printReceipt: 'Der Beleg wurde nicht gedruckt.',
  printReport: 'Der Bericht wurde nicht gedruckt.',
  notify: 'Die Benachrichtigung wurde nicht angezeigt.',
  appInfo: 'Die Programminfo ist nicht verfügbar.',
  saveFile: 'Die Datei wurde nicht gespeichert.',
  deviceInfo: 'Die Einrichtung dieses PCs ist nicht lesbar.',
  enrollDevice: 'Der PC wurde nicht eingerichtet.',
  deviceAuth: 'Der PC kann sich beim Sync-Dienst nicht ausweisen.',
  forgetDevice: 'Die Einrichtung dieses PCs wurde nicht gelöscht.',
} as const satisfies Record<Exclude<keyof PlatformBridge, 'kind'>, string>;

/** Parses an untrusted argument; on failure a German message, the first problem named (SPEC §10). */
export function parseBridgeInput<T>(schema: z.ZodType<T>, raw: unknown, failure: string): BridgeResult<T> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  const reason = parsed.error.issues[0]?.message ?? 'Die Angaben sind ungültig.';
  return { ok: false, error: `${failure} ${reason}` };
}
