import { SITE_SEED } from '@shared/demo/generate';
import type { CallbackTicket, TriageInput } from '@shared/model';
import type { AnlaufstelleDB } from '../db/db';
import { listTickets } from '../db/repositories/tickets';
import { recordTriage } from '../db/repositories/visits';
import { filterAndSortTickets, type TicketFilters, type TicketSorting } from '../features/tickets/ticket-table-model';

/**
 * Timed operations of the benchmark, the same code in Node (fake-indexeddb) and in Chromium (the
 * bench page). Each returns raw samples in milliseconds; the runner computes percentiles.
 */

export interface Stats {
  n: number;
  p50: number;
  p95: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentiles, rounded to 0.01 ms. */
export function stats(samples: readonly number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
  const round = (v: number) => Math.round(v * 100) / 100;
  const mean = sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length);
  return { n: sorted.length, p50: round(at(50)), p95: round(at(95)), max: round(at(100)), mean: round(mean) };
}

export const BENCH_SITE = SITE_SEED[0].id;

const checks = { verbisCheck: 'no-need', digitalCheck: 'not-first-visit' } as const;

/** The i-th visit of a day at the counter, in the generator's mix (45 % quick, 15 / 25 / 15 %). */
export function visitInput(i: number): TriageInput {
  const slot = i % 20;
  const verbis = i % 20 === 7 ? ({ verbisCheck: 'vermittlung-needed' } as const) : {};
  if (slot < 9) return { concernKind: 'quick', quickSubtype: 'documents', ...checks, ...verbis };
  if (slot < 12) return { concernKind: 'application', acute: slot === 11, label: '', ...checks, ...verbis };
  if (slot < 17) return { concernKind: 'benefits', label: '', ...checks, ...verbis };
  return {
    concernKind: 'other',
    ticket: {
      department: 'MI',
      concern: 'Rückfrage zu einem Vermittlungsvorschlag',
      customerName: 'Erika Mustermann',
      phone: '02603 123456',
      preferredTimes: 'vormittags',
      customerNumber: '',
    },
    ...checks,
  };
}

/** recordTriage, one visit after the other as at the desk (SPEC §10: triage-to-saved). */
export async function timeRecordTriage(db: AnlaufstelleDB, actorId: string, count: number, warmup = 10): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < warmup + count; i++) {
    const input = visitInput(i);
    const t0 = performance.now();
    await recordTriage(db, input, { siteId: BENCH_SITE, deadlinePolicy: 'working-days' }, { actorId, now: new Date() });
    const ms = performance.now() - t0;
    if (i >= warmup) samples.push(ms);
  }
  return samples;
}

/**
 * The floor under recordTriage: one plain Dexie `put` of a visit of the same shape, no checks, no
 * transaction over several tables, no outbox (issue 6: each figure beside its physical limit).
 */
export async function timeRawPut(db: AnlaufstelleDB, count: number, warmup = 10): Promise<number[]> {
  const template = await db.visits.limit(1).first();
  if (!template) return [];
  const samples: number[] = [];
  for (let i = 0; i < warmup + count; i++) {
    const row = { ...template, id: crypto.randomUUID(), arrivedAt: new Date().toISOString() };
    const t0 = performance.now();
    await db.visits.put(row);
    const ms = performance.now() - t0;
    if (i >= warmup) samples.push(ms);
  }
  return samples;
}

/** The floor under the list's filter + sort: a plain Array.filter + sort by due time over the same rows. */
export function timePlainFilterSort(tickets: readonly CallbackTicket[], runs = 20): number[] {
  const samples: number[] = [];
  for (let i = 0; i < runs + 3; i++) {
    const t0 = performance.now();
    const rows = tickets.filter((t) => t.deletedAt === null).sort((a, b) => (a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : 0));
    const ms = performance.now() - t0;
    if (rows.length < 0) throw new Error('unreachable');
    if (i >= 3) samples.push(ms);
  }
  return samples;
}

/** Loads every ticket of every site (the list's widest view) – how long IndexedDB takes to hand them over. */
export async function timeLoadAllTickets(db: AnlaufstelleDB): Promise<{ ms: number; tickets: CallbackTicket[] }> {
  const t0 = performance.now();
  const tickets = await listTickets(db, { distributionSiteId: null, statuses: null });
  return { ms: performance.now() - t0, tickets };
}

const ALL: TicketFilters = { status: 'all', department: 'all', siteId: 'all', due: 'all', text: '' };

/** The list views a clerk switches between; the first is the worst case: all 30,000 rows sorted. */
export const TICKET_SCENARIOS: { name: string; filters: TicketFilters; sorting: TicketSorting }[] = [
  { name: 'all tickets, by due time', filters: ALL, sorting: [{ id: 'due', desc: false }] },
  { name: 'all tickets, by site name', filters: ALL, sorting: [{ id: 'site', desc: false }] },
  { name: 'all tickets, newest first', filters: ALL, sorting: [{ id: 'created', desc: true }] },
  { name: 'text search "Becker"', filters: { ...ALL, text: 'Becker' }, sorting: [{ id: 'due', desc: false }] },
  { name: 'MI, overdue', filters: { ...ALL, department: 'MI', due: 'overdue' }, sorting: [{ id: 'due', desc: false }] },
  { name: 'not closed, own site (default view)', filters: { ...ALL, status: 'active', siteId: BENCH_SITE }, sorting: [{ id: 'due', desc: false }] },
];

const SITE_NAMES = new Map<string, string>(SITE_SEED.map((s) => [s.id, s.name]));

/** filterAndSortTickets over the loaded tickets, `runs` times per scenario (after 3 warm-up runs). */
export function timeTicketScenarios(tickets: readonly CallbackTicket[], runs = 20): { name: string; rows: number; samples: number[] }[] {
  const now = new Date();
  return TICKET_SCENARIOS.map(({ name, filters, sorting }) => {
    const samples: number[] = [];
    let rows = 0;
    for (let i = 0; i < runs + 3; i++) {
      const t0 = performance.now();
      rows = filterAndSortTickets(tickets, filters, sorting, now, { siteNames: SITE_NAMES }).length;
      const ms = performance.now() - t0;
      if (i >= 3) samples.push(ms);
    }
    return { name, rows, samples };
  });
}
