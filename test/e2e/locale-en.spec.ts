import { expect, expectNoA11yViolations, openDesk, test } from './fixtures';

/**
 * Issue 10 item 7: on a browser whose language is English, date and time fields showed
 * "12/03/2026" and "02:30 PM". The app now speaks German whatever the browser's language: every
 * date and time is formatted 'de-DE' in Europe/Berlin, and every date or time is entered in one
 * German text field (TT.MM.JJJJ, HH:MM) instead of the native picker, whose language a web page
 * cannot set. (Electron sets Chromium's language itself: --lang=de-DE, test/unit/electron.)
 */
test.use({
  locale: 'en-US',
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--lang=en-US', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  },
});

test.describe('German dates and times in an English browser (issue 10 item 7)', () => {
  test('the date fields show and take TT.MM.JJJJ; an unreadable date is refused in German', async ({ page }) => {
    await openDesk(page, { staff: / – Standortverantwortliche\/r Fallmanager\/in$/ });
    expect(await page.evaluate(() => navigator.language)).toBe('en-US');
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');

    await page.evaluate(() => (window.location.hash = '#/besetzung/abwesenheiten'));
    await expect(page.getByRole('heading', { level: 1, name: 'Besetzung – Abwesenheiten' })).toBeVisible();
    const from = page.getByLabel('Erster Tag');
    const to = page.getByLabel('Letzter Tag');
    // Today (Thu 26.11.2026) as the default, written German – not 11/26/2026.
    await expect(from).toHaveValue('26.11.2026');
    await expect(to).toHaveValue('26.11.2026');
    await expect(page.getByText('Format TT.MM.JJJJ').first()).toBeVisible();
    await expectNoA11yViolations(page, 'Abwesenheiten in einem englischen Browser');

    // US order is not read as a date: a German message at the field, and the form refuses it.
    const person = page.getByLabel('Person', { exact: true });
    const someone = (await person.locator('option').allTextContents()).find((t) => t.endsWith(' – Eingangszone'));
    await person.selectOption({ label: someone! });
    await from.fill('12/03/2026');
    await from.press('Tab');
    await expect(from).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('Kein gültiges Datum – bitte als TT.MM.JJJJ eingeben, z. B. 03.12.2026.')).toBeVisible();
    await page.getByLabel('Grund').selectOption({ label: 'Urlaub' });
    await page.getByRole('button', { name: 'Abwesenheit speichern' }).press('Enter');
    await expect(page.getByRole('alert')).toContainText('bitte ein gültiges Datum angeben (TT.MM.JJJJ)');
    await expect(page.locator('.absence-outcome')).toHaveCount(0);

    // Typed German, short forms included, it is saved and shown German.
    await from.fill('7.12.26');
    await to.fill('08.12.2026');
    await to.press('Tab');
    await expect(from).toHaveValue('07.12.2026');
    await page.getByRole('button', { name: 'Abwesenheit speichern' }).press('Enter');
    await expect(page.locator('.absence-outcome')).toContainText('Abwesenheit erfasst');
    await expect(page.getByRole('region', { name: 'Tabelle: Aktuelle und künftige Abwesenheiten' })).toContainText('07.12.2026');
  });

  test('time fields show the 24-hour clock, and times on screen are German', async ({ page }) => {
    await openDesk(page, { staff: / – Standortverantwortliche\/r Fallmanager\/in$/ });
    await page.evaluate(() => (window.location.hash = '#/besetzung/oeffnungszeiten'));
    await expect(page.getByRole('heading', { level: 1, name: 'Besetzung – Öffnungszeiten' })).toBeVisible();
    const end = page.getByLabel('Ende der 1. Öffnungszeit');
    await expect(end).toHaveValue('12:00'); // not "12:00 PM"
    await end.fill('2.30 PM');
    await end.press('Tab');
    await expect(page.getByText('Keine gültige Uhrzeit – bitte als HH:MM eingeben, z. B. 14:30.')).toBeVisible();
    await end.fill('14.30');
    await end.press('Tab');
    await expect(end).toHaveValue('14:30');
    await expectNoA11yViolations(page, 'Öffnungszeiten in einem englischen Browser');

    // A ticket's deadline, on the ticket and on its receipt line: German weekday, date and clock.
    await page.keyboard.press('Alt+1');
    await expect(page.getByRole('group', { name: 'Welches Anliegen hat die Person?' })).toBeVisible();
    await page.keyboard.press('4');
    await expect(page.getByLabel('Zuständiger Fachbereich')).toBeFocused();
    await page.getByLabel('Zuständiger Fachbereich').selectOption({ label: 'Fallmanagement' });
    await page.getByLabel('Anliegen').fill('Rückfrage');
    await page.getByLabel('Name der Kundin / des Kunden').fill('Erika Mustermann');
    await page.getByLabel('Rückrufnummer').fill('02603 123456');
    await page.getByLabel('Erreichbar (bevorzugte Rückrufzeiten)').fill('vormittags');
    await page.getByLabel('Erreichbar (bevorzugte Rückrufzeiten)').press('Enter');
    await expect(page.getByRole('group', { name: /^Letzter VerBIS-Vermerk/ })).toBeVisible();
    await page.keyboard.press('n');
    await page.keyboard.press('k');
    await page.keyboard.press('Enter');
    const confirmation = page.getByRole('region', { name: 'Vorsprache erfasst' });
    await expect(confirmation).toContainText(/Fr\., 27\.11\.2026, 09:00/);
    await expect(confirmation).not.toContainText(/AM|PM|\d{1,2}\/\d{1,2}\/\d{4}/);
  });
});
