import { expect, expectNoA11yViolations, openDesk, test } from './fixtures';

test.describe('Einrichtung und Einstellungen (issue #2 item 1, SPEC §10)', () => {
  test('the first start asks for site and person, by keyboard, and is accessible', async ({ page }) => {
    await page.clock.install({ time: new Date('2026-11-26T08:00:00Z') });
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Anlaufstelle einrichten' })).toBeVisible({ timeout: 30_000 });
    await expectNoA11yViolations(page, 'Einrichtung');

    // Submitting without a person: a German message, nothing saved.
    await page.getByLabel('Standort').selectOption({ label: 'Diez' });
    await page.getByLabel('Standort').press('Enter');
    await expect(page.getByRole('alert')).toHaveText('Bitte wählen, wer an der Anlaufstelle arbeitet.');
    await expectNoA11yViolations(page, 'Einrichtung mit Fehlermeldung');
  });

  test('the site is remembered per installation across a restart', async ({ page }) => {
    await openDesk(page, { site: 'Lahnstein' });
    await expect(page.getByText('Standort Lahnstein')).toBeVisible();
    await page.reload();
    await expect(page.getByRole('navigation', { name: 'Hauptnavigation' })).toBeVisible();
    await expect(page.getByText('Standort Lahnstein')).toBeVisible();
  });

  test('bad input in the settings gets a German message and changes nothing', async ({ page }) => {
    await openDesk(page);
    await page.keyboard.press('Alt+0');
    await expect(page.getByRole('heading', { name: 'Einstellungen', level: 1 })).toBeVisible();
    await expectNoA11yViolations(page, 'Einstellungen');

    const retention = page.getByLabel('Personenbezogene Daten anonymisieren nach (Tagen)');
    await retention.fill('0');
    await retention.press('Enter');
    await expect(page.getByRole('alert')).toHaveText('Anonymisierung: mindestens 1 Tag.');
    await expectNoA11yViolations(page, 'Einstellungen mit Fehlermeldung');

    // Nothing was saved: after a restart the default (90 days) is still there.
    await page.reload();
    await expect(page.getByRole('navigation', { name: 'Hauptnavigation' })).toBeVisible();
    await page.keyboard.press('Alt+0');
    await expect(page.getByLabel('Personenbezogene Daten anonymisieren nach (Tagen)')).toHaveValue('90');
  });
  test('issue 10 item 7: a changed "Am Platz" is never dropped silently – Enter saves, leaving asks', async ({ page }) => {
    await openDesk(page);
    await page.keyboard.press('Alt+0');
    const staff = page.getByLabel('Am Platz');
    const banner = page.getByRole('banner');
    await expect(page.getByLabel('Standort dieses Arbeitsplatzes')).toBeFocused();
    const before = (await banner.innerText()).match(/am Platz: (.+)/)![1]!.trim();

    // Enter on the select itself saves.
    await staff.selectOption({ label: 'Jonas Lange (Bad Ems) – Teamleitung Leistung' });
    await staff.press('Enter');
    await expect(banner).toContainText('am Platz: Jonas Lange');

    // Changed, then Alt+2: the question, focus on "Speichern und weiter"; Esc stays with the change.
    await staff.selectOption({ label: 'Elif Braun (Bad Ems) – Leistungsbereich' });
    await page.keyboard.press('Alt+2');
    const dialog = page.getByRole('alertdialog', { name: 'Einstellungen speichern?' });
    await expect(dialog.getByRole('button', { name: /^Speichern und weiter/ })).toBeFocused();
    await expectNoA11yViolations(page, 'Einstellungen, ungespeichert verlassen');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('heading', { level: 1, name: 'Einstellungen' })).toBeVisible();
    await expect(staff).toHaveValue(/.+/);
    await expect(banner).toContainText('am Platz: Jonas Lange');

    // A link too asks; Enter saves and goes on: the work is booked to the person chosen.
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: /^Warteschlange/ }).click();
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: /^Warteschlange/ })).toBeVisible();
    await expect(banner).toContainText('am Platz: Elif Braun');

    // V discards the change: the previous person stays, said in the header.
    await page.keyboard.press('Alt+0');
    await staff.selectOption({ label: 'Jonas Lange (Bad Ems) – Teamleitung Leistung' });
    await page.keyboard.press('Alt+4');
    await expect(dialog).toBeVisible();
    await page.keyboard.press('v');
    await expect(page.getByRole('heading', { level: 1, name: 'Heute an meiner Anlaufstelle' })).toBeVisible();
    await expect(banner).toContainText('am Platz: Elif Braun');
    expect(before).not.toBe('Elif Braun');
  });
});
