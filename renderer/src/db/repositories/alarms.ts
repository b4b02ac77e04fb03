import type { SilentAlarm } from '@shared/model';
import { ALARM_SHOWN_FOR_MS } from '@shared/model';
import { z } from 'zod';
import type { AnlaufstelleDB } from '../db';
import { checkContext, checkId, isLive, logChange, NotFoundError, parseOrThrow, stampNew, stampUpdate, type WriteContext } from './base';

/**
 * Stiller Alarm (issue 6 item 5). Raising writes one record and its outbox row; the sync engine
 * pushes it at once (every outbox write triggers a round) and the service pokes every PC. The
 * acknowledgement is a field of the same record: whoever acknowledges first is named.
 */
const raiseSchema = z.object(
  {
    siteId: z.string({ error: 'Der Standort des Platzes fehlt.' }).min(1).max(100),
    deskLabel: z.string({ error: 'Der Platz fehlt.' }).trim().min(1, { error: 'Der Platz fehlt.' }).max(160),
    deviceId: z.string({ error: 'Die Kennung dieses PCs fehlt.' }).min(1).max(100),
  },
  { error: 'Die Angaben zum Alarm sind ungültig.' },
);

export async function raiseAlarm(db: AnlaufstelleDB, raw: { siteId: string; deskLabel: string; deviceId: string }, ctx: WriteContext): Promise<SilentAlarm> {
  checkContext(ctx);
  const input = parseOrThrow(raiseSchema, raw);
  return db.transaction('rw', [db.alarms, db.outbox], async () => {
    const alarm: SilentAlarm = { ...stampNew(ctx), ...input, raisedAt: ctx.now.toISOString(), acknowledgedAt: null, acknowledgedBy: null };
    await db.alarms.add(alarm);
    await logChange(db, 'alarms', alarm.id, 'put', ctx);
    return alarm;
  });
}

/** "Ich kümmere mich": the alarm ends on every PC. Acknowledging twice keeps the first name. */
export async function acknowledgeAlarm(db: AnlaufstelleDB, id: string, ctx: WriteContext): Promise<SilentAlarm> {
  checkId(id, 'den Alarm');
  checkContext(ctx);
  return db.transaction('rw', [db.alarms, db.outbox], async () => {
    const current = await db.alarms.get(id);
    if (!isLive(current)) throw new NotFoundError('Diesen Alarm gibt es nicht mehr.');
    if (current.acknowledgedAt !== null) return current;
    const next = stampUpdate({ ...current, acknowledgedAt: ctx.now.toISOString(), acknowledgedBy: ctx.actorId }, ctx);
    await db.alarms.put(next);
    await logChange(db, 'alarms', id, 'put', ctx);
    return next;
  });
}

/** Who sees an alarm: everyone at its site, and the leads (TL, GF; the FM of that site). */
export interface AlarmWatcher {
  siteId: string | null;
  deviceId: string;
  roles: readonly string[];
  homeSiteId: string | null;
}

export function alarmConcerns(w: AlarmWatcher, a: SilentAlarm): boolean {
  // No visible sign on the triggering screen (issue 6 item 5).
  if (a.deviceId === w.deviceId) return false;
  if (a.siteId === w.siteId) return true;
  if (w.roles.some((r) => r === 'TL_EZ' || r === 'TL_LB' || r === 'GF')) return true;
  return w.roles.includes('FM') && w.homeSiteId === a.siteId;
}

/** Open alarms for this PC, oldest first (the first cry for help first). */
export async function openAlarmsFor(db: AnlaufstelleDB, w: AlarmWatcher, now: Date): Promise<SilentAlarm[]> {
  const since = new Date(now.getTime() - ALARM_SHOWN_FOR_MS).toISOString();
  const rows = await db.alarms.where('raisedAt').aboveOrEqual(since).sortBy('raisedAt');
  return rows.filter((a) => a.deletedAt === null && a.acknowledgedAt === null && alarmConcerns(w, a));
}
