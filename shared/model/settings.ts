import { z } from 'zod';

/**
 * Settings (issue 10 item 12). Two kinds live side by side (SYNC.md §11.5): what belongs to this
 * PC (its site, who is at its desk, whether it shows the local-only demo rows) and what the whole
 * Jobcenter shares (deadline policy, retention period, notice lead time) – the latter will come
 * from the server once sync exists. Both are validated here, in shared/, so the server can run the
 * same rules. Messages are German: they are shown to the clerk as they are.
 */

const deadlinePolicy = z.enum(['working-days', 'calendar'], { error: 'Bitte eine Fristberechnung wählen.' });
/** The Jobcenter-wide retention period in days (SPEC §9): the settings and every retention sweep check it so. */
export const retentionDaysSchema = z
  .number({ error: 'Anonymisierung: bitte eine Zahl von Tagen angeben.' })
  .int({ error: 'Anonymisierung: bitte ganze Tage angeben.' })
  .min(1, { error: 'Anonymisierung: mindestens 1 Tag.' })
  .max(3650, { error: 'Anonymisierung: höchstens 3650 Tage.' });
const notifyMinutesBefore = z
  .number({ error: 'Benachrichtigung: bitte eine Zahl von Minuten angeben.' })
  .int({ error: 'Benachrichtigung: bitte ganze Minuten angeben.' })
  .min(5, { error: 'Benachrichtigung: mindestens 5 Minuten vor Fristablauf.' })
  .max(480, { error: 'Benachrichtigung: höchstens 480 Minuten vor Fristablauf.' });
const demoData = z.boolean({ error: 'Demodaten: bitte ein- oder ausschalten.' });

const siteIdMessage = 'Bitte einen Standort wählen.';
const deskStaffMessage = 'Bitte wählen, wer am Platz ist.';
/** An id as given in a save: never empty (an empty string is not "no site"). */
const siteIdInput = z.string({ error: siteIdMessage }).trim().min(1, { error: siteIdMessage });
const deskStaffIdInput = z.string({ error: deskStaffMessage }).trim().min(1, { error: deskStaffMessage });

/** Per PC (SYNC.md §11.5): its place, its desk person, its local demo rows. */
const deviceFields = {
  /** null only before the first set-up. */
  siteId: siteIdInput.nullable(),
  deskStaffId: deskStaffIdInput.nullable(),
  demoData,
};
/** One value for the whole Jobcenter (SPEC §9: "one retention period for the whole Jobcenter"). */
const jobcenterFields = {
  deadlinePolicy,
  /** SPEC §9: personal data is anonymised after this many Berlin calendar days (shared/domain/retention.ts). */
  retentionDays: retentionDaysSchema,
  /** How long before the deadline the OS notification fires (SPEC §5: "soon-due" is 2 h). */
  notifyMinutesBefore,
};

export const DEVICE_SETTING_KEYS = Object.keys(deviceFields) as (keyof typeof deviceFields)[];
export const JOBCENTER_SETTING_KEYS = Object.keys(jobcenterFields) as (keyof typeof jobcenterFields)[];

const fields = { ...deviceFields, ...jobcenterFields };
type SettingKey = keyof typeof fields;
const KNOWN_KEYS = new Set<string>(Object.keys(fields));

/** Refuses anything that is not a plain object of known keys – `__proto__` and typos included. */
const strictness = {
  error: (issue: { code?: string; keys?: readonly string[] }) =>
    issue.code === 'unrecognized_keys'
      ? `Unbekannte Einstellung „${(issue.keys ?? []).join('“, „')}“ – es wurde nichts gespeichert.`
      : 'Die Einstellungen sind ungültig – es wurde nichts gespeichert.',
};

export const settingsSchema = z.strictObject(fields, strictness);
export type AppSettings = z.infer<typeof settingsSchema>;
export type DeviceSettings = Pick<AppSettings, (typeof DEVICE_SETTING_KEYS)[number]>;
export type JobcenterSettings = Pick<AppSettings, (typeof JOBCENTER_SETTING_KEYS)[number]>;

/**
 * A change: only known keys, each valid on its own. Once a PC is set up its site and desk person
 * are changed, never cleared, so a save takes no null ids.
 */
export const settingsPatchSchema = z
  .strictObject({ ...fields, siteId: siteIdInput, deskStaffId: deskStaffIdInput }, strictness)
  .partial();
export type SettingsPatch = z.input<typeof settingsPatchSchema>;

export const DEFAULT_SETTINGS: AppSettings = {
  siteId: null,
  deskStaffId: null,
  demoData: true,
  deadlinePolicy: 'working-days',
  retentionDays: 90,
  notifyMinutesBefore: 120,
};

/**
 * Stored rows → settings, key by key: a value that no longer parses (a corrupt row, an old
 * format) falls back to its own default and leaves every other stored value as it is; unknown
 * keys are ignored.
 */
export function settingsFromStored(stored: ReadonlyMap<string, unknown>): AppSettings {
  const result: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const key of Object.keys(fields) as SettingKey[]) {
    if (!stored.has(key)) continue;
    const parsed = fields[key].safeParse(stored.get(key));
    if (parsed.success) result[key] = parsed.data;
  }
  return result as AppSettings;
}

export function isSettingKey(key: string): key is SettingKey {
  return KNOWN_KEYS.has(key);
}
