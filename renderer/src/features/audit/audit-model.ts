import { AUDIT_ACTIONS, type AuditAction, type AuditRow } from '@shared/auth/audit-log';
import { addDays, berlinInstant } from '@shared/domain/calendar';
import { parseGermanDate } from '../../lib/date-input';

/**
 * The access log as the DSB searches it (issue 7 item 7): the actions and rows the sync service
 * writes (shared/auth/audit-log.ts), each action with its German words.
 */
export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  create: 'Angelegt',
  update: 'Geändert',
  delete: 'Gelöscht',
  view: 'Angesehen',
  print: 'Gedruckt',
  export: 'Exportiert',
  'sign-in': 'Anmeldung',
  'sign-in-failed': 'Anmeldung fehlgeschlagen',
  'sign-out': 'Abmeldung',
  'offline-sign-in': 'Anmeldung ohne Verbindung',
  'offline-sign-in-failed': 'Anmeldung ohne Verbindung fehlgeschlagen',
  lock: 'Bildschirm gesperrt',
  unlock: 'Bildschirm entsperrt',
  enroll: 'PC eingerichtet',
  'enroll-failed': 'PC-Einrichtung fehlgeschlagen',
  'enrollment-code': 'Einrichtungscode ausgegeben',
  'device-revoked': 'PC gesperrt',
  'account-changed': 'Konto geändert',
  'settings-changed': 'Einstellungen geändert',
  'request-refused': 'Anfrage abgelehnt',
  'audit-read': 'Zugriffsprotokoll gelesen',
  'audit-export': 'Zugriffsprotokoll exportiert',
};
export { AUDIT_ACTIONS, type AuditAction, type AuditRow };

/** German words for the synced tables the log names. */
const TABLE_LABELS: Record<string, string> = {
  tickets: 'Rückruf-Tickets',
  handoffs: 'Weiterleitungen',
  newCustomers: 'Neukunden',
  visits: 'Besuche',
  absences: 'Abwesenheiten',
  reports: 'Auswertungen',
  staff: 'Personen',
  sites: 'Standorte',
  shifts: 'Dienstplan',
  coverDecisions: 'Vertretungsentscheidungen',
  closures: 'Schließtage',
  inbox: 'Nachrichten',
  alarms: 'Stiller Alarm',
  groupSessions: 'Gruppentermine',
};
export const tableLabel = (table: string | null): string => (table === null ? '' : (TABLE_LABELS[table] ?? table));
/** The label of an action; one the renderer does not know yet is shown as the service names it. */
export const actionLabel = (action: string): string => (AUDIT_ACTION_LABELS as Record<string, string>)[action] ?? action;


/** The search form: dates as the date field gives them (ISO, '' or the text as typed). */
export interface AuditSearch {
  person: string;
  record: string;
  from: string;
  to: string;
  action: AuditAction | '';
}
export const EMPTY_SEARCH: AuditSearch = { person: '', record: '', from: '', to: '', action: '' };

/** How many rows one search shows at most (the service's default). */
export const AUDIT_LIMIT = 500;

/**
 * The search as the query of GET /v1/audit, or a German error. The range is whole Berlin days:
 * "bis 03.12.2026" includes that day (the service's `to` is exclusive, so it is the next midnight).
 */
export function auditQuery(search: AuditSearch, format: 'json' | 'csv' = 'json'): { ok: true; query: string } | { ok: false; error: string } {
  const params = new URLSearchParams();
  const person = search.person.trim();
  const record = search.record.trim();
  if (person.length > 120) return { ok: false, error: 'Die Person ist zu lang (höchstens 120 Zeichen).' };
  if (record.length > 100) return { ok: false, error: 'Die Datensatz-Nummer ist zu lang (höchstens 100 Zeichen).' };
  if (person) params.set('person', person);
  if (record) params.set('record', record);
  const day = (text: string, what: string) => {
    if (!text.trim()) return { ok: true as const, date: null };
    const date = parseGermanDate(text);
    return date ? { ok: true as const, date } : { ok: false as const, error: `${what}: kein gültiges Datum – bitte als TT.MM.JJJJ eingeben.` };
  };
  const from = day(search.from, 'Von');
  if (!from.ok) return from;
  const to = day(search.to, 'Bis');
  if (!to.ok) return to;
  if (from.date && to.date && to.date < from.date) return { ok: false, error: 'Der Zeitraum endet vor seinem Anfang.' };
  if (from.date) params.set('from', berlinInstant(from.date, '00:00').toISOString());
  if (to.date) params.set('to', berlinInstant(addDays(to.date, 1), '00:00').toISOString());
  if (search.action) params.set('action', search.action);
  params.set('limit', String(AUDIT_LIMIT));
  if (format === 'csv') params.set('format', 'csv');
  return { ok: true, query: params.toString() };
}

/** "zugriffsprotokoll-2026-12-04.csv": the export's file name (the day it was made, Berlin). */
export const auditFileName = (today: string) => `zugriffsprotokoll-${today}.csv`;
