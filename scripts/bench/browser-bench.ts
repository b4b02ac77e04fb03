import { resolve } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { build, preview } from 'vite';
import { stats, type Stats } from '../../renderer/src/bench/measure';
import { installProbes } from './page-probes';

/**
 * The Chromium half of `npm run bench`: builds the web app together with the bench page, seeds a
 * year of data through it, then times in the real browser: repository calls, the ticket list,
 * page load to a counter ready for input, and ~50 visits triaged by keyboard like a clerk.
 */

export interface BrowserFigures {
  chromium: string;
  seed: { visits: number; handoffs: number; tickets: number; anonymised: number; generateMs: number; loadMs: number; anonymiseMs: number };
  recordTriage: Stats;
  loadAllTicketsMs: number;
  /** Longest main-thread task while all tickets load (0 = none of 50 ms or more). */
  loadAllTicketsLongestTaskMs: number;
  ticketScenarios: { name: string; rows: number; stats: Stats }[];
  housekeeping: { ms: number; longestTaskMs: number };
  timeToInteractive: Stats;
  /** Issue 8: the whole report over a year, four sites; beside reading and counting the same visits. */
  report: { visits: number; stats: Stats; plain: Stats; coldMs: number; readAggregates: Stats };
  /** The floor: an empty Vite + React page of the same build. */
  emptyPage: Stats;
  keyboard: { visits: number; keystroke: Stats; save: Stats; visit: Stats };
  /** Issue 7: recordTriage alone beside recordTriage + recordAudit (one auditOutbox put), same run. */
  triageAudit: { alone: Stats; withAudit: Stats; auditOnly: Stats };
  /** Issue 7: offline sign-in, checkOffline with PBKDF2-SHA-256 in Chromium's WebCrypto. */
  offlineSignIn: { rounds: number; store: Stats; right: Stats; wrong: Stats; wrongReasons: string[] };
}

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function runBrowserBench(root: string, log: (line: string) => void, options: { visits: number; loads: number }): Promise<BrowserFigures> {
  const outDir = resolve(root, 'out/bench/web');
  const configFile = resolve(root, 'vite.renderer.config.ts');
  let t0 = performance.now();
  // The app's own build config plus one extra page: the bench hook never reaches the production bundle.
  await build({
    configFile,
    logLevel: 'error',
    build: {
      outDir,
      emptyOutDir: true,
      sourcemap: false,
      rolldownOptions: {
        input: {
          main: resolve(root, 'renderer/index.html'),
          bench: resolve(root, 'renderer/src/bench/index.html'),
          empty: resolve(root, 'renderer/src/bench/empty.html'),
        },
      },
    },
  });
  log(`chromium: web app + bench page built (${seconds(performance.now() - t0)})`);

  const server = await preview({ configFile, logLevel: 'error', build: { outDir }, preview: { host: '127.0.0.1', port: 4183, strictPort: false, open: false } });
  const base = server.resolvedUrls?.local[0] ?? 'http://127.0.0.1:4183/';
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin', viewport: { width: 1280, height: 900 } });
    await context.addInitScript(installProbes);
    const page = await context.newPage();
    page.setDefaultTimeout(120_000);

    await page.goto(new URL('src/bench/index.html', base).href);
    await page.waitForFunction(() => document.body.dataset.benchReady === 'true');
    t0 = performance.now();
    const seed = await page.evaluate(() => window.__bench!.seedYear());
    log(`chromium: seeded ${seed.visits} visits, ${seed.handoffs} hand-offs, ${seed.tickets} tickets (${seconds(performance.now() - t0)})`);

    const triage = stats(await page.evaluate(() => window.__bench!.timeRecordTriage(200)));
    log(`chromium: recordTriage × ${triage.n}, p95 ${triage.p95} ms`);
    const ta = await page.evaluate(() => window.__bench!.timeTriageWithAudit(200));
    const triageAudit = { alone: stats(ta.alone), withAudit: stats(ta.withAudit), auditOnly: stats(ta.auditOnly) };
    log(`chromium: recordTriage p95 ${triageAudit.alone.p95} ms alone, ${triageAudit.withAudit.p95} ms with recordAudit (${ta.auditRowsWaiting} access-log rows waiting)`);
    const off = await page.evaluate(() => window.__bench!.timeOfflineSignIn(10));
    const offlineSignIn = { rounds: off.rounds, store: stats(off.store), right: stats(off.right), wrong: stats(off.wrong), wrongReasons: off.wrongReasons };
    log(`chromium: offline sign-in (PBKDF2 ${off.rounds} rounds) p95 ${offlineSignIn.right.p95} ms, wrong password p95 ${offlineSignIn.wrong.p95} ms`);
    const tickets = await page.evaluate(() => window.__bench!.timeTickets());
    const housekeeping = await page.evaluate(() => window.__bench!.timeHousekeeping());
    const yearReport = await page.evaluate(() => window.__bench!.timeReport(10));
    log(`chromium: Auswertungen over a year (${yearReport.visits} visits): first ${Math.round(yearReport.coldMs)} ms, then median ${stats(yearReport.report).p50} ms`);
    await page.evaluate(() => window.__bench!.close());
    log(`chromium: ticket list over ${tickets.count} tickets timed`);

    const loads: number[] = [];
    for (let i = 0; i < options.loads; i++) {
      await page.goto(base);
      await page.waitForFunction(() => window.__ttiMs !== undefined);
      loads.push(await page.evaluate(() => window.__ttiMs!));
    }
    const tti = stats(loads);
    log(`chromium: page load → counter ready for input, median ${tti.p50} ms over ${tti.n} loads`);
    // Its floor: an empty Vite + React page of the same build, ready when its field has the focus.
    const emptyLoads: number[] = [];
    for (let i = 0; i < options.loads; i++) {
      await page.goto(new URL('src/bench/empty.html', base).href);
      await page.waitForFunction(() => window.__ttiMs !== undefined);
      emptyLoads.push(await page.evaluate(() => window.__ttiMs!));
    }
    const emptyPage = stats(emptyLoads);
    await page.goto(base);
    await page.waitForFunction(() => window.__ttiMs !== undefined);

    // bootstrap.ts starts the retention job 2 s after the first paint; the clerk's first visitor
    // comes later than that, so the keyboard run starts once it is through.
    await page.waitForTimeout(3000);
    const keyboard = await triageByKeyboard(page, options.visits);
    log(`chromium: ${keyboard.visits} visits triaged by keyboard, keystroke p95 ${keyboard.keystroke.p95} ms, save p95 ${keyboard.save.p95} ms`);

    return {
      chromium: browser.version(),
      seed,
      recordTriage: triage,
      loadAllTicketsMs: tickets.loadAllMs,
      loadAllTicketsLongestTaskMs: tickets.loadAllLongestTaskMs,
      ticketScenarios: tickets.scenarios.map((s) => ({ name: s.name, rows: s.rows, stats: stats(s.samples) })),
      housekeeping,
      report: { visits: yearReport.visits, stats: stats(yearReport.report), plain: stats(yearReport.plain), coldMs: yearReport.coldMs, readAggregates: stats(yearReport.readAggregates) },
      timeToInteractive: tti,
      emptyPage,
      keyboard,
      triageAudit,
      offlineSignIn,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

const step = (label: string) => `form[aria-label="${label}"]:focus-within`;
const KIND = step('Anliegensart');
const QUICK = step('Schnellanliegen');
const HANDOFF = step('Weiterleitung an den Leistungsbereich');
const TICKET = step('Rückruf-Ticket');
const CHECKS = step('Prüfungen jeder Vorsprache');
const CONFIRMATION = 'section.confirmation';

/** One key, timed in the page from its keydown to the frame that shows `selector` matching. */
async function timedKey(page: Page, key: string, selector: string): Promise<number> {
  await page.evaluate((s) => window.__arm!(s), selector);
  await page.keyboard.press(key);
  return page.evaluate(() => window.__pending!);
}

/**
 * SPEC §0/§10: "from next visitor to routed" by keyboard alone, in the visit mix of the demo data
 * (45 % quick, 15 % application – some acute, 25 % benefits, 15 % callback ticket).
 */
async function triageByKeyboard(page: Page, visits: number): Promise<BrowserFigures['keyboard']> {
  const keystrokes: number[] = [];
  const saves: number[] = [];
  const wall: number[] = [];
  await page.waitForSelector(KIND);
  for (let i = 0; i < visits; i++) {
    const slot = i % 20;
    const start = await page.evaluate(() => performance.now());
    if (slot < 9) {
      keystrokes.push(await timedKey(page, '1', QUICK));
      keystrokes.push(await timedKey(page, '1', CHECKS));
    } else if (slot < 12) {
      keystrokes.push(await timedKey(page, '2', HANDOFF));
      if (slot === 11) keystrokes.push(await timedKey(page, 'a', `${HANDOFF} input[type="checkbox"]:checked`));
      // Issue 9: every application asks "Neuantrag?" – K: no new customer.
      keystrokes.push(await timedKey(page, 'k', `${HANDOFF} input[aria-keyshortcuts="K"]:checked`));
      keystrokes.push(await timedKey(page, 'Enter', CHECKS));
    } else if (slot < 17) {
      keystrokes.push(await timedKey(page, '3', HANDOFF));
      keystrokes.push(await timedKey(page, 'Enter', CHECKS));
    } else {
      keystrokes.push(await timedKey(page, '4', TICKET));
      // Typing itself is not timed: the page does nothing per character worth measuring.
      await page.keyboard.press('m'); // department select: "Markt & Integration (Vermittlung)"
      for (const text of ['Rückfrage zu einem Vermittlungsvorschlag', 'Erika Mustermann', '02603 123456', 'vormittags']) {
        await page.keyboard.press('Tab');
        await page.keyboard.type(text);
      }
      keystrokes.push(await timedKey(page, 'Enter', CHECKS));
    }
    keystrokes.push(await timedKey(page, 'n', `${CHECKS} input[value="no-need"]:checked`));
    keystrokes.push(await timedKey(page, 'k', `${CHECKS} input[value="not-first-visit"]:checked`));
    const save = await timedKey(page, 'Enter', CONFIRMATION);
    keystrokes.push(save);
    saves.push(save);
    wall.push((await page.evaluate(() => window.__doneAt!)) - start);
    keystrokes.push(await timedKey(page, 'n', KIND));
  }
  return { visits, keystroke: stats(keystrokes), save: stats(saves), visit: stats(wall) };
}

function seconds(v: number): string {
  return `${(v / 1000).toFixed(1)} s`;
}
