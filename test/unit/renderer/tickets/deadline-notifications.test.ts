import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { NotificationRequest } from '@shared/bridge/contract';

// The platform bridge is the OS side (Electron Notification / web notification): record the calls.
const shown: NotificationRequest[] = [];
vi.mock('../../../../renderer/src/platform', () => ({
  platform: {
    notify: async (n: NotificationRequest) => {
      shown.push(n);
      return { ok: true, value: { shown: true } };
    },
  },
}));

const { getDb } = await import('../../../../renderer/src/db/db');
const { checkDeadlines, checkNewCustomerDeadlines } = await import('../../../../renderer/src/features/tickets/deadline-notifications');
const { useAnnouncer } = await import('../../../../renderer/src/state/announcer');
const { BAD_EMS, DIEZ, makeTicket } = await import('./ticket-factory');

const NOW = new Date('2026-11-27T06:30:00.000Z'); // Friday 07:30 Berlin

beforeEach(async () => {
  shown.length = 0;
  useAnnouncer.setState({ items: [] });
  await getDb().tickets.clear();
  await getDb().tickets.bulkPut([
    makeTicket({ id: 'due-0900', ref: 'BE-0900', department: 'FM', dueAt: '2026-11-27T08:00:00.000Z', customerName: 'Greta Weber' }),
    makeTicket({ id: 'due-1200', ref: 'BE-1200', dueAt: '2026-11-27T11:00:00.000Z' }),
    makeTicket({ id: 'diez-0900', ref: 'DZ-0900', distributionSiteId: DIEZ, dueAt: '2026-11-27T08:00:00.000Z' }),
  ]);
});

describe('the deadline watcher (issue #2 item 6)', () => {
  it("notifies the OS and the desk once about this site's ticket due within the threshold", async () => {
    expect(await checkDeadlines([BAD_EMS], 120, NOW)).toBe(1);
    expect(shown).toEqual([
      { title: 'Rückruf bald fällig', body: 'Ticket BE-0900 (Fallmanagement) ist um 09:00 Uhr fällig.', tag: 'due-0900' },
    ]);
    expect(useAnnouncer.getState().items.map((i) => [i.text, i.tone])).toEqual([
      ['Rückruf bald fällig: Ticket BE-0900 (Fallmanagement) ist um 09:00 Uhr fällig.', 'warning'],
    ]);

    // A minute later: nothing new to say.
    expect(await checkDeadlines([BAD_EMS], 120, new Date(NOW.getTime() + 60_000))).toBe(0);
    expect(shown).toHaveLength(1);
  });

  it('overlapping checks never notify the same ticket twice', async () => {
    const counts = await Promise.all([checkDeadlines([DIEZ], 120, NOW), checkDeadlines([DIEZ], 120, NOW)]);
    expect(counts.sort()).toEqual([0, 1]);
    expect(shown.map((n) => n.tag)).toEqual(['diez-0900']);
  });

  it("seed §4.5: the staffed desk is also told about a covered site's ticket routed to it", async () => {
    // Another threshold than above: the tickets told there are remembered per threshold.
    expect(await checkDeadlines([BAD_EMS, DIEZ], 150, NOW)).toBe(2);
    expect(shown.map((n) => n.tag).sort()).toEqual(['diez-0900', 'due-0900']);
  });
});

describe('issue 9 item 4: the Neukunden intake deadline is watched like a callback', () => {
  it('an open new customer of this site whose intake check falls due within the threshold is announced once, without the name', async () => {
    const T = '2026-11-26T08:00:00.000Z';
    const record = {
      id: 'nc-1', createdAt: T, createdBy: 'x', updatedAt: T, updatedBy: 'x', deletedAt: null, siteId: BAD_EMS, recordedAtSiteId: BAD_EMS, visitId: null,
      channel: 'personal' as const, appliedAt: T, name: 'Erika Neu', birthDate: '1990-04-12', bgNumber: null, phone: '',
      intakeDueAt: '2026-11-27T08:00:00.000Z', refusalDueAt: '2026-12-20T23:00:00.000Z', stepsDueAt: '2026-11-26T23:00:00.000Z',
      stepStep: null, stepVerbis: null, stepAnnounced: null, stepActivation: null, invitation: null, noShows: [], intakeDone: null, refused: null, anonymisedAt: null,
    };
    await getDb().newCustomers.clear();
    await getDb().newCustomers.bulkPut([record, { ...record, id: 'nc-done', intakeDone: { at: T, by: 'lb' } }, { ...record, id: 'nc-diez', siteId: DIEZ }]);
    expect(await checkNewCustomerDeadlines(BAD_EMS, 120, NOW)).toBe(1);
    expect(shown).toEqual([{ title: 'Eingangsprüfung bald fällig', body: 'Ein Neukunde der Neukunden-Liste ist um 09:00 Uhr fällig (Alt+8).', tag: 'nc-nc-1' }]);
    expect(JSON.stringify(useAnnouncer.getState().items)).not.toContain('Erika');
    expect(await checkNewCustomerDeadlines(BAD_EMS, 120, new Date(NOW.getTime() + 60_000))).toBe(0);
  });
});
