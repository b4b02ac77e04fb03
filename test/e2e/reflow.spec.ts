import type { Page } from '@playwright/test';
import { DESK_MORNING, expect, expectNoA11yViolations, openDesk, test } from './fixtures';

/**
 * Issue 10 item 6 – reflow at 400 % zoom (WCAG 1.4.10, binding through BITV 2.0): a 1280 px desk
 * screen at 400 % is 320 CSS px wide. No screen may scroll sideways as a page; a data table scrolls
 * inside its own labelled, focusable region. Issue 10 item 5: long text without spaces wraps
 * wherever it is shown instead of widening the page.
 */
test.use({ viewport: { width: 320, height: 256 } });

/** Free text without a single break opportunity, within today's maximum lengths. */
const unbroken = (length: number, stem: string) => stem.repeat(Math.ceil(length / stem.length)).slice(0, length);
const LONG_CONCERN = unbroken(400, 'Weiterbewilligungsantrag');
const LONG_NAME = unbroken(70, 'Mustermann');
const LONG_NOTE = unbroken(180, 'Wiedereingliederung');

/**
 * The page itself never scrolls sideways; what sticks out is named in the failure message
 * (elements inside a scroll region are that region's business, not the page's).
 */
async function expectReflow(page: Page, where: string): Promise<void> {
  const { scrollWidth, clientWidth, offenders } = await page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    const width = root.clientWidth;
    const offenders: string[] = [];
    const name = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${typeof el.className === 'string' && el.className ? el.className : '-'}`;
    for (const el of Array.from(document.body.querySelectorAll<HTMLElement>('*'))) {
      if (el.closest('[data-scroll-region]') && !el.matches('[data-scroll-region]')) continue;
      const box = el.getBoundingClientRect();
      if (box.width > 0 && (box.right > width + 1 || (box.left < -1 && box.right > 0))) offenders.push(`${name(el)} (${Math.round(box.left)}–${Math.round(box.right)} px)`);
    }
    // (Wholly off-screen boxes such as the skip link are hidden on purpose.) Text can spill out of a box that itself fits.
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      // Screen-reader-only text (.visually-hidden) is clipped to 1 px on purpose and never shown.
      if (!parent || parent.closest('[data-scroll-region]') || parent.closest('.visually-hidden')) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const box = range.getBoundingClientRect();
      if (box.width > 0 && box.right > width + 1) offenders.push(`text in ${name(parent)} (${Math.round(box.right)} px)`);
    }
    return { scrollWidth: root.scrollWidth, clientWidth: width, offenders: offenders.slice(0, 8) };
  });
  expect(scrollWidth, `${where}: page ${scrollWidth} px wide at ${clientWidth} px; sticking out: ${offenders.join(', ')}`).toBeLessThanOrEqual(clientWidth + 1);
  // Fixed boxes (toasts) and clipped text do not widen the page but are still cut off at 400 %.
  expect(offenders, `${where}: content beyond the right edge at ${clientWidth} px`).toEqual([]);
  await expectNoA11yViolations(page, `${where} (320 px)`);
}

/** Every table of data sits in a named region that scrolls by keyboard (axe: scrollable-region-focusable). */
async function expectTablesInScrollRegions(page: Page, where: string): Promise<void> {
  const loose = await page.evaluate(() =>
    Array.from(document.querySelectorAll('table, [role="grid"]'))
      .filter((t) => {
        const region = t.closest('[data-scroll-region]');
        // A grid moves the focus between its own cells, which scrolls the region; a table needs the region to take the focus.
        const reachable = t.getAttribute('role') === 'grid' || region?.getAttribute('tabindex') === '0';
        return !region || region.getAttribute('role') !== 'region' || !region.getAttribute('aria-label') || !reachable;
      })
      .map((t) => t.getAttribute('aria-label') ?? t.querySelector('caption')?.textContent ?? t.className),
  );
  expect(loose, `${where}: tables outside a focusable, labelled scroll region`).toEqual([]);
}

const FM = / – Standortverantwortliche\/r Fallmanager\/in$/;

/** A hand-off to the Leistungsbereich under a long name without spaces. */
async function handOffAtCounter(page: Page): Promise<void> {
  await expect(page.getByRole('group', { name: 'Welches Anliegen hat die Person?' })).toBeVisible();
  await page.keyboard.press('2');
  await page.keyboard.press('K'); // issue 9: not a new customer
  const label = page.getByLabel('Name oder Aufrufnummer (freiwillig)');
  await label.fill(LONG_NAME);
  await label.press('Enter');
  await expect(page.getByRole('group', { name: /VerBIS/ })).toBeVisible();
  await page.keyboard.press('N');
  await page.keyboard.press('K');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Vorsprache erfasst' })).toBeVisible();
  await page.keyboard.press('n');
  await expect(page.getByRole('group', { name: 'Welches Anliegen hat die Person?' })).toBeVisible();
}

/** A callback ticket whose concern and name have no spaces. */
async function ticketAtCounter(page: Page): Promise<void> {
  await page.keyboard.press('4');
  await expect(page.getByLabel('Zuständiger Fachbereich')).toBeFocused();
  await page.getByLabel('Zuständiger Fachbereich').selectOption({ label: 'Fallmanagement' });
  await page.getByLabel('Anliegen').fill(LONG_CONCERN);
  await page.getByLabel('Name der Kundin / des Kunden').fill(LONG_NAME);
  await page.getByLabel('Rückrufnummer').fill('02603 123456');
  await page.getByLabel('Erreichbar (bevorzugte Rückrufzeiten)').fill('vormittags');
  await page.getByLabel('Erreichbar (bevorzugte Rückrufzeiten)').press('Enter');
  await expect(page.getByRole('group', { name: /^Letzter VerBIS-Vermerk/ })).toBeVisible();
  await page.keyboard.press('n');
  await page.keyboard.press('k');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Vorsprache erfasst' }).getByText(/^Ticket [A-Z]{2}-[0-9A-Z]{6} angelegt/)).toBeVisible();
}

async function go(page: Page, hash: string, heading: string | RegExp): Promise<void> {
  await page.evaluate((h) => (window.location.hash = h), hash);
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
}

test.describe('Reflow at 320 CSS px (issue 10 item 6, WCAG 1.4.10) and long text (issue 10 item 5)', () => {
  test('the first start reflows', async ({ page }) => {
    await page.clock.install({ time: DESK_MORNING });
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Anlaufstelle einrichten' })).toBeVisible({ timeout: 30_000 });
    await expectReflow(page, 'Einrichtung');
    await page.getByLabel('Standort').press('Enter');
    await expect(page.getByRole('alert')).toBeVisible();
    await expectReflow(page, 'Einrichtung mit Fehlermeldung');
  });

  test('Theke: every step reflows, with a long name', async ({ page }) => {
    await openDesk(page);
    await expect(page.getByRole('group', { name: 'Welches Anliegen hat die Person?' })).toBeVisible();
    await expectReflow(page, 'Theke: Anliegensart');

    await page.keyboard.press('1');
    await expect(page.getByRole('group', { name: /^Schnellanliegen/ })).toBeVisible();
    await expectReflow(page, 'Theke: Schnellanliegen');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('group', { name: 'Welches Anliegen hat die Person?' })).toBeVisible();

    await page.keyboard.press('2');
    const label = page.getByLabel('Name oder Aufrufnummer (freiwillig)');
    await expect(label).toBeVisible();
    await expectReflow(page, 'Theke: Antragstellung');
    // Issue 9: the new customer's fields reflow too, with a long name.
    await page.keyboard.press('N');
    await expect(page.getByLabel('Name der antragstellenden Person')).toBeFocused();
    await page.getByLabel('Name der antragstellenden Person').fill(LONG_NAME);
    await expectReflow(page, 'Theke: Antragstellung, Neukunde');
    await page.getByRole('radio', { name: /Kein Neukunde/ }).check();
    await label.fill(LONG_NAME);
    await label.press('Enter');
    await expect(page.getByRole('group', { name: /VerBIS/ })).toBeVisible();
    await expectReflow(page, 'Theke: Prüfungen');
    await page.keyboard.press('N');
    await page.keyboard.press('K');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('region', { name: 'Vorsprache erfasst' })).toBeVisible();
    // The toast repeats the long name: it wraps inside the screen too (issue 10 item 5).
    await expect(page.locator('.toast').filter({ hasText: LONG_NAME })).toBeVisible();
    await expectReflow(page, 'Theke: Vorsprache erfasst');

    await page.keyboard.press('n');
    await expect(page.getByRole('group', { name: 'Welches Anliegen hat die Person?' })).toBeVisible();
    await page.keyboard.press('4');
    await expect(page.getByLabel('Zuständiger Fachbereich')).toBeFocused();
    await expectReflow(page, 'Theke: Ticket-Formular');
  });

  test('Warteschlange, Tickets list and detail, Heute reflow with a long name and concern', async ({ page }) => {
    await openDesk(page);
    await handOffAtCounter(page);
    await ticketAtCounter(page);
    await expectReflow(page, 'Theke: Ticket angelegt');

    await page.keyboard.press('Alt+2');
    await expect(page.getByRole('heading', { level: 1, name: /^Warteschlange/ })).toBeVisible();
    await expect(page.getByText(LONG_NAME).first()).toBeVisible();
    await expectReflow(page, 'Warteschlange');

    // Tickets: the list's grid scrolls in its own region; the detail wraps the long texts.
    await page.keyboard.press('Alt+3');
    await expect(page.getByRole('heading', { level: 1, name: 'Tickets' })).toBeVisible();
    await page.getByLabel('Suche (Vorgang oder Name)').fill(LONG_NAME);
    const grid = page.getByRole('grid', { name: 'Tickets' });
    await expect(grid).toHaveAttribute('aria-rowcount', '2');
    await expectTablesInScrollRegions(page, 'Tickets');
    await expectReflow(page, 'Tickets');
    await page.keyboard.press('Alt+L');
    await expect(grid.getByRole('row').filter({ hasText: LONG_NAME }).getByRole('link')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: /^Ticket [A-Z]{2}-[0-9A-Z]+$/ })).toBeVisible();
    await expect(page.getByText(LONG_CONCERN)).toBeVisible();
    await expectReflow(page, 'Ticket-Detail');
    await page.keyboard.press('Alt+V');
    await expect(page.getByLabel('Team eines Fachbereichs')).toBeFocused();
    await expectReflow(page, 'Ticket-Detail: Verteilen');
    await page.keyboard.press('Escape');

    // Heute: the ticket falls due on Friday morning; the table of due tickets scrolls in its region.
    await page.clock.fastForward('23:00:00');
    await page.keyboard.press('Alt+4');
    await expect(page.getByRole('heading', { level: 1, name: 'Heute an meiner Anlaufstelle' })).toBeVisible();
    const dueToday = page.getByRole('table', { name: 'Heute fällige Tickets' });
    await expect(dueToday.getByRole('row').filter({ hasText: LONG_CONCERN.slice(0, 40) })).toHaveCount(1);
    await expectTablesInScrollRegions(page, 'Heute');
    await expectReflow(page, 'Heute');
  });

  test('Besetzung: Übersicht with details and Besetzungsplan reflow; the grids scroll in their regions', async ({ page }) => {
    await openDesk(page, { staff: FM });
    await page.keyboard.press('Alt+5');
    await expect(page.getByRole('heading', { level: 1, name: 'Besetzung – Übersicht' })).toBeVisible();
    const board = page.getByRole('grid', { name: 'Besetzung der Anlaufstellen' });
    await expect(board.locator('[role="gridcell"][tabindex="0"]')).toBeFocused();
    await expectTablesInScrollRegions(page, 'Übersicht');
    await expectReflow(page, 'Besetzung – Übersicht');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('region', { name: /Bad Ems/ }).first()).toBeVisible();
    await expectReflow(page, 'Besetzung – Übersicht mit Einzelheiten');

    await go(page, '#/besetzung/plan', 'Besetzung – Besetzungsplan');
    await expect(page.getByRole('grid', { name: 'Besetzungsplan der Anlaufstellen' }).locator('[role="gridcell"][tabindex="0"]')).toBeFocused();
    await expectTablesInScrollRegions(page, 'Besetzungsplan');
    await expectReflow(page, 'Besetzung – Besetzungsplan');
  });

  test('Besetzung: Abwesenheiten (with a long note), Personal and Öffnungszeiten reflow', async ({ page }) => {
    await openDesk(page, { staff: FM });
    await go(page, '#/besetzung/abwesenheiten', 'Besetzung – Abwesenheiten');
    const person = page.getByLabel('Person', { exact: true });
    await expect(person.locator('option')).not.toHaveCount(1);
    await expectReflow(page, 'Besetzung – Abwesenheiten');
    const someone = (await person.locator('option').allTextContents()).find((t) => t.endsWith(' – Eingangszone'));
    await person.selectOption({ label: someone! });
    await page.getByLabel('Erster Tag').fill('2026-12-07');
    await page.getByLabel('Letzter Tag').fill('2026-12-08');
    await page.getByLabel('Grund').selectOption({ label: 'Urlaub' });
    await page.getByLabel('Notiz (freiwillig)').fill(LONG_NOTE);
    await page.getByRole('button', { name: 'Abwesenheit speichern' }).press('Enter');
    await expect(page.locator('.absence-outcome')).toContainText('Abwesenheit erfasst');
    await expect(page.getByText(LONG_NOTE).first()).toBeVisible();
    await expectTablesInScrollRegions(page, 'Abwesenheiten');
    await expectReflow(page, 'Besetzung – Abwesenheiten mit langer Notiz');

    await go(page, '#/besetzung/personal', 'Besetzung – Personal');
    await expect(page.getByRole('table').first()).toBeVisible();
    await expectTablesInScrollRegions(page, 'Personal');
    await expectReflow(page, 'Besetzung – Personal');
    await go(page, '#/besetzung/personal/neu', 'Besetzung – Personal');
    await expect(page.getByLabel('Name', { exact: true })).toBeVisible();
    await expectReflow(page, 'Besetzung – Person anlegen');

    await go(page, '#/besetzung/oeffnungszeiten', 'Besetzung – Öffnungszeiten');
    await expect(page.getByRole('table').first()).toBeVisible();
    await expectTablesInScrollRegions(page, 'Öffnungszeiten');
    await expectReflow(page, 'Besetzung – Öffnungszeiten');
  });

  test('Postfach and Einstellungen reflow', async ({ page }) => {
    await openDesk(page, { staff: FM });
    await page.keyboard.press('Alt+6');
    await expect(page.getByRole('heading', { level: 1, name: 'Postfach' })).toBeVisible();
    await expect(page.locator('.inbox-count')).toBeVisible();
    await expectReflow(page, 'Postfach');

    await page.keyboard.press('Alt+0');
    await expect(page.getByRole('heading', { level: 1, name: 'Einstellungen' })).toBeVisible();
    await expectReflow(page, 'Einstellungen');
  });

  test('Neukunden (issue 9): a worklist entry with a long name, the forms and the group sessions reflow', async ({ page }) => {
    await openDesk(page);
    await page.keyboard.press('2');
    await page.keyboard.press('N');
    await page.getByLabel('Name der antragstellenden Person').fill(LONG_NAME);
    await page.getByLabel('Geburtsdatum (TT.MM.JJJJ)').fill('12.04.1990');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('group', { name: /VerBIS/ })).toBeVisible();
    await page.keyboard.press('N');
    await page.keyboard.press('K');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('region', { name: 'Vorsprache erfasst' })).toBeVisible();
    await page.keyboard.press('Alt+8');
    await expect(page.getByRole('heading', { level: 1, name: /^Neukunden/ })).toBeVisible();
    await expect(page.getByRole('article', { name: LONG_NAME })).toBeVisible();
    await expectReflow(page, 'Neukunden');
  });
});
