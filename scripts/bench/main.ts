// fake-indexeddb before anything loads Dexie: Dexie takes the global indexedDB when evaluated.
import 'fake-indexeddb/auto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { runAuthBench, type AuthFigures } from './auth-bench';
import { runBrowserBench, type BrowserFigures } from './browser-bench';
import { runNodeBench, type NodeFigures } from './node-bench';
import { details, rows, table, TARGETS } from './report';
import { runSyncBench, SYNC_TARGETS, type SyncFigures } from './sync-bench';

/**
 * `npm run bench` (never part of the tests): a year of data – four sites, ~200,000 visits,
 * ~30,000 tickets (SPEC §10) – measured in Node (fake-indexeddb) and in Chromium (real IndexedDB,
 * the built app driven by keyboard). Prints a table with PASS/MISS against the targets and writes
 * bench-results/latest.json (git-ignored).
 *
 * Flags: --node-only, --browser-only, --sync-only, --auth-only, --no-sync, --visits=50, --loads=3,
 * --desks=40 (live desks for propagation), --load-desks=400, --load-seconds=60, --sign-ins=30,
 * --pushes=200, --repull-tickets=30000 (0: none). The service's sign-in, push-with-access-log and
 * re-projection figures (issue 7) run with the sync figures (--sync-only) or alone (--auth-only).
 */
export async function main(root: string, argv: readonly string[]): Promise<number> {
  const flag = (name: string) => argv.includes(`--${name}`);
  const value = (name: string, fallback: number) => {
    const hit = argv.find((a) => a.startsWith(`--${name}=`));
    return hit ? Number(hit.split('=')[1]) : fallback;
  };
  const log = (line: string) => console.log(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s] ${line}`);
  const started = performance.now();
  const load = () => loadavg()[0]!.toFixed(1);
  const loadBefore = load();
  console.log(`Anlaufstelle benchmark – ${cpus().length} CPU (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, load ${loadBefore}`);

  let node: NodeFigures | null = null;
  let browser: BrowserFigures | null = null;
  let sync: SyncFigures | null = null;
  let auth: AuthFigures | null = null;
  const only = ['node-only', 'browser-only', 'sync-only', 'auth-only'].find(flag);
  if (!only || only === 'node-only') node = await runNodeBench(log);
  if (!only || only === 'browser-only') browser = await runBrowserBench(root, log, { visits: value('visits', 50), loads: value('loads', 3) });
  if ((!only || only === 'sync-only') && !flag('no-sync')) {
    sync = await runSyncBench(root, log, { desks: value('desks', 40), loadDesks: value('load-desks', 400), loadSeconds: value('load-seconds', 60) });
  }
  if (((!only || only === 'sync-only') && !flag('no-sync')) || only === 'auth-only') {
    auth = await runAuthBench(root, log, { signIns: value('sign-ins', 30), pushes: value('pushes', 200), repullTickets: value('repull-tickets', 30_000) });
  }

  const result = rows(node, browser, sync, auth);
  console.log(`\n${table(result)}\n\n${details(node, browser, sync, auth)}\n`);
  const loadAfter = load();
  if (Math.max(Number(loadBefore), Number(loadAfter)) > cpus().length) {
    console.log(`Note: the machine was busy (load average ${loadBefore} → ${loadAfter} on ${cpus().length} CPUs); timings are noisier than on an idle desk PC.`);
  }
  const misses = result.filter((r) => r.result === 'MISS').length;
  console.log(misses === 0 ? 'All targets met.' : `${misses} target(s) missed.`);

  const dir = resolve(root, 'bench-results');
  mkdirSync(dir, { recursive: true });
  const file = resolve(dir, 'latest.json');
  const machine = { cpus: availableParallelism(), cpuModel: cpus()[0]?.model ?? null, memoryGiB: totalmem() / 2 ** 30, node: process.version, loadAverage: [Number(loadBefore), Number(loadAfter)] };
  writeFileSync(file, `${JSON.stringify({ at: new Date().toISOString(), durationS: (performance.now() - started) / 1000, machine, targets: { ...TARGETS, ...SYNC_TARGETS }, rows: result, node, browser, sync, auth }, null, 2)}\n`);
  console.log(`Figures written to ${file}`);
  return 0;
}
