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
});
