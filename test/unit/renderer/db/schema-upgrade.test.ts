// Before Dexie loads: it takes the global indexedDB when its module is evaluated.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { AnlaufstelleDB } from '../../../../renderer/src/db/db';
import { removeDemoHistory } from '../../../../renderer/src/db/repositories/demo';
import { anonymiseFinishedHandoffs } from '../../../../renderer/src/db/repositories/handoffs';
import { ANONYMISED, anonymiseDueTickets } from '../../../../renderer/src/db/repositories/tickets';
import { LATEST_SCHEMA_VERSION, SCHEMA_VERSIONS } from '../../../../renderer/src/db/schema';
import { countRowsRead, resetCounts } from './read-counter';

/**
 * STYLE 8: every upgrade has a test that opens the old shape, upgrades and asserts.
 * Version 1 → 2 (issue #3): the staffing tables appear, and staff/site rows written before
 * staffing existed get the fields the roster and the board read.
 */

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

const at = '2026-01-12T08:00:00.000Z';
const stamps = { createdAt: at, createdBy: 'import', updatedAt: at, updatedBy: 'import', deletedAt: null };

/** A database as version 1 of the app left it, with rows of the old, thinner shape. */
async function versionOneDatabase(): Promise<string> {
  const name = `test-${crypto.randomUUID()}`;
  names.push(name);
  const v1 = new Dexie(name);
  v1.version(1).stores(SCHEMA_VERSIONS[0]!.stores);
  await v1.open();
  await v1.table('sites').bulkPut([
    { ...stamps, id: 'site-old', name: 'Bad Ems', code: 'BE' }, // neither sessions nor minStaff
    {
      ...stamps,
      id: 'site-configured',
      name: 'Diez',
      code: 'DZ',
      minStaff: 2,
      sessions: [{ weekday: 3, start: '13:00', end: '15:00' }],
    },
  ]);
  await v1.table('staff').bulkPut([
    { ...stamps, id: 'p-old', name: 'Anna Becker', homeSiteId: 'site-old', roles: ['EZ'] }, // no weekdays, no active
    { ...stamps, id: 'p-part', name: 'Ben Koch', homeSiteId: 'site-old', roles: ['EZ'], weekdays: [1, 2], active: false },
  ]);
  await v1.table('visits').put({ ...stamps, id: 'v-1', siteId: 'site-old', arrivedAt: at });
  expect(v1.verno).toBe(1);
  v1.close();
  return name;
}

describe('schema version 1 → 2 (desk staffing, issue #3)', () => {
  it('opens a version 1 database as the latest version with the staffing tables and their indexes', async () => {
    const db = new AnlaufstelleDB(await versionOneDatabase());
    await db.open();
    expect(db.verno).toBe(LATEST_SCHEMA_VERSION);
    expect(LATEST_SCHEMA_VERSION).toBeGreaterThanOrEqual(2);
    const tables = db.tables.map((t) => t.name);
    for (const t of ['shifts', 'absences', 'closures', 'coverDecisions', 'inbox']) expect(tables).toContain(t);
    expect(db.shifts.schema.idxByName['[siteId+date]']).toBeDefined();
    expect(db.inbox.schema.idxByName['[recipientRole+createdAt]']).toBeDefined();
    // The new tables work at once.
    await db.shifts.put({
      ...stamps,
      id: 's-1',
      siteId: 'site-old',
      date: '2026-11-26',
      sessionStart: '08:00',
      staffId: 'p-old',
      source: 'manual',
      coverSource: null,
      coverDecisionId: null,
    });
    expect(await db.shifts.where('[siteId+date]').equals(['site-old', '2026-11-26']).count()).toBe(1);
    db.close();
  });

  it('backfills weekday pattern (Mon–Fri) and active for staff rows without them, and keeps set values', async () => {
    const db = new AnlaufstelleDB(await versionOneDatabase());
    const old = await db.staff.get('p-old');
    expect(old).toMatchObject({ weekdays: [1, 2, 3, 4, 5], active: true, roles: ['EZ'], name: 'Anna Becker' });
    const partTime = await db.staff.get('p-part');
    expect(partTime).toMatchObject({ weekdays: [1, 2], active: false });
    db.close();
  });

  it('gives sites without sessions the default sessions (seed §4.1) and minStaff 1, and keeps configured ones', async () => {
    const db = new AnlaufstelleDB(await versionOneDatabase());
    const old = await db.sites.get('site-old');
    expect(old?.minStaff).toBe(1);
    expect(old?.sessions).toEqual([1, 2, 4, 5].map((weekday) => ({ weekday, start: '08:00', end: '12:00' })));
    const configured = await db.sites.get('site-configured');
    expect(configured).toMatchObject({ minStaff: 2, sessions: [{ weekday: 3, start: '13:00', end: '15:00' }] });
    // Other tables are untouched.
    expect(await db.visits.get('v-1')).toMatchObject({ siteId: 'site-old' });
    db.close();
  });
});

/**
 * Version 2 → 3 (review findings 3 and 4): the retention job and "demo data off" walk sparse
 * indexes. Rows written by version 2 carry neither retentionStart nor demoKey; the upgrade fills
 * them in, so the first sweep after the update finds exactly the due rows.
 */
const NOW = new Date('2026-11-26T09:00:00.000Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();

function v2Ticket(id: string, status: string, closedAt: string | null, extra: Record<string, unknown> = {}) {
  return {
    ...stamps,
    id,
    ref: `BE-${id}`,
    siteId: 'site-be',
    distributionSiteId: 'site-be',
    visitId: null,
    department: 'MI',
    concern: 'Rückfrage',
    customerName: 'Erika Mustermann',
    customerNumber: null,
    phone: '02603 123456',
    preferredTimes: '',
    dueAt: daysAgo(200),
    deadlinePolicy: 'working-days',
    status,
    assignee: null,
    attempts: [],
    contact: null,
    closedAt,
    closeNote: '',
    anonymisedAt: null,
    ...extra,
  };
}

function v2Handoff(id: string, status: string, finishedAt: string | null, extra: Record<string, unknown> = {}) {
  return {
    ...stamps,
    id,
    siteId: 'site-be',
    visitId: `v-${id}`,
    target: 'LB',
    concernKind: 'benefits',
    acute: false,
    label: `Frau ${id}`,
    waitingSince: daysAgo(200),
    status,
    takenBy: status === 'waiting' ? null : 'lb',
    takenAt: status === 'waiting' ? null : daysAgo(200),
    finishedAt,
    ...extra,
  };
}

/** A database as version 2 of the app left it. */
async function versionTwoDatabase(): Promise<string> {
  const name = `test-${crypto.randomUUID()}`;
  names.push(name);
  const v2 = new Dexie(name);
  v2.version(1).stores(SCHEMA_VERSIONS[0]!.stores);
  v2.version(2).stores(SCHEMA_VERSIONS[1]!.stores);
  await v2.open();
  await v2.table('tickets').bulkPut([
    v2Ticket('t-due', 'closed', daysAgo(100)),
    v2Ticket('t-recent', 'closed', daysAgo(10)),
    v2Ticket('t-done', 'closed', daysAgo(150), { customerName: ANONYMISED, phone: '', anonymisedAt: daysAgo(60) }),
    v2Ticket('t-open', 'assigned', null),
    v2Ticket('t-demo', 'closed', daysAgo(120), { demo: true }),
  ]);
  await v2.table('handoffs').bulkPut([
    v2Handoff('h-due', 'done', daysAgo(100)),
    v2Handoff('h-recent', 'done', daysAgo(10)),
    v2Handoff('h-waiting', 'waiting', null),
    v2Handoff('h-serving', 'in-service', null),
  ]);
  await v2.table('visits').bulkPut([
    { ...stamps, id: 'v-real', siteId: 'site-be', arrivedAt: at },
    { ...stamps, id: 'v-demo', siteId: 'site-be', arrivedAt: at, demo: true },
  ]);
  await v2.table('shifts').put({ ...stamps, id: 's-demo', siteId: 'site-be', date: '2026-11-26', staffId: 'p', demo: true });
  expect(v2.verno).toBe(2);
  v2.close();
  return name;
}

describe('schema version 2 → 3 (sparse retention and demo indexes, review findings 3 and 4)', () => {
  it('backfills retentionStart on closed tickets and finished hand-offs that still hold personal data, and demoKey on demo rows', async () => {
    const db = new AnlaufstelleDB(await versionTwoDatabase());
    await db.open();
    expect(db.verno).toBe(LATEST_SCHEMA_VERSION);
    expect(db.tickets.schema.idxByName['retentionStart']).toBeDefined();
    expect(db.handoffs.schema.idxByName['retentionStart']).toBeDefined();

    // t-open: never closed, so (version 4, issue 10 item 13) its period runs from its last activity.
    expect((await db.tickets.where('retentionStart').above('').primaryKeys()).sort()).toEqual(['t-demo', 't-due', 't-open', 't-recent']);
    expect((await db.tickets.get('t-due'))?.retentionStart).toBe(daysAgo(100));
    expect(await db.tickets.get('t-done')).not.toHaveProperty('retentionStart');
    expect((await db.handoffs.where('retentionStart').above('').primaryKeys()).sort()).toEqual(['h-due', 'h-recent']);
    expect(await db.visits.where('demoKey').equals(1).primaryKeys()).toEqual(['v-demo']);
    expect(await db.tickets.where('demoKey').equals(1).primaryKeys()).toEqual(['t-demo']);
    expect(await db.shifts.where('demoKey').equals(1).primaryKeys()).toEqual(['s-demo']);
    // Nothing else changed.
    expect(await db.tickets.get('t-open')).toEqual({ ...v2Ticket('t-open', 'assigned', null), retentionStart: at });
    expect(await db.handoffs.get('h-waiting')).toEqual(v2Handoff('h-waiting', 'waiting', null));
    db.close();
  });

  it('the first sweep after the update finds exactly the due rows, reading nothing else (SPEC §9)', async () => {
    const db = new AnlaufstelleDB(await versionTwoDatabase());
    const reads = await countRowsRead(db);
    resetCounts(reads);
    const system = { actorId: 'system', now: NOW };

    expect(await anonymiseDueTickets(db, 90, system)).toBe(3);
    expect(await anonymiseFinishedHandoffs(db, 90, system)).toBe(1);

    expect(reads).toMatchObject({ tickets: 3, handoffs: 1 });
    expect((await db.tickets.filter((t) => t.customerName === ANONYMISED).primaryKeys()).sort()).toEqual(['t-demo', 't-done', 't-due', 't-open']);
    expect((await db.handoffs.filter((h) => h.label === ANONYMISED).primaryKeys()).sort()).toEqual(['h-due']);
    // Only the real ticket and hand-off go to the outbox; the demo ticket is local-only.
    expect((await db.outbox.toArray()).map((o) => o.recordId).sort()).toEqual(['h-due', 't-due', 't-open']);
    db.close();
  });

  it('"demo data off" after the update tombstones the demo rows of version 2', async () => {
    const db = new AnlaufstelleDB(await versionTwoDatabase());

    expect(await removeDemoHistory(db, { actorId: 'admin', now: NOW })).toBe(3);

    expect((await db.visits.get('v-real'))?.deletedAt).toBeNull();
    expect((await db.visits.get('v-demo'))?.deletedAt).toBe(NOW.toISOString());
    db.close();
  });
});

/**
 * Version 3 → 4 (issue 10 item 13): absences and inbox messages get the sparse 'retentionStart'
 * index, and tickets never closed join the tickets' one – each from the rule in
 * shared/domain/retention.ts – so the first sweep after the update finds them.
 */
describe('schema version 3 → 4 (every record with personal data has a retention start)', () => {
  async function versionThreeDatabase(): Promise<string> {
    const name = `test-${crypto.randomUUID()}`;
    names.push(name);
    const v3 = new Dexie(name);
    for (const v of SCHEMA_VERSIONS.slice(0, 3)) v3.version(v.version).stores(v.stores);
    await v3.open();
    await v3.table('tickets').bulkPut([
      v2Ticket('t-open', 'open', null),
      { ...v2Ticket('t-closed', 'closed', daysAgo(10)), retentionStart: daysAgo(10) },
      v2Ticket('t-gone', 'assigned', null, { customerName: ANONYMISED, anonymisedAt: at }),
    ]);
    const absence = { ...stamps, staffId: 'p', halfDay: 'none', kind: 'unplanned', reason: 'sickness', registeredAt: at, kindOverridden: false, note: 'Attest' };
    await v3.table('absences').bulkPut([{ ...absence, id: 'a-old', from: '2026-01-12', to: '2026-01-16' }]);
    await v3.table('inbox').bulkPut([
      { ...stamps, id: 'm-1', recipientRole: 'FM', siteId: 'site-be', title: 'Abwesenheit', body: 'Erika Muster fehlt.', readAt: null, readBy: null, key: 'k1', refs: { date: '2026-01-13' } },
    ]);
    expect(v3.verno).toBe(3);
    v3.close();
    return name;
  }

  it('backfills retentionStart by the shared rules and indexes it; the first sweep finds the due rows', async () => {
    const db = new AnlaufstelleDB(await versionThreeDatabase());
    await db.open();
    expect(db.verno).toBe(LATEST_SCHEMA_VERSION);
    expect(db.absences.schema.idxByName['retentionStart']).toBeDefined();
    expect(db.inbox.schema.idxByName['retentionStart']).toBeDefined();

    expect((await db.tickets.get('t-open'))?.retentionStart).toBe(at);
    expect((await db.tickets.get('t-closed'))?.retentionStart).toBe(daysAgo(10));
    expect(await db.tickets.get('t-gone')).not.toHaveProperty('retentionStart');
    // The absence's last day, 00:00 Berlin; the message's session day (later than its sending).
    expect((await db.absences.get('a-old'))?.retentionStart).toBe('2026-01-15T23:00:00.000Z');
    expect((await db.inbox.get('m-1'))?.retentionStart).toBe('2026-01-12T23:00:00.000Z');
    db.close();
  });
});

describe('schema version 4 → 5 (issue 10 item 3: requests are found by the sessions they ask about)', () => {
  it('adds the sparse openAsks index; messages stored before keep their text and are indexed under nothing', async () => {
    const name = `test-${crypto.randomUUID()}`;
    names.push(name);
    const v4 = new Dexie(name);
    for (const v of SCHEMA_VERSIONS.filter((x) => x.version <= 4)) v4.version(v.version).stores(v.stores);
    await v4.open();
    const old = {
      ...stamps,
      id: 'm-old',
      recipientRole: 'FM',
      siteId: 'site-be',
      title: 'Vertretung an der Anlaufstelle – bitte entscheiden',
      body: 'Bad Ems, Mo, 30.11.2026, 08:00–12:00: Vorschlag …',
      readAt: null,
      readBy: null,
      key: 'absence:a:FM:site-be',
      refs: { siteId: 'site-be', date: '2026-11-30', sessionStart: '08:00' },
    };
    await v4.table('inbox').put(old);
    v4.close();

    const db = new AnlaufstelleDB(name);
    await db.open();
    expect(db.verno).toBe(LATEST_SCHEMA_VERSION);
    expect(db.inbox.schema.idxByName['openAsks']).toMatchObject({ multi: true });
    expect(await db.inbox.where('openAsks').equals('site-be|2026-11-30|08:00').count()).toBe(0);
    expect(await db.inbox.get('m-old')).toEqual(old);
    db.close();
  });
});

describe('schema version 5 → 6 (issue 6: outbox rows carry a clock stamp and a transaction group)', () => {
  it('stamps outbox rows written before, in their write order, each a group of its own; nothing is dropped', async () => {
    const name = `test-${crypto.randomUUID()}`;
    names.push(name);
    const v5 = new Dexie(name);
    for (const v of SCHEMA_VERSIONS.filter((x) => x.version <= 5)) v5.version(v.version).stores(v.stores);
    await v5.open();
    const rows = [
      { id: 'o-2', table: 'tickets', recordId: 't-1', op: 'put', at: '2026-11-26T09:05:00.000Z', by: 'p-1' },
      { id: 'o-1', table: 'visits', recordId: 'v-1', op: 'put', at: '2026-11-26T09:00:00.000Z', by: 'p-1' },
      { id: 'o-3', table: 'tickets', recordId: 't-1', op: 'put', at: '2026-11-26T09:05:00.000Z', by: 'p-2' },
    ];
    await v5.table('outbox').bulkPut(rows);
    v5.close();

    const db = new AnlaufstelleDB(name);
    await db.open();
    const upgraded = await db.outbox.orderBy('hlc').toArray();
    expect(upgraded.map((r) => r.id)).toEqual(['o-1', 'o-2', 'o-3']);
    for (const r of upgraded) {
      expect(r.txId).toBe(r.id);
      expect(r.hlc.startsWith(r.at)).toBe(true);
    }
    expect(await db.outbox.where('[table+recordId]').equals(['tickets', 't-1']).count()).toBe(2);
    expect(await db.syncState.count()).toBe(0);
    db.close();
  });
});

describe('schema versions 7 → 9 (issue 8 daily aggregates, issue 9 Neukunden)', () => {
  it('adds reportDays, newCustomers and groupSessions with their indexes; the rows of version 7 stay as they were', async () => {
    const name = `test-${crypto.randomUUID()}`;
    names.push(name);
    const v7 = new Dexie(name);
    for (const v of SCHEMA_VERSIONS.filter((x) => x.version <= 7)) v7.version(v.version).stores(v.stores);
    await v7.open();
    const alarm = { ...stamps, id: 'al-1', siteId: 'site-be', raisedAt: '2026-11-26T09:00:00.000Z' };
    await v7.table('alarms').put(alarm);
    v7.close();

    const db = new AnlaufstelleDB(name);
    await db.open();
    expect(db.verno).toBe(LATEST_SCHEMA_VERSION);
    expect(db.reportDays.schema.primKey.keyPath).toBe('key');
    expect(Object.keys(db.newCustomers.schema.idxByName).sort()).toEqual(['[siteId+appliedAt]', 'visitId']);
    expect(Object.keys(db.groupSessions.schema.idxByName)).toEqual(['[siteId+date]']);
    expect(await db.newCustomers.count()).toBe(0);
    expect(await db.table('alarms').get('al-1')).toEqual(alarm);
    db.close();
  });
});
