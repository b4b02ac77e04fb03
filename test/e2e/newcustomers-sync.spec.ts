import type { Browser, BrowserContext, Page } from '@playwright/test';
import { expect, expectNoA11yViolations, openDesk, test } from './fixtures';
import { SYNCED_PAGE_URL } from './ports';

/**
 * Issue 9 with issue 6 ("The product is one system"): a new customer taken on at the counter of one
 * PC – here while that PC is offline – is on the Neukunden worklist of the Kundenbüro's PC at the
 * same site once it reconnects, through the real sync service; a step ticked there, a group session
 * and an invitation made there are seen at the counter PC.
 */
test.use({ baseURL: SYNCED_PAGE_URL });

const COUNTER = / – Eingangszone$/;

interface Pc {
  context: BrowserContext;
  page: Page;
}

async function pcAt(browser: Browser, site: string, day: Date): Promise<Pc> {
  const context = await browser.newContext({ baseURL: SYNCED_PAGE_URL, locale: 'de-DE', timezoneId: 'Europe/Berlin' });
  const page = await context.newPage();
  await openDesk(page, { site, staff: COUNTER, startAt: day });
  await expect(page.getByTestId('sync-status')).toHaveText('Sync: verbunden', { timeout: 15_000 });
  return { context, page };
}

test('issue 9 items 1 and 3 across PCs: the counter\'s new customer, taken on offline, is on the Kundenbüro PC\'s worklist after reconnecting, and its ticks, the group session and the invitation travel back', async ({ browser }) => {
  test.setTimeout(90_000);
  const run = test.info().repeatEachIndex + 10 * test.info().retry;
  const name = `Erika Abgleich ${run + 1}`;
  // Monday 16.11.2026 10:00 Berlin, an opening day (seed §4.1); other sync tests use other days.
  const day = new Date('2026-11-16T09:00:00Z');
  const counter = await pcAt(browser, 'Lahnstein', day);
  const office = await pcAt(browser, 'Lahnstein', day);

  // At the counter, by keyboard and without network: Antragstellung, N (new customer), name and date of birth.
  const page = counter.page;
  await counter.context.setOffline(true);
  await page.keyboard.press('Alt+1');
  await page.keyboard.press('2');
  await page.keyboard.press('N');
  const nameField = page.getByLabel('Name der antragstellenden Person');
  await expect(nameField).toBeFocused();
  await page.keyboard.type(name);
  await page.getByLabel('Geburtsdatum (TT.MM.JJJJ)').fill('12.04.1990');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('group', { name: /VerBIS/ })).toBeVisible();
  await page.keyboard.press('n');
  await page.keyboard.press('k');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Vorsprache erfasst' }).getByText(/Neukunde in die Neukunden-Liste aufgenommen/)).toBeVisible();
  await expect(page.getByTestId('sync-status')).toContainText(/offline seit/, { timeout: 15_000 });
  // Back online: the record reaches the service without anyone doing anything (issue 6 item 4).
  await counter.context.setOffline(false);
  await expect(page.getByTestId('sync-status')).toHaveText('Sync: verbunden', { timeout: 20_000 });

  // The Kundenbüro's PC: the worklist has the new customer, without anyone pressing a key there.
  await office.page.keyboard.press('Alt+8');
  await expect(office.page.getByRole('heading', { level: 1, name: 'Neukunden – Lahnstein' })).toBeVisible();
  const card = office.page.getByRole('article', { name });
  await expect(card).toBeVisible({ timeout: 15_000 });
  await expect(card).toContainText('Eingangsprüfung (Leistungsbereich)');
  const verbis = card.getByRole('checkbox', { name: /Grunddaten in VerBIS erfasst/ });
  await verbis.focus();
  await office.page.keyboard.press('Space');
  await expect(verbis).toBeChecked();
  await expectNoA11yViolations(office.page, 'Neukunden-Liste mit einem Eintrag vom Theken-PC');

  // A group session made on the Kundenbüro PC (seed §1.2), and the invitation to it.
  const room = `Raum ${run + 1}.01`;
  await office.page.getByLabel('Datum', { exact: true }).fill('18.11.2026');
  await office.page.getByLabel('Raum').fill(room);
  await office.page.getByRole('button', { name: 'Termin anlegen' }).press('Enter');
  const select = card.getByLabel('Einladung zur Gruppeninformation (GA §1.2)');
  const option = select.locator('option', { hasText: room });
  await expect(option).toHaveCount(1);
  await select.selectOption((await option.getAttribute('value')) ?? '');
  await card.getByRole('button', { name: 'Einladen' }).press('Enter');
  await expect(card).toContainText(`Eingeladen mit Rechtsfolgenbelehrung zur Gruppeninformation am Mi, 18.11.2026, 09:00 Uhr, ${room}`);

  // Back at the counter PC: the tick, the session and the invitation arrived.
  await page.keyboard.press('Alt+8');
  const there = page.getByRole('article', { name });
  await expect(there.getByRole('checkbox', { name: /Grunddaten in VerBIS erfasst/ })).toBeChecked({ timeout: 15_000 });
  await expect(there).toContainText(`Eingeladen mit Rechtsfolgenbelehrung zur Gruppeninformation am Mi, 18.11.2026, 09:00 Uhr, ${room}`, { timeout: 15_000 });
  await expect(page.getByRole('table').getByRole('row').filter({ hasText: room })).toHaveCount(1);

  for (const pc of [counter, office]) await pc.context.close();
});
