import type { InboxMessage } from '@shared/model';
import { ROLE_LABELS } from '@shared/model';

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

export function recipientText(m: Pick<InboxMessage, 'recipientRole' | 'siteId'>, siteName: (id: string) => string | undefined): string {
  const role = ROLE_LABELS[m.recipientRole];
  const site = m.siteId ? siteName(m.siteId) : undefined;
  return m.recipientRole === 'FM' && site ? `${role} ${site}` : role;
}

/** "Postfach (2 ungelesen)" is said; "(2)" is shown. */
export function unreadLabel(count: number): string {
  return count === 1 ? '1 ungelesene Nachricht' : `${count} ungelesene Nachrichten`;
}
