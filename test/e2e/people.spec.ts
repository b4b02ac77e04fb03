import type { Page } from '@playwright/test';
import { expect, expectNoA11yViolations, openDesk, test } from './fixtures';

/**
 * Issue 10 item 4: "A second 'Anna Wagner' at Bad Ems (and ' anna  wagner ') is saved, so the
 * pickers show three identical entries – pickers don't show the site either, and typing in the
 * 'Am Platz' select picks the wrong person." The demo directory has Anna Wagner (EZ, Bad Ems).
 */
const FM = / – Standortverantwortliche\/r Fallmanager\/in$/;

async function newPerson(page: Page, name: string, site: string): Promise<void> {
  await page.getByRole('link', { name: 'Neue Person anlegen' }).press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Neue Person anlegen' })).toBeFocused();
  const form = page.getByRole('form', { name: 'Neue Person anlegen' });
  await form.getByLabel('Name', { exact: true }).fill(name);
  await form.getByLabel('Stammstandort').selectOption({ label: site });
  await form.getByRole('button', { name: 'Person anlegen' }).press('Enter');
}

test.describe('People: no duplicates unless confirmed, the site wherever a person is picked (issue 10 item 4)', () => {
  test('a second Anna Wagner at Bad Ems is asked about; pickers name the site; type-ahead picks the person typed', async ({ page }) => {
    await openDesk(page, { staff: FM });
    await page.keyboard.press('Alt+5');
    await expect(page.getByRole('heading', { level: 1, name: 'Besetzung – Übersicht' })).toBeVisible();
    // The board takes the focus once its live query has filled it; only then can the link keep it.
    await expect(page.locator('[role="gridcell"][tabindex="0"]')).toBeFocused();
    await page.getByRole('navigation', { name: 'Bereiche der Besetzung' }).getByRole('link', { name: 'Personal' }).press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Besetzung – Personal' })).toBeVisible();
    const annas = page.getByRole('row').filter({ hasText: /anna wagner/i });
    await expect(annas).toHaveCount(1);

    // Same name, other case and spaces, same site: asked, focused on the question, nothing saved.
    await newPerson(page, ' anna  wagner ', 'Bad Ems');
    const question = page.getByRole('group').getByText('Es gibt bereits „Anna Wagner (Bad Ems) – Eingangszone“ – trotzdem anlegen?');
    await expect(question).toBeFocused();
    await expectNoA11yViolations(page, 'Person anlegen: Rückfrage Doppelung');
    await page.getByRole('button', { name: 'Nein, Namen ändern' }).press('Enter');
    await expect(page.getByLabel('Name', { exact: true })).toBeFocused();
    await expect(question).toHaveCount(0);
    await expect(annas).toHaveCount(1);

    // Asked again, confirmed: a colleague of the same name. Stored with the spaces tidied.
    await page.getByRole('button', { name: 'Person anlegen' }).press('Enter');
    await expect(question).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Trotzdem anlegen' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 2, name: 'Neue Person anlegen' })).toHaveCount(0);
    await expect(annas).toHaveCount(2);
    await expect(page.getByRole('link', { name: 'anna wagner', exact: true })).toBeVisible();

    // Same name at another site: another person, no question.
    await newPerson(page, 'Anna Wagner', 'Diez');
    await expect(page.getByRole('heading', { level: 2, name: 'Neue Person anlegen' })).toHaveCount(0);
    await expect(annas).toHaveCount(3);

    // Every picker names the site, and no two entries read the same.
    await page.keyboard.press('Alt+0');
    await expect(page.getByRole('heading', { level: 1, name: 'Einstellungen' })).toBeVisible();
    const atDesk = page.getByLabel('Am Platz');
    await expect(atDesk.locator('option', { hasText: /^anna wagner/i })).toHaveText([
      'Anna Wagner (Bad Ems) – Eingangszone · 1. Eintrag',
      'anna wagner (Bad Ems) – Eingangszone · 2. Eintrag',
      'Anna Wagner (Diez) – Eingangszone',
    ]);

    // Type-ahead matches the start of the label: the name, then the site.
    await atDesk.focus();
    await page.keyboard.type('anna wagner (d');
    await expect(atDesk.locator('option:checked')).toHaveText('Anna Wagner (Diez) – Eingangszone');
    await page.getByRole('button', { name: 'Speichern' }).press('Enter');
    await expect(page.getByRole('banner')).toContainText('am Platz: Anna Wagner');
    await expectNoA11yViolations(page, 'Einstellungen mit Namensvettern');
  });
});
