import { z } from 'zod';
import { baseRecordSchema, isoInstant } from './records';

/**
 * Stiller Alarm (issue 6 item 5; staff safety at the counter): raised silently at a desk, shown on
 * every PC of the site and the site leads' PCs until a colleague acknowledges it. It holds no data
 * of the visitor – only where, when and who needs help.
 */
export const silentAlarmSchema = baseRecordSchema.extend({
  siteId: z.string().min(1).max(100),
  /** The desk in words, as colleagues know it: "Anna Wagner, Eingangszone Bad Ems". */
  deskLabel: z.string().min(1).max(160),
  /** The PC that raised it: it alone shows nothing (no visible sign on the triggering screen). */
  deviceId: z.string().min(1).max(100),
  raisedAt: isoInstant,
  acknowledgedAt: isoInstant.nullable(),
  acknowledgedBy: z.string().min(1).max(100).nullable(),
});
export type SilentAlarm = z.infer<typeof silentAlarmSchema>;

/** An alarm older than this is history, not an emergency: it is not shown any more. */
export const ALARM_SHOWN_FOR_MS = 12 * 3_600_000;
