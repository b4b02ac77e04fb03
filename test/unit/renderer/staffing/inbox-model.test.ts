import { describe, expect, it } from 'vitest';
import type { InboxMessage } from '@shared/model';
import { orderInbox, recipientText, settledLines, unreadLabel } from '../../../../renderer/src/features/inbox/inbox-model';

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

  it('issue 10 item 3: the stand-in\'s own message is addressed to them by name', () => {
    const people = (id: string) => ({ p1: 'Ben Becker' })[id];
    expect(recipientText({ recipientRole: 'EZ', siteId: 'dz', recipientStaffId: 'p1' }, () => 'Diez', people)).toBe('Ben Becker (persönlich)');
  });

  it('issue 10 item 3: an answered request says "entschieden von <Name> am …", a void one "erledigt"', () => {
    const ask = { siteId: 'be', date: '2026-11-30', sessionStart: '08:00', staffId: 'p1', source: 'ez-same-site' as const, label: 'Bad Ems, Mo, 30.11.2026, 08:00–12:00' };
    const m = message('m', '2026-11-26T07:00:00.000Z', false, {
      asks: [
        { ...ask, settled: { at: '2026-11-26T08:05:00.000Z', byStaffId: 'tl', byName: 'Ines Klein', text: 'Vertretung durch Ben Becker (Eingangszone des Standorts) angenommen.' } },
        { ...ask, staffId: 'p2', label: 'Bad Ems, Di, 01.12.2026, 08:00–12:00', settled: { at: '2026-11-26T08:06:00.000Z', byStaffId: null, byName: null, text: 'Abwesenheit zurückgenommen.' } },
        { ...ask, staffId: 'p3', settled: null },
      ],
    });
    expect(settledLines(m)).toEqual([
      'Bad Ems, Mo, 30.11.2026, 08:00–12:00: entschieden von Ines Klein am Do., 26.11.2026, 09:05 – Vertretung durch Ben Becker (Eingangszone des Standorts) angenommen.',
      'Bad Ems, Di, 01.12.2026, 08:00–12:00: erledigt am Do., 26.11.2026, 09:06 – Abwesenheit zurückgenommen.',
    ]);
  });

  it('unread count in words', () => {
    expect(unreadLabel(1)).toBe('1 ungelesene Nachricht');
    expect(unreadLabel(3)).toBe('3 ungelesene Nachrichten');
  });
});
