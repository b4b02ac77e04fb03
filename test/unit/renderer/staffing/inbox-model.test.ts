import { describe, expect, it } from 'vitest';
import type { InboxMessage } from '@shared/model';
import { orderInbox, recipientText, unreadLabel } from '../../../../renderer/src/features/inbox/inbox-model';

/** Issue #3 item 8: the inbox lists unread first, then newest; the nav label counts unread. */
function message(id: string, createdAt: string, read: boolean, extra: Partial<InboxMessage> = {}): InboxMessage {
  return {
    id,
    createdAt,
    createdBy: 'x',
    updatedAt: createdAt,
    updatedBy: 'x',
    deletedAt: null,
    recipientRole: 'TL_LB',
    siteId: null,
    title: id,
    body: '',
    readAt: read ? createdAt : null,
    readBy: read ? 'x' : null,
    key: id,
    refs: {},
    ...extra,
  };
}

describe('role inbox', () => {
  it('unread first, each group newest first', () => {
    const list = [
      message('old-unread', '2026-11-26T07:00:00.000Z', false),
      message('new-read', '2026-11-26T09:00:00.000Z', true),
      message('new-unread', '2026-11-26T08:00:00.000Z', false),
      message('old-read', '2026-11-25T08:00:00.000Z', true),
    ];
    expect(orderInbox(list).map((m) => m.id)).toEqual(['new-unread', 'old-unread', 'new-read', 'old-read']);
  });

  it('says to whom: the FM with the site, other roles by name', () => {
    const sites = (id: string) => ({ dz: 'Diez' })[id];
    expect(recipientText({ recipientRole: 'FM', siteId: 'dz' }, sites)).toBe('Standortverantwortliche/r Fallmanager/in Diez');
    expect(recipientText({ recipientRole: 'TL_LB', siteId: 'dz' }, sites)).toBe('Teamleitung Leistung');
  });

  it('unread count in words', () => {
    expect(unreadLabel(1)).toBe('1 ungelesene Nachricht');
    expect(unreadLabel(3)).toBe('3 ungelesene Nachrichten');
  });
});
