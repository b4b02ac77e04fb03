import type { Browser, BrowserContext, Locator, Page } from '@playwright/test';
import { expect, expectNoA11yViolations, openDesk, test } from './fixtures';
import { SYNCED_PAGE_URL } from './ports';
import { recordAtCounter } from './steps';

/**
 * Issue 8 ("The product is one system", item 2) with SPEC §9 sync: the Auswertungen on a team
 * lead's PC are computed from that PC's replica, so they show what other PCs recorded only because
 * the real sync service (playwright.config.ts) brought it there – including a PC that recorded
 * while offline and sent its visits after reconnecting.
 *
 * sync.spec.ts uses the same sync service and all four sites, always on Thursday 26.11.2026. This
 * test works on a day of its own – a Tuesday before it, an opening day (seed §4.1) – and the lead
 * reads that day only, with the lead PC's local demo history switched off (demo rows never travel:
 * demo.ts). So every figure the lead reads is determined by this test alone, whatever runs beside it.
 */
test.use({ baseURL: SYNCED_PAGE_URL });

/**
 * Tuesday 09:00 Europe/Berlin, 24.11.2026 – or a Tuesday a week earlier for each repetition
 * (--repeat-each) and retry: they share the sync service and may run side by side.
 */
function dayOfThisRun(): { at: Date; label: string } {
  const { repeatEachIndex, retry } = test.info();
  const at = new Date(Date.UTC(2026, 10, 24 - 7 * (repeatEachIndex + 10 * retry), 8));
  const two = (n: number) => String(n).padStart(2, '0');
  return { at, label: `Di, ${two(at.getUTCDate())}.${two(at.getUTCMonth() + 1)}.${at.getUTCFullYear()}` };
}
const COUNTER = / – Eingangszone$/;

interface Pc {
  context: BrowserContext;
  page: Page;
}

async function pcAt(browser: Browser, site: string, staff: RegExp, day: Date): Promise<Pc> {
  const context = await browser.newContext({ baseURL: SYNCED_PAGE_URL, locale: 'de-DE', timezoneId: 'Europe/Berlin' });
  const page = await context.newPage();
  await openDesk(page, { site, staff, startAt: day });
  await expect(page.getByTestId('sync-status')).toHaveText('Sync: verbunden', { timeout: 15_000 });
  return { context, page };
}

/** A Schnellanliegen "Unterlagen abgegeben": closed at the desk, nobody is handed on (SPEC §3). */
async function recordClosedAtDesk(page: Page): Promise<void> {
  await page.keyboard.press('Alt+1');
  await expect(page.getByRole('heading', { level: 1, name: /Theke/ })).toBeVisible();
  await page.keyboard.press('1');
  await expect(page.getByRole('group', { name: 'Schnellanliegen – was wird an der Anlaufstelle erledigt?' })).toBeVisible();
  await page.keyboard.press('1'); // Unterlagen abgegeben
  await expect(page.getByRole('group', { name: /VerBIS/ })).toBeVisible();
  await page.keyboard.press('n');
  await page.keyboard.press('k');
  await page.keyboard.press('Enter');
  const confirmation = page.getByRole('region', { name: 'Vorsprache erfasst' });
  await expect(confirmation.getByText('Schnellanliegen „Unterlagen abgegeben“ an der Anlaufstelle abgeschlossen.')).toBeVisible();
  await page.keyboard.press('n');
  await expect(page.getByRole('group', { name: 'Welches Anliegen hat die Person?' })).toBeVisible();
}

/** The row of "Vorsprachen je Standort" for a site (or "Alle gewählten Standorte"). */
function perSiteRow(page: Page, site: string): Locator {
  return page
    .locator('section[data-table-id="vorsprachen-standorte"] tbody tr')
    .filter({ has: page.getByRole('rowheader', { name: site, exact: true }) });
}

/** Vorsprachen and "An der Anlaufstelle abgeschlossen" of a row, as the lead reads them. */
async function expectFigures(page: Page, site: string, visits: number, closedAtDesk: number, timeout?: number): Promise<void> {
  const cells = perSiteRow(page, site).locator('td');
  await expect(cells.nth(0)).toHaveText(String(visits), { timeout });
  await expect(cells.nth(1)).toHaveText(String(closedAtDesk), { timeout });
}

/** "Neu berechnen" until the figures are there: the report is computed on demand, not on every write. */
async function recomputeUntil(page: Page, dayLabel: string, figures: ReadonlyArray<[site: string, visits: number, closedAtDesk: number]>): Promise<void> {
  const status = page.locator('.report-status');
  await expect(async () => {
    await page.getByRole('button', { name: 'Neu berechnen' }).click();
    await expect(status).toHaveText(new RegExp(`^${dayLabel} · `), { timeout: 5_000 });
    for (const [site, visits, closed] of figures) await expectFigures(page, site, visits, closed, 1_000);
  }).toPass({ timeout: 30_000, intervals: [500, 1_000, 2_000] });
}

test('issue 8 item 2 / SPEC §9 sync: the Auswertungen on the team lead\'s PC count the visits recorded at other PCs – an offline counter PC\'s visits appear once it reconnects', async ({ browser }) => {
  test.setTimeout(120_000);
  const day = dayOfThisRun();
  const lead = await pcAt(browser, 'Bad Ems', / – Teamleitung Eingangszone$/, day.at);
  // Only what this test records counts: the lead PC's local demo history goes.
  await lead.page.keyboard.press('Alt+0');
  await lead.page.getByLabel(/^Demodaten anzeigen/).uncheck();
  await lead.page.getByRole('button', { name: /^Speichern/ }).press('Enter');
  await expect(lead.page.getByRole('status').filter({ hasText: 'Einstellungen gespeichert.' })).toBeVisible();

  // The day, all four sites (a team lead's default): nothing recorded yet.
  await lead.page.keyboard.press('Alt+7');
  await expect(lead.page.getByRole('heading', { level: 1, name: 'Auswertungen' })).toBeVisible();
  await lead.page.getByLabel('Zeitraum', { exact: true }).selectOption({ label: 'Tag' });
  await expect(lead.page.locator('.report-status')).toHaveText(
    new RegExp(`^${day.label} · Bad Ems, Diez, Lahnstein, Nastätten · Stand \\d\\d:\\d\\d Uhr · nur Anzahlen und Dauern, keine personenbezogenen Daten$`),
  );
  for (const site of ['Bad Ems', 'Diez', 'Lahnstein', 'Nastätten', 'Alle gewählten Standorte']) await expectFigures(lead.page, site, 0, 0);

  // Counter PC A, Bad Ems, online: two visits closed at the desk, one handed to the LB.
  const a = await pcAt(browser, 'Bad Ems', COUNTER, day.at);
  await recordClosedAtDesk(a.page);
  await recordClosedAtDesk(a.page);
  await recordAtCounter(a.page, { kind: 'benefits', label: 'Herr Zählwerk' });

  // Counter PC B, Diez, without network: one visit closed at the desk, two handed to the LB.
  const b = await pcAt(browser, 'Diez', COUNTER, day.at);
  await b.context.setOffline(true);
  await recordClosedAtDesk(b.page);
  await recordAtCounter(b.page, { kind: 'application', label: 'Frau Funkstille' });
  await recordAtCounter(b.page, { kind: 'benefits', label: 'Herr Funkstille' });
  await expect(b.page.getByTestId('sync-status')).toContainText(/offline seit \d\d:\d\d – \d+ Änderungen warten/, { timeout: 15_000 });

  // The lead sees A's visits; B's are still only on B.
  await recomputeUntil(lead.page, day.label, [
    ['Bad Ems', 3, 2],
    ['Alle gewählten Standorte', 3, 2],
  ]);
  await expectFigures(lead.page, 'Diez', 0, 0);
  await expectFigures(lead.page, 'Lahnstein', 0, 0);
  await expectFigures(lead.page, 'Nastätten', 0, 0);

  // B back online: its visits reach the service and from there the lead's PC.
  await b.context.setOffline(false);
  await expect(b.page.getByTestId('sync-status')).toHaveText('Sync: verbunden', { timeout: 20_000 });
  // The figures on screen stay as they were; the lead is told that newer ones exist.
  const newer = lead.page.locator('.report-newer');
  await expect(newer).toContainText('sind neue Vorsprachen, Weiterleitungen oder Tickets eingegangen. „Neu berechnen“ zeigt sie.', { timeout: 20_000 });
  await expectFigures(lead.page, 'Diez', 0, 0);
  await recomputeUntil(lead.page, day.label, [
    ['Bad Ems', 3, 2],
    ['Diez', 3, 1],
    ['Lahnstein', 0, 0],
    ['Nastätten', 0, 0],
    ['Alle gewählten Standorte', 6, 3],
  ]);
  await expect(newer).toHaveCount(0);
  // Counts only: no visitor's name on the lead's screen (issue 8 item 5).
  await expect(lead.page.getByText(/Zählwerk|Funkstille/)).toHaveCount(0);
  await expectNoA11yViolations(lead.page, 'Auswertungen nach Sync von zwei Theken-PCs');

  for (const pc of [a, b, lead]) await pc.context.close();
});
