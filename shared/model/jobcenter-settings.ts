import { z } from 'zod';
import { retentionDaysSchema } from './settings';

/**
 * Settings of the whole Jobcenter (issue 7 item 8): kept by the sync service, edited by ADMIN
 * (SPEC §8 "Jobcenter-wide settings: admin"), read by every PC. German messages: the admin
 * screen shows them as they are.
 */
const minutes = (what: string, min: number, max: number) =>
  z
    .number({ error: `${what}: bitte eine Zahl von Minuten angeben.` })
    .int({ error: `${what}: bitte ganze Minuten angeben.` })
    .min(min, { error: `${what}: mindestens ${min} Minute${min === 1 ? '' : 'n'}.` })
    .max(max, { error: `${what}: höchstens ${max} Minuten.` });
const days = (what: string, min: number, max: number) =>
  z
    .number({ error: `${what}: bitte eine Zahl von Tagen angeben.` })
    .int({ error: `${what}: bitte ganze Tage angeben.` })
    .min(min, { error: `${what}: mindestens ${min} Tag${min === 1 ? '' : 'e'}.` })
    .max(max, { error: `${what}: höchstens ${max} Tage.` });

export const jobcenterSettingsSchema = z.strictObject({
  /** SPEC §9: one retention period for the whole Jobcenter. */
  retentionDays: retentionDaysSchema,
  /** SPEC §5: how a 24-hour deadline is counted. */
  deadlinePolicy: z.enum(['working-days', 'calendar'], { error: 'Bitte eine Fristberechnung wählen.' }),
  notifyMinutesBefore: minutes('Benachrichtigung', 5, 480),
  /** Issue 7 item 4: a shared PC locks after this idle time (default 5 minutes). */
  idleLockMinutes: minutes('Bildschirmsperre', 1, 60),
  /** Issue 7 item 3: offline sign-in within this many days of the last online sign-in at the PC. */
  offlineSignInDays: days('Offline-Anmeldung', 1, 30),
  /** Issue 7 item 7: the access log's own retention period. */
  auditRetentionDays: days('Zugriffsprotokoll', 30, 3650),
});
export type JobcenterSettings = z.infer<typeof jobcenterSettingsSchema>;
export const jobcenterSettingsPatchSchema = jobcenterSettingsSchema.partial();

export const JOBCENTER_DEFAULTS: JobcenterSettings = {
  retentionDays: 90,
  deadlinePolicy: 'working-days',
  notifyMinutesBefore: 120,
  idleLockMinutes: 5,
  offlineSignInDays: 7,
  // Two years: the DSB answers access requests (Art. 15 GDPR) and audits for that long.
  auditRetentionDays: 730,
};
