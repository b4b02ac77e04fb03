import type { InboxMessage } from '@shared/model';
import { ROLE_LABELS } from '@shared/model';
import { formatDateTime } from '../../lib/format';

/**
 * Order and words of the role inbox (issue #3 item 8): unread first, then newest; each message says
 * which role (and for FM which site) it was addressed to, since several roles may share one PC.
 */
export function orderInbox(messages: readonly InboxMessage[]): InboxMessage[] {
  return [...messages].sort(
    (a, b) =>
      Number(a.readAt !== null) - Number(b.readAt !== null) ||
      (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0) ||
      (a.id < b.id ? 1 : a.id > b.id ? -1 : 0),
  );
}

export function recipientText(
  m: Pick<InboxMessage, 'recipientRole' | 'siteId' | 'recipientStaffId'>,
  siteName: (id: string) => string | undefined,
  personName: (id: string) => string | undefined = () => undefined,
): string {
  // Issue 10 item 3: the stand-in's own message is theirs, not their role's.
  if (m.recipientStaffId) return `${personName(m.recipientStaffId) ?? 'vertretende Person'} (persönlich)`;
  const role = ROLE_LABELS[m.recipientRole];
  const site = m.siteId ? siteName(m.siteId) : undefined;
  return m.recipientRole === 'FM' && site ? `${role} ${site}` : role;
}

/** "Postfach (2 ungelesen)" is said; "(2)" is shown. */
export function unreadLabel(count: number): string {
  return count === 1 ? '1 ungelesene Nachricht' : `${count} ungelesene Nachrichten`;
}

/**
 * Issue 10 item 3: what became of each decision a message asked for – "Bad Ems, Mo, 30.11.2026,
 * 08:00–12:00: entschieden von Ines Klein am Do., 26.11.2026, 09:05 – Vertretung durch … angenommen."
 * – so a request someone else answered no longer reads as open.
 */
export function settledLines(m: Pick<InboxMessage, 'asks'>): string[] {
  const lines: string[] = [];
  for (const a of m.asks ?? []) {
    if (!a.settled) continue;
    const how = a.settled.byName ? `entschieden von ${a.settled.byName} am ${formatDateTime(a.settled.at)}` : `erledigt am ${formatDateTime(a.settled.at)}`;
    const line = `${a.label}: ${how} – ${a.settled.text}`;
    if (!lines.includes(line)) lines.push(line);
  }
  return lines;
}
