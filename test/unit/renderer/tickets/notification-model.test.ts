import { describe, expect, it } from 'vitest';
import {
  notificationFor,
  notificationKey,
  selectTicketsToNotify,
} from '../../../../renderer/src/features/tickets/notification-model';
import { BAD_EMS, DIEZ, makeTicket } from './ticket-factory';

const NOW = new Date('2026-11-26T08:00:00.000Z'); // 09:00 Berlin
const THRESHOLD = 120;
const at = (minutesFromNow: number) => new Date(NOW.getTime() + minutesFromNow * 60_000).toISOString();
const ids = (list: { id: string }[]) => list.map((t) => t.id);

describe('which tickets get a deadline notification (issue #2 item 6)', () => {
  const inWindow = makeTicket({ id: 'in-window', dueAt: at(90), status: 'assigned' });
  const openInWindow = makeTicket({ id: 'open-in-window', dueAt: at(30), status: 'open' });

  it('notifies not-yet-contacted tickets of this site due within the threshold, earliest first', () => {
    expect(ids(selectTicketsToNotify([inWindow, openInWindow], [BAD_EMS], NOW, THRESHOLD, new Set()))).toEqual([
      'open-in-window',
      'in-window',
    ]);
  });

  it('includes a ticket due exactly at the threshold, not one a minute later', () => {
    const edge = makeTicket({ id: 'edge', dueAt: at(120) });
    const later = makeTicket({ id: 'later', dueAt: at(121) });
    expect(ids(selectTicketsToNotify([edge, later], [BAD_EMS], NOW, THRESHOLD, new Set()))).toEqual(['edge']);
  });

  it("only the clerk's site: tickets on another site's distribution list are not this desk's (seed §4.5)", () => {
    const otherList = makeTicket({ id: 'diez', dueAt: at(30), siteId: BAD_EMS, distributionSiteId: DIEZ });
    expect(selectTicketsToNotify([otherList], [BAD_EMS], NOW, THRESHOLD, new Set())).toEqual([]);
    expect(ids(selectTicketsToNotify([otherList], [DIEZ], NOW, THRESHOLD, new Set()))).toEqual(['diez']);
  });

  it('a failed attempt keeps the ticket in: only a contact stops the clock (SPEC §5)', () => {
    const tried = makeTicket({
      id: 'tried',
      status: 'assigned',
      dueAt: at(45),
      attempts: [{ id: 'a', at: at(-10), by: 'x', note: 'Nicht erreicht' }],
    });
    expect(ids(selectTicketsToNotify([tried], [BAD_EMS], NOW, THRESHOLD, new Set()))).toEqual(['tried']);
  });

  it('leaves out contacted, closed, deleted and already overdue tickets', () => {
    const contacted = makeTicket({
      id: 'contacted',
      status: 'contacted',
      dueAt: at(30),
      contact: { kind: 'reached', at: at(-5), by: 'x', note: '' },
    });
    const closed = makeTicket({ id: 'closed', status: 'closed', dueAt: at(30), closedAt: at(-1) });
    const deleted = makeTicket({ id: 'deleted', dueAt: at(30), deletedAt: at(-60) });
    const overdue = makeTicket({ id: 'overdue', dueAt: at(0) });
    expect(selectTicketsToNotify([contacted, closed, deleted, overdue], [BAD_EMS], NOW, THRESHOLD, new Set())).toEqual([]);
  });

  it('notifies each ticket once per threshold', () => {
    const done = new Set([notificationKey('in-window', THRESHOLD)]);
    expect(ids(selectTicketsToNotify([inWindow, openInWindow], [BAD_EMS], NOW, THRESHOLD, done))).toEqual(['open-in-window']);
    // A changed setting is a new threshold: the clerk hears about it again.
    expect(ids(selectTicketsToNotify([inWindow], [BAD_EMS], NOW, 100, done))).toEqual(['in-window']);
  });
});

describe('the notification text', () => {
  it('names reference, department and time – never the customer (privacy on a shared screen, SPEC §8)', () => {
    const t = makeTicket({ id: 'abc-123', ref: 'BE-7K3F9Q', department: 'FM', customerName: 'Greta Weber', phone: '02603 555' });
    const n = notificationFor(t, '10:00');
    expect(n).toEqual({
      title: 'Rückruf bald fällig',
      body: 'Ticket BE-7K3F9Q (Fallmanagement) ist um 10:00 Uhr fällig.',
      tag: 'abc-123',
    });
    expect(JSON.stringify(n)).not.toMatch(/Greta|Weber|555/);
  });
});
