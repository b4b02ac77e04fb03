import type { Stats } from '../../renderer/src/bench/measure';
import type { AuthFigures } from './auth-bench';
import type { BrowserFigures } from './browser-bench';
import type { NodeFigures } from './node-bench';
import { SYNC_TARGETS, type SyncFigures } from './sync-bench';

/** The targets (issue #2, SPEC §10): counter interactions and the ticket list well under 100 ms. */
export const TARGETS = { counterP95Ms: 50, ticketListP95Ms: 50, reportP95Ms: 500 } as const;

export interface Row {
  measure: string;
  where: string;
  p50: number | null;
  p95: number | null;
  /** Upper bound for p95, or null where the issue sets none (shown for information). */
  targetMs: number | null;
  result: 'PASS' | 'MISS' | 'info';
}

function row(measure: string, where: string, s: Pick<Stats, 'p50' | 'p95'>, targetMs: number | null): Row {
  const result = targetMs === null ? 'info' : s.p95 < targetMs ? 'PASS' : 'MISS';
  return { measure, where, p50: s.p50, p95: s.p95, targetMs, result };
}

/** The worst view of the list: the highest p95 of all scenarios. */
function worst(scenarios: { name: string; stats: Stats }[]): { name: string; stats: Stats } {
  return scenarios.reduce((a, b) => (b.stats.p95 > a.stats.p95 ? b : a));
}

export function rows(node: NodeFigures | null, browser: BrowserFigures | null, sync: SyncFigures | null = null, auth: AuthFigures | null = null): Row[] {
  const out: Row[] = [];
  const { counterP95Ms: counter, ticketListP95Ms: list } = TARGETS;
  if (node) {
    out.push(row('recordTriage (triage → saved)', 'Node, fake-indexeddb', node.recordTriage, counter));
    out.push(row('  limit: plain Dexie put of one visit', 'Node, fake-indexeddb', node.rawPut, null));
  }
  if (browser) {
    out.push(row('recordTriage (triage → saved)', 'Chromium IndexedDB', browser.recordTriage, counter));
    out.push(row('counter keystroke → result on screen', 'Chromium, app UI', browser.keyboard.keystroke, counter));
    out.push(row('counter "Speichern" → confirmation shown', 'Chromium, app UI', browser.keyboard.save, counter));
    out.push(row('whole visit by keyboard (next visitor → confirmation)', 'Chromium, app UI + driver', browser.keyboard.visit, null));
    // Issue 7: the access log must not slow the counter down (both in the same run, interleaved).
    out.push(row('Theke, Protokoll aus / counter, access log off: recordTriage', 'Chromium IndexedDB', browser.triageAudit.alone, counter));
    out.push(row('Theke, Protokoll an / counter, access log on: + recordAudit', 'Chromium IndexedDB', browser.triageAudit.withAudit, counter));
    out.push(row('  of which recordAudit (one auditOutbox put)', 'Chromium IndexedDB', browser.triageAudit.auditOnly, null));
  }
  if (node) {
    const w = worst(node.ticketScenarios);
    out.push(row(`ticket list filter + sort, 30k (worst: ${w.name})`, 'Node', w.stats, list));
    out.push(row('  limit: plain Array.filter + sort by due time, same rows', 'Node', node.plainFilterSort, null));
  }
  if (browser) {
    const w = worst(browser.ticketScenarios);
    out.push(row(`ticket list filter + sort, 30k (worst: ${w.name})`, 'Chromium', w.stats, list));
    out.push(row(`Auswertungen: a year, 4 sites (${browser.report.visits} visits) → figures`, 'Chromium IndexedDB', browser.report.stats, TARGETS.reportP95Ms));
    const once = (ms: number) => ({ p50: Math.round(ms), p95: Math.round(ms) });
    out.push(row('  first report after the data arrived (makes every daily aggregate)', 'Chromium IndexedDB', once(browser.report.coldMs), null));
    out.push(row('  limit: read the year\'s daily aggregates only', 'Chromium IndexedDB', browser.report.readAggregates, null));
    out.push(row('  without aggregates: read the same visits and only count them', 'Chromium IndexedDB', browser.report.plain, null));
    out.push(row('page load → counter ready for input', 'Chromium, app', browser.timeToInteractive, null));
    out.push(row('  limit: empty Vite + React page, field focused', 'Chromium', browser.emptyPage, null));
  }
  if (browser) {
    const o = browser.offlineSignIn;
    out.push(row(`Anmeldung offline / sign-in offline (checkOffline, PBKDF2 ${o.rounds / 1000}k)`, 'Chromium WebCrypto', o.right, null));
    out.push(row('  falsches Kennwort / wrong password', 'Chromium WebCrypto', o.wrong, null));
    out.push(row('  storeVerifier (after each online sign-in)', 'Chromium WebCrypto', o.store, null));
  }
  if (auth) {
    const where = 'service in-process, PGlite';
    out.push(row('Anmeldung online / sign-in online (POST /v1/sign-in)', where, auth.signIn.right, null));
    out.push(row('  falsches Kennwort / wrong password', where, auth.signIn.wrong, null));
    out.push(row('  unbekannter Name / unknown user name (decoy hash)', where, auth.signIn.unknown, null));
    out.push(row('  limit: one argon2id verify (19 MiB, 2 passes)', 'Node, @node-rs/argon2', auth.signIn.argon2, null));
    out.push(row('Push Thekenvorgang, Protokoll an / counter save push, access log on', where, auth.push.real, null));
    out.push(row('  Protokoll aus / access log off (trusting test double)', where, auth.push.trusting, null));
    if (auth.repull) {
      const r = auth.repull;
      const once = (ms: number) => ({ p50: ms, p95: ms });
      out.push(row(`Umfang geändert / scope changed: re-projection paging (${r.scoped.records} records, ${r.scoped.pages} pages)`, where, once(r.scoped.ms), null));
      out.push(row(`  full pull from 0 (${r.full.records} records, ${r.full.pages} pages)`, where, once(r.full.ms), null));
    }
  }
  if (sync) {
    out.push(row(`sync: write at desk A → seen at desk B (${sync.desks} desks live)`, 'loopback, service process', sync.propagation, SYNC_TARGETS.propagationP95Ms));
    out.push(row('  limit: raw WebSocket echo round trip', 'loopback', sync.wsEcho, null));
    const once = (ms: number) => ({ p50: ms, p95: ms });
    out.push(row(`sync: ${sync.convergence.desks} desks converge after an offline day (${sync.convergence.changesPerDesk} changes each)`, 'loopback', once(sync.convergence.ms), SYNC_TARGETS.convergenceMs));
    out.push(row(`sync: load, ${sync.load.desks} desks × ${sync.load.seconds} s (${sync.load.requests} requests, ${sync.load.errors} errors)`, 'loopback, service process', sync.load, null));
    out.push({ ...row('  errors under load (count, target 0)', '', once(sync.load.errors), null), result: sync.load.errors === SYNC_TARGETS.loadErrors ? 'PASS' : 'MISS', targetMs: null });
  }
  return out;
}

const fmt = (v: number | null) => (v === null ? '–' : v.toFixed(1));
const signed = (v: number) => `${v >= 0 ? '+' : '−'}${Math.abs(v).toFixed(1)}`;

export function table(all: Row[]): string {
  const header = ['measure', 'where', 'p50 ms', 'p95 ms', 'target p95', 'result'];
  const body = all.map((r) => [r.measure, r.where, fmt(r.p50), fmt(r.p95), r.targetMs === null ? '–' : `< ${r.targetMs} ms`, r.result]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i >= 2 && i <= 3 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

export function details(node: NodeFigures | null, browser: BrowserFigures | null, sync: SyncFigures | null = null, auth: AuthFigures | null = null): string {
  const lines: string[] = [];
  const diff = (a: Stats, b: Stats) => `p50 ${signed(b.p50 - a.p50)} ms, p95 ${signed(b.p95 - a.p95)} ms`;
  if (browser) {
    const t = browser.triageAudit;
    lines.push(`Access log at the counter (Chromium, ${t.alone.n} visits each, interleaved): recordTriage + recordAudit vs recordTriage alone ${diff(t.alone, t.withAudit)}; recordAudit alone p50 ${fmt(t.auditOnly.p50)} / p95 ${fmt(t.auditOnly.p95)} ms`);
    const o = browser.offlineSignIn;
    lines.push(`Offline sign-in measured in Chromium (the bench page, renderer/src/auth/verifier.ts with the browser's WebCrypto), ${o.right.n} runs after a warm-up; wrong password answered: ${o.wrongReasons.join(', ')}; right vs wrong ${diff(o.right, o.wrong)}`);
  }
  if (auth) {
    const si = auth.signIn;
    lines.push(`Online sign-in (${auth.db}, app.inject – no network; startAuthServer() of the tests, lock after failures raised for the measurement), ${si.right.n} each, interleaved; HTTP status right ${si.statuses.right.join('/')}, wrong ${si.statuses.wrong.join('/')}, unknown ${si.statuses.unknown.join('/')}`);
    lines.push(`  user enumeration by timing: unknown name vs wrong password ${diff(si.wrong, si.unknown)} (the right password also opens a session and signs a token)`);
    const p = auth.push;
    lines.push(`Push of a counter save, one change group with a visit and its hand-off (${p.real.n} each, interleaved): with access control + access log vs trusting double ${diff(p.trusting, p.real)}; ${p.auditRowsPerPush} access-log rows per push; changes not applied: ${p.notApplied}`);
  }
  if (sync) {
    lines.push(`Sync push: ${sync.push.changes} changes in ${sync.push.ms.toFixed(0)} ms = ${sync.push.perSecond} changes/s (through HTTP, rules and per-field clocks); limit: plain batched INSERTs of the same JSON into PGlite ${sync.insert.perSecond} rows/s`);
  }
  const s = (v: number) => `${(v / 1000).toFixed(1)} s`;
  if (node) {
    lines.push(`Node data: ${node.data.visits} visits, ${node.data.handoffs} hand-offs, ${node.data.tickets} tickets; generated in ${s(node.data.generateMs)}, loaded in ${s(node.data.loadMs)}`);
    lines.push(`Node: all ${node.data.tickets} tickets read from fake-indexeddb in ${node.loadAllTicketsMs.toFixed(0)} ms (not anonymised here: a cursor walk in fake-indexeddb is quadratic)`);
    for (const sc of node.ticketScenarios) lines.push(`  node     ${sc.name.padEnd(38)} ${String(sc.rows).padStart(6)} rows  p50 ${fmt(sc.stats.p50)}  p95 ${fmt(sc.stats.p95)} ms`);
  }
  if (browser) {
    const b = browser.seed;
    lines.push(`Chromium ${browser.chromium}: ${b.visits} visits, ${b.handoffs} hand-offs, ${b.tickets} tickets; generated ${s(b.generateMs)}, loaded ${s(b.loadMs)}, ${b.anonymised} closed tickets anonymised once in ${s(b.anonymiseMs)}`);
    const task = (ms: number) => (ms > 0 ? `longest main-thread task ${ms.toFixed(0)} ms` : 'no main-thread task ≥ 50 ms');
    lines.push(`Chromium: all tickets read from IndexedDB in ${browser.loadAllTicketsMs.toFixed(0)} ms (${task(browser.loadAllTicketsLongestTaskMs)})`);
    lines.push(`Chromium: start-up retention job with nothing to anonymise ${browser.housekeeping.ms.toFixed(0)} ms (${task(browser.housekeeping.longestTaskMs)})`);
    for (const sc of browser.ticketScenarios) lines.push(`  chromium ${sc.name.padEnd(38)} ${String(sc.rows).padStart(6)} rows  p50 ${fmt(sc.stats.p50)}  p95 ${fmt(sc.stats.p95)} ms`);
    lines.push(`Chromium: page load → counter ready: ${browser.timeToInteractive.n} loads, median ${fmt(browser.timeToInteractive.p50)} ms, max ${fmt(browser.timeToInteractive.max)} ms`);
    lines.push(`Chromium: keyboard triage of ${browser.keyboard.visits} visits: ${browser.keyboard.keystroke.n} timed keys, max ${fmt(browser.keyboard.keystroke.max)} ms; save max ${fmt(browser.keyboard.save.max)} ms`);
  }
  return lines.join('\n');
}
