import { z } from 'zod';
import type { AnlaufstelleDB } from '../db';
import { parseOrThrow } from './base';

/** Settings of this installation (one desk PC). Remembered across restarts (issue: "per installation"). */
export const settingsSchema = z.object({
  siteId: z.string({ error: 'Bitte einen Standort wählen.' }).nullable(),
  deskStaffId: z.string({ error: 'Bitte wählen, wer am Platz ist.' }).nullable(),
  demoData: z.boolean(),
  deadlinePolicy: z.enum(['working-days', 'calendar'], { error: 'Bitte eine Fristberechnung wählen.' }),
  /** SPEC §9: closed tickets are anonymised after this many days. */
  retentionDays: z
    .number({ error: 'Anonymisierung: bitte eine Zahl von Tagen angeben.' })
    .int({ error: 'Anonymisierung: bitte ganze Tage angeben.' })
    .min(1, { error: 'Anonymisierung: mindestens 1 Tag.' })
    .max(3650, { error: 'Anonymisierung: höchstens 3650 Tage.' }),
  /** How long before the deadline the OS notification fires (SPEC §5: "soon-due" is 2 h). */
  notifyMinutesBefore: z
    .number({ error: 'Benachrichtigung: bitte eine Zahl von Minuten angeben.' })
    .int({ error: 'Benachrichtigung: bitte ganze Minuten angeben.' })
    .min(5, { error: 'Benachrichtigung: mindestens 5 Minuten vor Fristablauf.' })
    .max(480, { error: 'Benachrichtigung: höchstens 480 Minuten vor Fristablauf.' }),
});
export type AppSettings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: AppSettings = {
  siteId: null,
  deskStaffId: null,
  demoData: true,
  deadlinePolicy: 'working-days',
  retentionDays: 90,
  notifyMinutesBefore: 120,
};

export async function loadSettings(db: AnlaufstelleDB): Promise<AppSettings> {
  const rows = await db.settings.toArray();
  const stored = Object.fromEntries(rows.map((r) => [r.key, r.value]));
  const merged = { ...DEFAULT_SETTINGS, ...stored };
  const parsed = settingsSchema.safeParse(merged);
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

/** Validates the whole result before writing: a bad value changes nothing. */
export async function saveSettings(db: AnlaufstelleDB, patch: Partial<AppSettings>): Promise<AppSettings> {
  return db.transaction('rw', db.settings, async () => {
    const next = parseOrThrow(settingsSchema, { ...(await loadSettings(db)), ...patch });
    await db.settings.bulkPut(Object.entries(patch).map(([key]) => ({ key, value: next[key as keyof AppSettings] })));
    return next;
  });
}
