import { describe, expect, it } from 'vitest';
import { DUE_SOON_MS, dueState } from '@shared/domain/callback-deadline';
import { generateDemoData } from '@shared/demo/generate';
import type { CallbackTicket } from '@shared/model';
import { departmentsOf } from '@shared/model';
import {
  countAlerts,
  dueStateAt,
  filterAndSortTickets,
  isAssignedTo,
  isoMs,
  rowDueState,
  sortTickets,
  type TicketFilters,
  type TicketOwner,
  type TicketSorting,
} from '../../../../renderer/src/features/tickets/ticket-table-model';
import { BAD_EMS, DIEZ, LAHNSTEIN, makeTicket } from './ticket-factory';

// Thursday 2026-11-26, 09:00 in Berlin (08:00 UTC).
const NOW = new Date('2026-11-26T08:00:00.000Z');

const ALL: TicketFilters = { status: 'all', department: 'all', siteId: 'all', due: 'all', text: '' };
const BY_DUE: TicketSorting = [{ id: 'due', desc: false }];

const overdue = makeTicket({ ref: 'BE-A', dueAt: '2026-11-26T07:00:00.000Z', status: 'open', department: 'MI' });
const dueSoon = makeTicket({
  ref: 'BE-B',
  dueAt: '2026-11-26T09:30:00.000Z',
  status: 'assigned',
  department: 'FM',
  customerName: 'Elif Kaya',
  createdAt: '2026-11-25T09:30:00.000Z',
});
const laterToday = makeTicket({
  ref: 'DZ-C',
  dueAt: '2026-11-26T12:00:00.000Z',
  status: 'assigned',
  department: 'LB',
  siteId: DIEZ,
  distributionSiteId: DIEZ,
  createdAt: '2026-11-25T12:00:00.000Z',
});
const tomorrow = makeTicket({
  ref: 'LS-D',
  dueAt: '2026-11-27T09:00:00.000Z',
  status: 'open',
  department: 'EZ',
  siteId: LAHNSTEIN,
  distributionSiteId: LAHNSTEIN,
  createdAt: '2026-11-26T07:00:00.000Z',
});
const contactedInTime = makeTicket({
  ref: 'BE-E',
  dueAt: '2026-11-26T10:00:00.000Z',
  status: 'contacted',
  contact: { kind: 'reached', at: '2026-11-26T07:30:00.000Z', by: 'x', note: '' },
});
const closed = makeTicket({
  ref: 'BE-F',
  status: 'closed',
  dueAt: '2026-11-20T10:00:00.000Z',
  contact: { kind: 'reached', at: '2026-11-20T08:00:00.000Z', by: 'x', note: '' },
  closedAt: '2026-11-20T09:00:00.000Z',
});
const deleted = makeTicket({ ref: 'BE-G', deletedAt: '2026-11-25T10:00:00.000Z', dueAt: '2026-11-26T07:30:00.000Z' });
const TICKETS: CallbackTicket[] = [tomorrow, closed, contactedInTime, laterToday, deleted, dueSoon, overdue];

const refs = (filters: Partial<TicketFilters>, sorting: TicketSorting = BY_DUE, now = NOW, tickets = TICKETS) =>
  filterAndSortTickets(tickets, { ...ALL, ...filters }, sorting, now, {
    siteNames: new Map([
      [BAD_EMS, 'Bad Ems'],
      [DIEZ, 'Diez'],
      [LAHNSTEIN, 'Lahnstein'],
    ]),
  }).map((t) => t.ref);

describe('ticket list filters (issue #2 item 4)', () => {
  it('never shows deleted tickets (SPEC §9 tombstones)', () => {
    expect(refs({})).not.toContain('BE-G');
    expect(refs({})).toHaveLength(6);
  });

  it('"not closed" is the working set of the distribution list (SPEC §5 lifecycle)', () => {
    expect(refs({ status: 'active' })).toEqual(['BE-A', 'BE-B', 'BE-E', 'DZ-C', 'LS-D']);
  });

  it('filters by one status', () => {
    expect(refs({ status: 'assigned' })).toEqual(['BE-B', 'DZ-C']);
    expect(refs({ status: 'closed' })).toEqual(['BE-F']);
  });

  it('filters by department', () => {
    expect(refs({ department: 'FM' })).toEqual(['BE-B']);
  });

  it('filters by the distribution site, not the site of creation (seed §4.5: covered desks hand over distribution)', () => {
    const handedOver = makeTicket({ ref: 'DZ-H', siteId: DIEZ, distributionSiteId: BAD_EMS, dueAt: '2026-11-26T11:00:00.000Z' });
    expect(refs({ siteId: BAD_EMS, status: 'active' }, BY_DUE, NOW, [...TICKETS, handedOver])).toEqual(['BE-A', 'BE-B', 'BE-E', 'DZ-H']);
    expect(refs({ siteId: DIEZ }, BY_DUE, NOW, [...TICKETS, handedOver])).toEqual(['DZ-C']);
  });

  it('"Überfällig" holds tickets past their deadline without a contact (SPEC §5)', () => {
    expect(refs({ due: 'overdue' })).toEqual(['BE-A']);
  });

  it('"Bald fällig" holds tickets due within two hours, the two-hour mark included (SPEC §5)', () => {
    expect(refs({ due: 'due-soon' })).toEqual(['BE-B']);
    const atTwoHours = makeTicket({ ref: 'BE-2H', dueAt: '2026-11-26T10:00:00.000Z' });
    const justOver = makeTicket({ ref: 'BE-2H1', dueAt: '2026-11-26T10:00:01.000Z' });
    expect(refs({ due: 'due-soon' }, BY_DUE, NOW, [atTwoHours, justOver])).toEqual(['BE-2H']);
  });

  it('a failed attempt does not take a ticket out of "Überfällig": only a contact stops the clock (SPEC §5)', () => {
    const tried = makeTicket({
      ref: 'BE-TRY',
      status: 'assigned',
      dueAt: '2026-11-26T07:00:00.000Z',
      attempts: [{ id: 'a', at: '2026-11-26T06:00:00.000Z', by: 'x', note: 'Nicht erreicht' }],
    });
    expect(refs({ due: 'overdue' }, BY_DUE, NOW, [tried])).toEqual(['BE-TRY']);
  });

  it('"Heute fällig" is the Berlin calendar day, open work only, overdue-today included', () => {
    // 00:30 Berlin on the 26th is still 25th in UTC; 23:30 Berlin on the 25th is not today.
    const earlyToday = makeTicket({ ref: 'BE-0030', dueAt: '2026-11-25T23:30:00.000Z' });
    const lateYesterday = makeTicket({ ref: 'BE-2330', dueAt: '2026-11-25T22:30:00.000Z' });
    expect(refs({ due: 'due-today' }, BY_DUE, NOW, [...TICKETS, earlyToday, lateYesterday])).toEqual([
      'BE-0030',
      'BE-A',
      'BE-B',
      'DZ-C',
    ]);
  });

  it('text search matches reference or name, ignoring case and surrounding spaces', () => {
    expect(refs({ text: ' dz-c ' })).toEqual(['DZ-C']);
    expect(refs({ text: 'KAYA' })).toEqual(['BE-B']);
    expect(refs({ text: 'niemand' })).toEqual([]);
  });

  it('combines filters', () => {
    expect(refs({ status: 'active', siteId: BAD_EMS, due: 'due-soon' })).toEqual(['BE-B']);
  });

  it('gives each row its deadline state at the list clock', () => {
    const rows = filterAndSortTickets(TICKETS, ALL, BY_DUE, NOW);
    const stateOf = dueStateAt(NOW);
    const state = Object.fromEntries(rows.map((t) => [t.ref, stateOf(t)]));
    expect(state).toEqual({
      'BE-A': 'overdue',
      'BE-B': 'due-soon',
      'DZ-C': 'on-track',
      'LS-D': 'on-track',
      'BE-E': 'met',
      'BE-F': 'met',
    });
  });
});

describe('ticket list sorting', () => {
  it('defaults to the earliest deadline first, so overdue work is on top (SPEC §5)', () => {
    expect(refs({}, [])).toEqual(['BE-F', 'BE-A', 'BE-B', 'BE-E', 'DZ-C', 'LS-D']);
  });

  it('sorts by deadline descending', () => {
    expect(refs({}, [{ id: 'due', desc: true }])).toEqual(['LS-D', 'DZ-C', 'BE-E', 'BE-B', 'BE-A', 'BE-F']);
  });

  it('sorts by creation time', () => {
    expect(refs({ status: 'active' }, [{ id: 'created', desc: false }])).toEqual(['BE-A', 'BE-E', 'BE-B', 'DZ-C', 'LS-D']);
  });

  it('sorts by status in lifecycle order, ties by deadline', () => {
    expect(refs({}, [{ id: 'status', desc: false }])).toEqual(['BE-A', 'LS-D', 'BE-B', 'DZ-C', 'BE-E', 'BE-F']);
  });

  it('sorts by the German department name', () => {
    // Eingangszone, Fallmanagement, Leistungsbereich, Markt & Integration.
    expect(refs({ status: 'active' }, [{ id: 'department', desc: false }])).toEqual(['LS-D', 'BE-B', 'DZ-C', 'BE-A', 'BE-E']);
  });

  it('sorts by site name, descending too', () => {
    expect(refs({ status: 'active' }, [{ id: 'site', desc: false }])).toEqual(['BE-A', 'BE-B', 'BE-E', 'DZ-C', 'LS-D']);
    expect(refs({ status: 'active' }, [{ id: 'site', desc: true }])).toEqual(['LS-D', 'DZ-C', 'BE-A', 'BE-B', 'BE-E']);
  });

  it('breaks ties by reference, so the order is stable between refreshes', () => {
    const a = makeTicket({ ref: 'BE-2', dueAt: '2026-11-26T09:00:00.000Z' });
    const b = makeTicket({ ref: 'BE-1', dueAt: '2026-11-26T09:00:00.000Z' });
    expect(refs({}, BY_DUE, NOW, [a, b])).toEqual(['BE-1', 'BE-2']);
    expect(refs({}, [{ id: 'due', desc: true }], NOW, [b, a])).toEqual(['BE-1', 'BE-2']);
  });

  it('within one category, the earlier deadline comes first – ascending or descending by category', () => {
    const late = makeTicket({ ref: 'BE-LATE', dueAt: '2026-11-27T09:00:00.000Z', department: 'FM' });
    const early = makeTicket({ ref: 'BE-EARLY', dueAt: '2026-11-26T09:00:00.000Z', department: 'FM' });
    const other = makeTicket({ ref: 'BE-LB', dueAt: '2026-11-25T09:00:00.000Z', department: 'LB' });
    expect(refs({}, [{ id: 'department', desc: false }], NOW, [late, other, early])).toEqual(['BE-EARLY', 'BE-LATE', 'BE-LB']);
    expect(refs({}, [{ id: 'department', desc: true }], NOW, [late, other, early])).toEqual(['BE-LB', 'BE-EARLY', 'BE-LATE']);
  });

  it('a site missing from the names sorts after the known ones', () => {
    const unknown = makeTicket({ ref: 'XX-1', distributionSiteId: 'elsewhere' });
    expect(refs({ status: 'active' }, [{ id: 'site', desc: false }], NOW, [unknown, overdue, laterToday])).toEqual([
      'BE-A',
      'DZ-C',
      'XX-1',
    ]);
  });

  it('does not change the input array', () => {
    const input = [tomorrow, overdue];
    filterAndSortTickets(input, ALL, BY_DUE, NOW);
    expect(input).toEqual([tomorrow, overdue]);
  });
});

describe('app-wide alert count', () => {
  it('counts overdue and soon-due open work of one site only', () => {
    expect(countAlerts(TICKETS, BAD_EMS, NOW)).toEqual({ overdue: 1, dueSoon: 1 });
    expect(countAlerts(TICKETS, DIEZ, NOW)).toEqual({ overdue: 0, dueSoon: 0 });
    // Two hours later the Diez ticket is due soon and the Bad Ems one overdue.
    expect(countAlerts(TICKETS, DIEZ, new Date('2026-11-26T10:30:00.000Z'))).toEqual({ overdue: 0, dueSoon: 1 });
    expect(countAlerts(TICKETS, BAD_EMS, new Date('2026-11-26T10:30:00.000Z'))).toEqual({ overdue: 2, dueSoon: 0 });
  });
});

describe('rowDueState, the list fast path', () => {
  it('agrees with dueState (SPEC §5) for every case, canonical ISO strings or not', () => {
    const now = new Date('2026-11-26T08:00:00.000Z');
    const nowIso = now.toISOString();
    const soonIso = new Date(now.getTime() + DUE_SOON_MS).toISOString();
    const dues = [
      '2026-11-26T07:59:59.999Z',
      '2026-11-26T08:00:00.000Z',
      '2026-11-26T08:00:00.001Z',
      '2026-11-26T10:00:00.000Z',
      '2026-11-26T10:00:00.001Z',
      '2026-11-26T10:00:00Z', // without milliseconds: not canonical, falls back to dueState
      '2026-11-26T07:00:00Z',
      '2026-11-27T09:00:00.000Z',
    ];
    const contacts = [null, '2026-11-26T07:00:00.000Z', '2026-11-26T10:00:00.000Z', '2026-11-26T10:00:00Z', '2026-11-26T12:00:00.000Z'];
    for (const dueAt of dues) {
      for (const at of contacts) {
        const t = makeTicket({ dueAt, contact: at === null ? null : { kind: 'reached', at, by: 'x', note: '' } });
        expect(rowDueState(t, now, nowIso, soonIso), `${dueAt} / ${at}`).toBe(dueState(dueAt, now, at));
      }
    }
  });
});

describe('sort keys', () => {
  it('isoMs reads canonical instants exactly like Date.parse, and others through it', () => {
    for (const iso of ['2026-11-26T08:00:00.000Z', '2024-02-29T23:59:59.999Z', '1999-12-31T00:00:00.001Z', '2026-11-26T10:00:00Z', '2026-11-26T11:00:00+01:00']) {
      expect(isoMs(iso), iso).toBe(Date.parse(iso));
    }
    expect(isoMs('kein Datum')).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('sorts correctly when the deadlines span more than two years (the comparator path)', () => {
    const old = makeTicket({ ref: 'OLD', dueAt: '2022-01-03T09:00:00.000Z' });
    const mid = makeTicket({ ref: 'MID', dueAt: '2026-11-26T09:00:00.000Z' });
    const midTwin = makeTicket({ ref: 'MIC', dueAt: '2026-11-26T09:00:00.000Z' });
    const late = makeTicket({ ref: 'LATE', dueAt: '2026-11-27T09:00:00.000Z' });
    expect(sortTickets([late, mid, old, midTwin], BY_DUE).map((t) => t.ref)).toEqual(['OLD', 'MIC', 'MID', 'LATE']);
    expect(sortTickets([late, mid, old, midTwin], [{ id: 'due', desc: true }]).map((t) => t.ref)).toEqual(['LATE', 'MIC', 'MID', 'OLD']);
  });

  it('orders a year of generated tickets by deadline (the packed fast path)', () => {
    const tickets = generateDemoData({ now: NOW, days: 365, visitsPerSession: 6 }).tickets;
    const sorted = filterAndSortTickets(tickets, ALL, BY_DUE, NOW);
    expect(sorted).toHaveLength(tickets.length);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i - 1]!.dueAt <= sorted[i]!.dueAt).toBe(true);
  });
});

describe('issue 6 item 2: a ticket given to a team or a person reaches them – "Mir oder meinem Team zugewiesen"', () => {
  const me: TicketOwner = { staffId: 'p-fm-diez', homeSiteId: DIEZ, departments: departmentsOf(['FM']) };
  const toMyTeam = makeTicket({ ref: 'LA-1', distributionSiteId: LAHNSTEIN, status: 'assigned', assignee: { kind: 'team', department: 'FM', siteId: DIEZ } });
  const toMe = makeTicket({ ref: 'BE-1', distributionSiteId: BAD_EMS, status: 'assigned', assignee: { kind: 'person', staffId: 'p-fm-diez' } });
  const otherTeamHere = makeTicket({ ref: 'DI-1', distributionSiteId: DIEZ, status: 'assigned', assignee: { kind: 'team', department: 'LB', siteId: DIEZ } });
  const myTeamElsewhere = makeTicket({ ref: 'BE-2', distributionSiteId: BAD_EMS, status: 'assigned', assignee: { kind: 'team', department: 'FM', siteId: BAD_EMS } });
  const undistributed = makeTicket({ ref: 'DI-2', distributionSiteId: DIEZ, status: 'open', assignee: null });
  const all = [toMyTeam, toMe, otherTeamHere, myTeamElsewhere, undistributed];
  const mine = (owner: TicketOwner | null) =>
    filterAndSortTickets(all, { ...ALL, assigned: 'mine' }, BY_DUE, NOW, { me: owner }).map((t) => t.ref).sort();

  it('shows the tickets given to the person and to their department at their home site, whichever site distributed them', () => {
    expect(mine(me)).toEqual(['BE-1', 'LA-1']);
  });

  it('roles map to their team: Vermittlung works in Markt & Integration, team leads in their team, GF in none', () => {
    expect(departmentsOf(['VERMITTLUNG'])).toEqual(['MI']);
    expect(departmentsOf(['TL_LB', 'LB'])).toEqual(['LB']);
    expect(departmentsOf(['GF', 'ADMIN'])).toEqual([]);
    expect(isAssignedTo(otherTeamHere, { ...me, departments: departmentsOf(['LB']) })).toBe(true);
  });

  it('without a person am Platz, "mine" shows nothing; "all" ignores the assignment', () => {
    expect(mine(null)).toEqual([]);
    expect(filterAndSortTickets(all, { ...ALL, assigned: 'all' }, BY_DUE, NOW, { me }).length).toBe(5);
  });
});
