// Before Dexie loads: it takes the global indexedDB when its module is evaluated.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { periodContaining } from '@shared/reports/period';
import { AnlaufstelleDB } from '../../../../renderer/src/db/db';
import { ValidationError } from '../../../../renderer/src/db/repositories/base';
import { takeHandoff } from '../../../../renderer/src/db/repositories/handoffs';
import { loadReport, prepareReportDays } from '../../../../renderer/src/db/repositories/reports';
import { KEEP_DAYS, keepReportDays } from '../../../../renderer/src/app/report-days';
import { distributeTicket, recordContact } from '../../../../renderer/src/db/repositories/tickets';
import { markRemoteApply } from '../../../../renderer/src/sync/fields';
import { recordTriage } from '../../../../renderer/src/db/repositories/visits';
import { AT_BAD_EMS, BAD_EMS, DIEZ, benefits, ctx, freshDb, other, quick, staffIdWith } from './fixture';

/**
 * Issue 8: the Auswertungen read from the PC's replica through the real write path – what the
 * counter records on Thursday 26 Nov 2026 is what the report of that day counts.
 */
let db: AnlaufstelleDB;
afterEach(async () => {
  await db?.delete();
});

const at = (hhmm: string, day = '2026-11-26') => new Date(`${day}T${hhmm}:00+01:00`);
const THURSDAY = periodContaining('day', '2026-11-26');

async function recordedThursday(): Promise<void> {
  db = await freshDb(at('08:00'));
  await recordTriage(db, quick(), AT_BAD_EMS, ctx(at('08:10')));
  await recordTriage(db, quick(), AT_BAD_EMS, ctx(at('08:20')));
  const { handoffs } = await recordTriage(db, benefits('Herr A.'), AT_BAD_EMS, ctx(at('09:00')));
  await takeHandoff(db, handoffs[0]!.id, ctx(at('09:30'), await staffIdWith(db, 'LB')));
  await recordTriage(db, other(), AT_BAD_EMS, ctx(at('10:00')));
  // Another day and another site: not in Thursday's Bad Ems report.
  await recordTriage(db, quick(), AT_BAD_EMS, ctx(at('09:00', '2026-11-25')));
  await recordTriage(db, quick(), { ...AT_BAD_EMS, siteId: DIEZ }, ctx(at('09:00')));
}

describe('issue 8: the report of a period and sites, from this PC\'s records', () => {
  it('counts the visits of the chosen site and day, the share closed at the desk, the hand-off\'s wait and the ticket', async () => {
    await recordedThursday();
    const { report, comparison } = await loadReport(db, { period: THURSDAY, siteIds: [BAD_EMS], compare: false, now: at('18:00') });
    expect(report.siteNames).toEqual(['Bad Ems']);
    expect(report.headline).toMatchObject({ visits: 4, closedAtDeskShare: 0.5, handoffs: 1, medianWaitLb: 30, ticketsCreated: 1 });
    expect(comparison).toBeNull();
  });

  it('several sites add up; the comparison puts the day before beside it', async () => {
    await recordedThursday();
    const { report, comparison } = await loadReport(db, { period: THURSDAY, siteIds: [DIEZ, BAD_EMS], compare: true, now: at('18:00') });
    expect(report.siteNames).toEqual(['Bad Ems', 'Diez']);
    expect(report.headline.visits).toBe(5);
    expect(comparison!.rows.find((r) => r[0] === 'Vorsprachen')).toEqual(['Vorsprachen', 'Anzahl', 5, 1, 4]);
  });

  it('issue 8 item 5: nothing personal in any table – the hand-off\'s label and the ticket\'s name appear nowhere', async () => {
    await recordedThursday();
    const { report } = await loadReport(db, { period: THURSDAY, siteIds: [BAD_EMS], compare: false, now: at('18:00') });
    const text = JSON.stringify(report);
    expect(text).not.toContain('Herr A.');
    expect(text).not.toContain('Erika Mustermann');
    expect(text).not.toContain('02603 123456');
  });

  it('no site chosen, or an unknown one, is refused in German', async () => {
    db = await freshDb();
    await expect(loadReport(db, { period: THURSDAY, siteIds: [], compare: false, now: at('18:00') })).rejects.toThrow('Bitte mindestens einen Standort wählen.');
    await expect(loadReport(db, { period: THURSDAY, siteIds: ['site-x'], compare: false, now: at('18:00') })).rejects.toThrow(ValidationError);
  });
});

describe('issue 8: a past day\'s figures are kept as daily aggregates (report-days.ts) and follow every later write', () => {
  const FRIDAY = (hhmm: string) => at(hhmm, '2026-11-27');
  const report = (now: Date) => loadReport(db, { period: THURSDAY, siteIds: [BAD_EMS], compare: false, now }).then((r) => r.report);
  const stored = async () => (await db.reportDays.toArray()).map((r) => r.key);

  it('the report of Thursday made on Friday stores Thursday\'s aggregate and gives the same figures from it; a report of today stores nothing', async () => {
    await recordedThursday();
    expect((await report(at('18:00'))).headline.visits).toBe(4);
    expect(await stored()).toEqual([]);
    const first = await report(FRIDAY('09:00'));
    expect(await stored()).toEqual([`${BAD_EMS}|2026-11-26`]);
    const again = await report(FRIDAY('09:05'));
    expect(again).toEqual(first);
    expect(first.headline).toMatchObject({ visits: 4, handoffs: 1, ticketsCreated: 1 });
  });

  it('the stored aggregate is what the next report reads – until a write to that day drops it', async () => {
    await recordedThursday();
    await report(FRIDAY('09:00'));
    // Marked so the test can see it read: the stored row, not the records, gives the figure.
    const row = (await db.reportDays.get(`${BAD_EMS}|2026-11-26`))!;
    row.facts.visits.all.total = 99;
    await db.reportDays.put(row);
    expect((await report(FRIDAY('09:05'))).headline.visits).toBe(99);
    await recordTriage(db, quick(), AT_BAD_EMS, ctx(at('11:00')));
    expect((await report(FRIDAY('09:10'))).headline.visits).toBe(5);
    expect((await report(FRIDAY('09:15'))).headline.visits).toBe(5);
    expect(await db.reportDays.get(`${BAD_EMS}|2026-11-26`)).toBeDefined();
  });

  it('SPEC §5: a ticket of Thursday contacted on Friday moves from "noch nicht fällig" to "fristgerecht" in Thursday\'s report', async () => {
    await recordedThursday();
    const before = await report(FRIDAY('08:00'));
    expect(before.headline.onTimeRate).toBeNull();
    const ticket = (await db.tickets.toArray()).find((t) => t.siteId === BAD_EMS)!;
    await distributeTicket(db, ticket.id, { assignee: { kind: 'team', department: 'MI', siteId: BAD_EMS } }, ctx(FRIDAY('08:20')));
    await recordContact(db, ticket.id, { kind: 'reached', note: '' }, ctx(FRIDAY('08:30')));
    const after = await report(FRIDAY('08:31'));
    expect(after.headline.onTimeRate).toBe(1);
  });

  it('a change arriving from the sync service (another PC deleted a Thursday visit) is counted at once', async () => {
    await recordedThursday();
    expect((await report(FRIDAY('09:00'))).headline.visits).toBe(4);
    const visit = (await db.visits.toArray()).find((v) => v.siteId === BAD_EMS && v.concernKind === 'quick' && v.arrivedAt.startsWith('2026-11-26'))!;
    await db.transaction('rw', db.visits, async () => {
      markRemoteApply();
      await db.visits.put({ ...visit, deletedAt: FRIDAY('09:10').toISOString() });
    });
    expect((await report(FRIDAY('09:11'))).headline.visits).toBe(3);
  });

  it('a closure entered later for Thursday makes its aggregate again (visits outside the opening sessions)', async () => {
    await recordedThursday();
    const table = (r: Awaited<ReturnType<typeof report>>) => r.sections[0]!.tables.find((t) => t.id === 'vorsprachen-standorte')!;
    const col = (r: Awaited<ReturnType<typeof report>>) => table(r).columns.findIndex((c) => c.label.startsWith('Außerhalb'));
    const first = await report(FRIDAY('09:00'));
    expect(col(first)).toBeGreaterThan(0);
    expect(table(first).rows[0]![col(first)]).toBe(0);
    await db.closures.add({ id: 'c1', siteId: BAD_EMS, date: '2026-11-26', reason: 'Betriebsausflug', createdAt: '', createdBy: 'x', updatedAt: '', updatedBy: 'x', deletedAt: null } as never);
    const second = await report(FRIDAY('09:05'));
    expect(table(second).rows[0]![col(second)]).toBe(4);
  });
});

describe('issue 8 daily aggregates survive no crash: a write whose days were not dropped yet is remembered', () => {
  it('a marker is kept in localStorage from before the commit until the drop; found at the next start, every stored day goes', async () => {
    const store = new Map<string, string>();
    const stub = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v), removeItem: (k: string) => void store.delete(k) };
    Object.defineProperty(globalThis, 'localStorage', { value: stub, configurable: true });
    try {
      await recordedThursday();
      await loadReport(db, { period: THURSDAY, siteIds: [BAD_EMS], compare: false, now: at('09:00', '2026-11-27') });
      expect(await db.reportDays.count()).toBe(1);
      const marker = `anlaufstelle:reportDaysPending:${db.name}`;
      await until(async () => !store.has(marker));
      // A write to another site's day: Thursday of Bad Ems stays stored, the marker goes once dropped.
      await recordTriage(db, quick(), { ...AT_BAD_EMS, siteId: DIEZ }, ctx(at('11:00')));
      await until(async () => !store.has(marker));
      expect(await db.reportDays.count()).toBe(1);
      // The PC stopped between a commit and its drop: the marker is still there at the next start.
      store.set(marker, '1');
      db.close();
      const reopened = new AnlaufstelleDB(db.name);
      expect(await reopened.reportDays.count()).toBe(0);
      expect(store.has(marker)).toBe(false);
      reopened.close();
      await db.open();
    } finally {
      delete (globalThis as { localStorage?: unknown }).localStorage;
    }
  });
});

describe('issue 8 "daily aggregates updated on write": a team lead\'s PC keeps them ready before anyone asks', () => {
  const FRIDAY = at('09:00', '2026-11-27');
  const keys = async () => (await db.reportDays.toCollection().primaryKeys()).sort();

  it('prepareReportDays makes every site-day before today once; a second call makes none', async () => {
    await recordedThursday();
    const made = await prepareReportDays(db, { from: '2026-11-20', to: '2026-11-30' }, FRIDAY);
    const sites = await db.sites.count();
    // 20.–26.11. (7 days) at every site; today (27.11.) and later are never stored.
    expect(made).toBe(7 * sites);
    expect((await keys()).filter((k) => k.startsWith(`${BAD_EMS}|`))).toEqual(
      ['20', '21', '22', '23', '24', '25', '26'].map((d) => `${BAD_EMS}|2026-11-${d}`),
    );
    expect(await prepareReportDays(db, { from: '2026-11-20', to: '2026-11-30' }, FRIDAY)).toBe(0);
  });

  it('the keeper fills them after start on a reader\'s PC and makes a day again after a write dropped it; on other PCs it does nothing', async () => {
    await recordedThursday();
    let reader = false;
    const stop = keepReportDays(db, { isReader: () => reader, now: () => FRIDAY, firstAfterMs: 0, afterWritesMs: 0, pauseMs: 0 });
    try {
      await new Promise((r) => setTimeout(r, 100));
      expect(await db.reportDays.count()).toBe(0);
      reader = true;
      // A write (here: a late visit on Thursday) wakes the keeper; the dropped day comes back.
      await recordTriage(db, quick(), AT_BAD_EMS, ctx(at('11:30')));
      await until(async () => (await db.reportDays.get(`${BAD_EMS}|2026-11-26`)) !== undefined);
      const thursday = (await db.reportDays.get(`${BAD_EMS}|2026-11-26`))!;
      expect(thursday.facts.visits.all.total).toBe(5);
      const sites = await db.sites.count();
      await until(async () => (await db.reportDays.count()) === sites * KEEP_DAYS);
    } finally {
      stop();
    }
  });
});

async function until(check: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
