import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AnlaufstelleDB } from '../../../../renderer/src/db/db';
import {
  getTicket,
  listTickets,
  listTicketsOn,
  openTicketsOn,
} from '../../../../renderer/src/db/repositories/tickets';
import { BAD_EMS, DIEZ, makeTicket } from './ticket-factory';

const tickets = [
  makeTicket({ id: 'be-open', status: 'open', dueAt: '2026-11-26T09:00:00.000Z' }),
  makeTicket({ id: 'be-assigned', status: 'assigned', dueAt: '2026-11-26T10:00:00.000Z' }),
  makeTicket({ id: 'be-contacted', status: 'contacted', dueAt: '2026-11-26T11:00:00.000Z' }),
  makeTicket({ id: 'be-closed', status: 'closed', dueAt: '2026-11-20T11:00:00.000Z' }),
  makeTicket({ id: 'be-deleted', status: 'open', dueAt: '2026-11-26T09:30:00.000Z', deletedAt: '2026-11-25T12:00:00.000Z' }),
  // Created in Diez while its desk was in LB cover: on Bad Ems' distribution list (seed §4.5).
  makeTicket({ id: 'dz-on-be-list', siteId: DIEZ, distributionSiteId: BAD_EMS, status: 'open', dueAt: '2026-11-26T12:00:00.000Z' }),
  makeTicket({ id: 'dz-open', siteId: DIEZ, distributionSiteId: DIEZ, status: 'open', dueAt: '2026-11-26T10:00:00.000Z' }),
  makeTicket({ id: 'dz-closed', siteId: DIEZ, distributionSiteId: DIEZ, status: 'closed', dueAt: '2026-11-19T10:00:00.000Z' }),
];

let db: AnlaufstelleDB;

beforeEach(async () => {
  db = new AnlaufstelleDB(`tickets-read-${Math.random()}`);
  await db.tickets.bulkPut(tickets);
});

afterEach(async () => {
  await db.delete();
});

const sorted = (list: { id: string }[]) => list.map((t) => t.id).sort();

describe('ticket read functions (issue #2 item 4)', () => {
  it('getTicket returns the ticket, and null for an unknown or deleted one (SPEC §9 tombstones)', async () => {
    expect((await getTicket(db, 'be-open'))?.id).toBe('be-open');
    expect(await getTicket(db, 'nope')).toBeNull();
    expect(await getTicket(db, 'be-deleted')).toBeNull();
  });

  it("lists one site's distribution list by status", async () => {
    expect(sorted(await listTickets(db, { distributionSiteId: BAD_EMS, statuses: ['open', 'assigned'] }))).toEqual([
      'be-assigned',
      'be-open',
      'dz-on-be-list',
    ]);
  });

  it('lists every status of one site', async () => {
    expect(sorted(await listTickets(db, { distributionSiteId: DIEZ, statuses: null }))).toEqual(['dz-closed', 'dz-open']);
  });

  it('lists some statuses across all sites', async () => {
    expect(sorted(await listTickets(db, { distributionSiteId: null, statuses: ['closed'] }))).toEqual(['be-closed', 'dz-closed']);
  });

  it('lists everything live when nothing narrows it', async () => {
    expect(await listTickets(db, { distributionSiteId: null, statuses: null })).toHaveLength(tickets.length - 1);
  });

  it('open work of a site is what still waits for a first contact', async () => {
    expect(sorted(await openTicketsOn(db, [BAD_EMS]))).toEqual(['be-assigned', 'be-open', 'dz-on-be-list']);
  });

  it('seed §4.5: a staffed site working a covered site\'s list reads both lists, each once', async () => {
    expect(sorted(await openTicketsOn(db, [BAD_EMS, DIEZ, DIEZ]))).toEqual(['be-assigned', 'be-open', 'dz-on-be-list', 'dz-open']);
    expect(sorted(await listTicketsOn(db, [DIEZ], ['closed']))).toEqual(['dz-closed']);
    expect(await listTicketsOn(db, null, null)).toHaveLength(tickets.length - 1);
  });
});
