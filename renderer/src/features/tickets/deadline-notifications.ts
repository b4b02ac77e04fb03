import { useEffect } from 'react';
import { getDb } from '../../db/db';
import { worklistOf } from '../../db/repositories/new-customers';
import { ticketsAwaitingContactDueBetween } from '../../db/repositories/ticket-queries-today';
import { formatDeadlineTime } from '../../lib/format';
import { useNow } from '../../lib/use-now';
import { platform } from '../../platform';
import { announce } from '../../state/announcer';
import { useCurrentSite, useSettings } from '../../state/session';
import { notificationFor, notificationKey, selectTicketsToNotify } from './notification-model';
import { useDistributionLists } from './use-distribution-lists';

/**
 * The deadline watcher (issue #2 item 6): every minute, tickets of this desk's distribution lists
 * (its own, plus those of covered sites routed here – seed §4.5) that will be
 * overdue within `settings.notifyMinutesBefore` minutes get one OS notification each (through the
 * platform bridge) and an in-app announcement. Announced tickets are remembered in memory and in
 * sessionStorage, so a reload does not repeat them.
 */

const STORAGE_KEY = 'anlaufstelle.deadline-notified';
const CHECK_EVERY_MS = 60_000;

let notified: Set<string> | null = null;

function notifiedSet(): Set<string> {
  if (notified === null) {
    notified = new Set();
    try {
      const raw = sessionStorage.getItem(STORAGE_KEY);
      const parsed: unknown = raw ? JSON.parse(raw) : [];
      if (Array.isArray(parsed)) for (const k of parsed) if (typeof k === 'string') notified.add(k);
    } catch {
      // Storage unavailable or corrupt: memory alone still prevents repeats in this session.
    }
  }
  return notified;
}

function remember(key: string): void {
  const set = notifiedSet();
  set.add(key);
  try {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify([...set]));
  } catch {
    // See notifiedSet.
  }
}

/** Runs are chained, so two overlapping checks can never announce the same ticket twice. */
let chain: Promise<unknown> = Promise.resolve();

/** One check: an index range scan on dueAt (never a table scan), then the pure selection. */
export function checkDeadlines(siteIds: readonly string[], thresholdMinutes: number, now: Date): Promise<number> {
  const run = chain.then(async () => {
    // [now, until + 1 ms): the selection keeps (now, until].
    const until = new Date(now.getTime() + thresholdMinutes * 60_000 + 1);
    const candidates = await ticketsAwaitingContactDueBetween(getDb(), siteIds, now, until);
    const due = selectTicketsToNotify(candidates, siteIds, now, thresholdMinutes, notifiedSet());
    for (const t of due) {
      remember(notificationKey(t.id, thresholdMinutes));
      const message = notificationFor(t, formatDeadlineTime(t.dueAt));
      announce(`${message.title}: ${message.body}`, 'warning');
      // The in-app announcement above already told the clerk; a refused OS notice (no permission,
      // no support) changes nothing else.
      await platform.notify(message);
    }
    return due.length;
  });
  chain = run.catch(() => undefined);
  return run;
}

/**
 * Issue 9 item 4: the Neukunden deadlines are watched like the callbacks – an open new customer of
 * this site whose intake check (Eingangsprüfung) falls due within the threshold is announced once.
 * No name in the OS notification (it may show on a screen a visitor can see): the worklist has it.
 */
export function checkNewCustomerDeadlines(siteId: string, thresholdMinutes: number, now: Date): Promise<number> {
  const run = chain.then(async () => {
    const until = new Date(now.getTime() + thresholdMinutes * 60_000).toISOString();
    const nowIso = now.toISOString();
    const rows = await worklistOf(getDb(), siteId, now);
    const due = rows.filter((r) => !r.closed && r.record.intakeDueAt > nowIso && r.record.intakeDueAt <= until && !notifiedSet().has(`nc:${r.record.id}:${thresholdMinutes}`));
    for (const r of due) {
      remember(`nc:${r.record.id}:${thresholdMinutes}`);
      const message = { title: 'Eingangsprüfung bald fällig', body: `Ein Neukunde der Neukunden-Liste ist um ${formatDeadlineTime(r.record.intakeDueAt)} Uhr fällig (Alt+8).`, tag: `nc-${r.record.id}` };
      announce(`${message.title}: ${message.body}`, 'warning');
      await platform.notify(message);
    }
    return due.length;
  });
  chain = run.catch(() => undefined);
  return run;
}

/** Checks on mount and every minute, for the current site's lists and the configured threshold. */
export function useDeadlineNotifications(): void {
  const site = useCurrentSite();
  const threshold = useSettings().notifyMinutesBefore;
  const nowMs = useNow(CHECK_EVERY_MS).getTime();
  const { siteIds } = useDistributionLists(site?.id ?? null);
  useEffect(() => {
    if (siteIds.length === 0) return;
    void checkDeadlines(siteIds, threshold, new Date(nowMs)).catch(() => undefined);
    if (site) void checkNewCustomerDeadlines(site.id, threshold, new Date(nowMs)).catch(() => undefined);
  }, [siteIds, site, threshold, nowMs]);
}

/** Mount once in the app layout; renders nothing. */
export function DeadlineWatcher(): null {
  useDeadlineNotifications();
  return null;
}
