import type { Page } from '@playwright/test';
import { expect, expectNoA11yViolations, openDesk, test } from './fixtures';

/**
 * Issue 9 "Neukunden" in Chromium, by keyboard: a new application at the counter starts the
 * worklist entry with its deadlines (seed §1.1, SPEC §5 clock), the same-day steps are ticked, the
 * invitation picks a group session (§1.2), and with the clock moved past 24:00 what is still open
 * turns overdue. Thursday 26.11.2026, 09:00 Berlin (fixtures.ts DESK_MORNING).
 */

async function newApplicationAtCounter(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Alt+1');
  await expect(page.getByRole('group', { name: 'Welches Anliegen hat die Person?' })).toBeVisible();
  await page.keyboard.press('2');
  await page.keyboard.press('N');
  await expect(page.getByLabel('Name der antragstellenden Person')).toBeFocused();
  await page.keyboard.type(name);
  await page.keyboard.press('Tab');
  await page.keyboard.type('12.04.1990');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('group', { name: /VerBIS/ })).toBeVisible();
  await page.keyboard.press('n');
  await page.keyboard.press('k');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Vorsprache erfasst' })).toContainText('Neukunde in die Neukunden-Liste aufgenommen');
}

test.describe('Neukunden (issue 9)', () => {
  test('issue 9 items 1, 3–5 (seed §1.1, §1.2): a new application at the counter is on the worklist with its deadlines; steps are ticked, the invitation picks the group session, and after 24:00 the open steps are overdue', async ({ page }) => {
    await openDesk(page);
    await newApplicationAtCounter(page, 'Erika Neuantrag');

    await page.keyboard.press('Alt+8');
    await expect(page.getByRole('heading', { level: 1, name: 'Neukunden – Bad Ems' })).toBeVisible();
    // Seed §1.2: no group session in the next 14 days – the worklist says so.
    await expect(page.getByText(/Keine Gruppeninformation für Neukunden in den nächsten 14 Tagen/)).toBeVisible();
    const card = page.getByRole('article', { name: 'Erika Neuantrag' });
    // Personal application on Thu 09:00: intake within 24 h on the working-day clock → Fri 09:00;
    // same-day steps by 24:00 of Thursday; refusal at the latest on the 24th day, Sun 20.12.
    await expect(card).toContainText('persönlich, 26.11.2026');
    await expect(card).toContainText(/Eingangsprüfung \(Leistungsbereich\)bis Fr\., 27\.11\.2026, 09:00 – offen/);
    await expect(card).toContainText(/0 von 5 erledigt, bis Do\., 26\.11\.2026, 24:00 – offen/);
    await expect(card).toContainText('Versagung spätestensSo., 20.12.2026, 24:00');

    // A group session next Tuesday, by keyboard in the form below.
    await page.getByLabel('Datum', { exact: true }).fill('01.12.2026');
    await page.getByLabel('Raum').fill('Raum 1.12');
    await page.getByLabel('Plätze').fill('8');
    await page.getByRole('button', { name: 'Termin anlegen' }).press('Enter');
    await expect(page.getByRole('table').getByRole('rowheader', { name: /Di, 01\.12\.2026, 09:00 Uhr/ })).toBeVisible();
    await expect(page.getByText(/Keine Gruppeninformation für Neukunden in den nächsten 14 Tagen/)).toHaveCount(0);

    // Three steps ticked by keyboard (Space), the activation code handed out, the invitation.
    for (const step of [/in STEP erfasst/, /Grunddaten in VerBIS erfasst/]) {
      const box = card.getByRole('checkbox', { name: step });
      await box.focus();
      await page.keyboard.press('Space');
      await expect(box).toBeChecked();
    }
    const handedOut = card.getByRole('radio', { name: 'ausgehändigt' });
    await handedOut.focus();
    await page.keyboard.press('Space');
    await expect(handedOut).toBeChecked();
    await expect(card.getByLabel('Einladung zur Gruppeninformation (GA §1.2)')).toHaveValue(/.+/);
    await card.getByRole('button', { name: 'Einladen' }).press('Enter');
    await expect(card).toContainText(/Eingeladen mit Rechtsfolgenbelehrung zur Gruppeninformation am Di, 01\.12\.2026, 09:00 Uhr, Raum 1\.12 \([^,]+, Do\., 26\.11\.2026, 09:\d\d\)\./);
    // Each tick says who and when (issue 9 item 3).
    await expect(card.getByText(/in STEP erfasst – [^,]+, Do\., 26\.11\.2026, 09:\d\d/)).toBeVisible();
    await expect(card).toContainText(/4 von 5 erledigt/);
    await expectNoA11yViolations(page, 'Neukunden-Liste mit einem Eintrag');

    // Past 24:00 the one open step ("an die Arbeitsvermittlung gemeldet") makes the steps overdue.
    await page.clock.fastForward('15:30:00');
    await expect(card).toContainText(/4 von 5 erledigt, bis Do\., 26\.11\.2026, 24:00 – überfällig/, { timeout: 70_000 });
    await expect(card).toContainText(/Eingangsprüfung \(Leistungsbereich\)bis Fr\., 27\.11\.2026, 09:00 – offen/);
    await expect(card).toContainText('(offen: Meldung an die Arbeitsvermittlung)');
    // Friday after 09:00: the intake check is overdue too (24 h on the working-day clock, SPEC §5).
    await page.clock.fastForward('09:00:00');
    await expect(card).toContainText(/Eingangsprüfung \(Leistungsbereich\)bis Fr\., 27\.11\.2026, 09:00 – überfällig/, { timeout: 70_000 });
  });

  test('issue 9 item 2 (seed §1.1): an application in writing two working days back is on the worklist with the end of the 9th working day as intake deadline', async ({ page }) => {
    await openDesk(page);
    await page.keyboard.press('Alt+8');
    await expect(page.getByRole('heading', { level: 1, name: 'Neukunden – Bad Ems' })).toBeVisible();
    const form = page.getByRole('form', { name: 'Antrag auf anderem Weg erfassen' });
    await form.getByLabel('Eingang').selectOption({ label: 'schriftlich' });
    await form.getByLabel('Tag der Antragstellung').fill('24.11.2026');
    await form.getByLabel('Name').fill('Max Brief');
    await form.getByLabel('BG-Nummer (wenn kein Geburtsdatum)').fill('12345BG0012345');
    await form.getByRole('button', { name: 'Antrag erfassen' }).press('Enter');
    const card = page.getByRole('article', { name: 'Max Brief' });
    // Tue 24.11.: working days from Wed 25.11. – the 9th is Mon 07.12.; 24:00 of it. Refusal: 24.11. + 24 days = Fri 18.12.
    await expect(card).toContainText('schriftlich, 24.11.2026');
    await expect(card).toContainText(/Eingangsprüfung \(Leistungsbereich\)bis Mo\., 07\.12\.2026, 24:00 – offen/);
    await expect(card).toContainText('Versagung spätestensFr., 18.12.2026, 24:00');
    await expectNoA11yViolations(page, 'Neukunden-Liste nach schriftlichem Antrag');
  });

  test('bad input: a new customer without a name, or without date of birth and BG number, is refused in German and nothing is saved', async ({ page }) => {
    await openDesk(page);
    await page.keyboard.press('2');
    await page.keyboard.press('N');
    await expect(page.getByLabel('Name der antragstellenden Person')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('alert')).toHaveText('Bitte den Namen der antragstellenden Person angeben.');
    await page.keyboard.type('Ohne Geburtsdatum');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('alert')).toHaveText('Bitte das Geburtsdatum oder die BG-Nummer angeben.');
    await expect(page.getByLabel('Geburtsdatum (TT.MM.JJJJ)')).toBeFocused();
    await expect(page.getByRole('group', { name: /VerBIS/ })).toHaveCount(0);
    await expectNoA11yViolations(page, 'Theke: Neukunde ohne Angaben');
    await page.keyboard.press('Alt+8');
    await expect(page.getByText('Keine offenen Neukunden an diesem Standort.')).toBeVisible();
  });
});
