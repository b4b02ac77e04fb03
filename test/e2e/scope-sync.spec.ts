import type { Browser, BrowserContext, Page } from '@playwright/test';
import { demoPerson, enrollPc, expect, signIn, test, DESK_MORNING } from './fixtures';
import { SYNCED_PAGE_URL } from './ports';
import { createTicketAtCounter, openTicketFromList } from './steps';

/**
 * Issue 7 item 6 (SPEC §8): "A PC receives only what its users may see … Records that leave a
 * PC's scope are removed from it" – here the other way round as well: the scope of a PC changes
 * while the record does not. Each browser context is one enrolled PC against the test run's sync
 * service with its real access control.
 */
test.use({ baseURL: SYNCED_PAGE_URL });

/** shared/auth/scope.ts RESTRICTED (not imported: its module reads JSON the test runner cannot load). */
const RESTRICTED = '— nur für Bearbeitende —';

interface Pc {
  context: BrowserContext;
  page: Page;
}

async function enrolledPc(browser: Browser, site: string, profile: 'counter' | 'office' | 'lead', username: string): Promise<Pc> {
  const context = await browser.newContext({ baseURL: SYNCED_PAGE_URL, locale: 'de-DE', timezoneId: 'Europe/Berlin' });
  const page = await context.newPage();
  await page.clock.install({ time: DESK_MORNING });
  await page.goto('/');
  await enrollPc(page, site, profile);
  await signIn(page, username);
  await expect(page.getByRole('navigation', { name: 'Hauptnavigation' })).toBeVisible();
  await expect(page.getByTestId('sync-status')).toHaveText('Sync: verbunden', { timeout: 30_000 });
  return { context, page };
}

/** The ticket list of all sites, searched by the ticket's reference (its name may be withheld). */
async function ticketRow(page: Page, ref: string) {
  await page.keyboard.press('Alt+3');
  await expect(page.getByRole('heading', { level: 1, name: 'Tickets' })).toBeVisible();
  await page.getByLabel('Standort (Verteilliste)').selectOption('all');
  await page.getByLabel('Fachbereich').selectOption('all');
  await page.getByLabel('Zuständig').selectOption('all');
  await page.getByLabel('Suche (Vorgang oder Name)').fill(ref);
  return page.getByRole('grid', { name: 'Tickets' }).getByRole('row').filter({ hasText: ref });
}

test('issue 7 item 6: a ticket assigned to a person shows its name at another site’s PC only once she signs in there – without any change to the ticket', async ({ browser }) => {
  test.setTimeout(120_000);
  const customer = `Frau Umfang ${Math.random().toString(36).slice(2, 7)}`;
  const clerk = demoPerson('Lahnstein', / – Eingangszone$/, 1);
  const first = demoPerson('Nastätten', / – Leistungsbereich$/, 0);
  const assignee = demoPerson('Nastätten', / – Leistungsbereich$/, 1);

  // Lahnstein's counter takes a callback ticket with the customer's name and gives it to a person at Nastätten.
  const counter = await enrolledPc(browser, 'Lahnstein', 'counter', clerk.username);
  await createTicketAtCounter(counter.page, customer);
  const ref = ((await counter.page.getByRole('region', { name: 'Vorsprache erfasst' }).getByText(/^Ticket [A-Z]{2}-[0-9A-Z]{6} angelegt/).textContent()) ?? '').match(/[A-Z]{2}-[0-9A-Z]{6}/)![0];
  await openTicketFromList(counter.page, customer);
  await counter.page.keyboard.press('Alt+V');
  await counter.page.getByLabel('Eine Person').check();
  await counter.page.getByLabel('Person', { exact: true }).selectOption(assignee.id);
  await counter.page.getByLabel('Person', { exact: true }).press('Control+Enter');
  await expect(counter.page.getByRole('region', { name: 'Verteilung' })).toContainText(assignee.name);

  // A Nastätten office PC where only a colleague has signed in: the ticket is there, its name is not.
  const office = await enrolledPc(browser, 'Nastätten', 'office', first.username);
  const row = await ticketRow(office.page, ref);
  await expect(row).toHaveCount(1, { timeout: 30_000 });
  await expect(row).toContainText(RESTRICTED);
  await expect(office.page.locator('body')).not.toContainText(customer);
  // Not only the screen: the PC's database holds no trace of it.
  const stored = () => office.page.evaluate(async (name) => {
    const open = indexedDB.open('anlaufstelle');
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const all = await new Promise<unknown[]>((resolve, reject) => {
      const req = db.transaction('tickets').objectStore('tickets').getAll();
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    db.close();
    return JSON.stringify(all).includes(name);
  }, customer);
  expect(await stored()).toBe(false);

  // The person the ticket is assigned to signs in at this PC: her case comes with its name.
  await office.page.getByRole('button', { name: 'Abmelden / Benutzer wechseln' }).click();
  await signIn(office.page, assignee.username);
  await expect(office.page.locator('.session-menu')).toContainText(`Angemeldet: ${assignee.name}`);
  const hers = await ticketRow(office.page, ref);
  await expect(hers).toContainText(customer, { timeout: 30_000 });
  await expect(hers).not.toContainText(RESTRICTED);
  expect(await stored()).toBe(true);
  for (const pc of [counter, office]) await pc.context.close();
});
