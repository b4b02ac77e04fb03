import type { CallbackTicket } from '@shared/model';
import { DEPARTMENT_LABELS } from '@shared/model';

/**
 * Which tickets get an OS notification (issue #2 item 6: "when a ticket of the clerk's site is about
 * to be overdue"). Pure, so the rule is unit-tested without timers, Dexie or a platform bridge.
 */

export interface NotificationMessage {
  title: string;
  body: string;
  /** The ticket id: the OS replaces rather than stacks a second notice for the same ticket. */
  tag: string;
}

/**
 * Key of "this ticket was announced at this threshold". A changed setting (notifyMinutesBefore)
 * is a new threshold, so the clerk hears about the ticket again; the same threshold never twice.
 */
export function notificationKey(ticketId: string, thresholdMinutes: number): string {
  return `${ticketId}@${thresholdMinutes}`;
}

/**
 * Tickets to notify now: on one of this desk's distribution lists – its own and those of covered
 * sites routed here (seed §4.5: the staffed site distributes) –
 * still waiting for the first contact (SPEC §5: only a contact stops the clock, failed attempts do
 * not), due in (now, now + threshold], not announced at this threshold before. Overdue tickets are
 * not "about to be overdue"; the list and the header badge show them.
 */
export function selectTicketsToNotify(
  candidates: readonly CallbackTicket[],
  siteIds: readonly string[],
  now: Date,
  thresholdMinutes: number,
  alreadyNotified: ReadonlySet<string>,
): CallbackTicket[] {
  const nowMs = now.getTime();
  const until = nowMs + thresholdMinutes * 60_000;
  const lists = new Set(siteIds);
  return candidates
    .filter((t) => {
      if (t.deletedAt !== null || !lists.has(t.distributionSiteId)) return false;
      if (t.contact !== null || t.status === 'contacted' || t.status === 'closed') return false;
      const due = Date.parse(t.dueAt);
      return due > nowMs && due <= until && !alreadyNotified.has(notificationKey(t.id, thresholdMinutes));
    })
    .sort((a, b) => (a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : 0));
}

/**
 * The OS notification's text. Privacy on a shared screen (SPEC §8): reference, department and time
 * only – never the customer's name, phone or concern.
 */
export function notificationFor(t: CallbackTicket, dueTime: string): NotificationMessage {
  return {
    title: 'Rückruf bald fällig',
    body: `Ticket ${t.ref} (${DEPARTMENT_LABELS[t.department]}) ist um ${dueTime} Uhr fällig.`,
    tag: t.id,
  };
}
