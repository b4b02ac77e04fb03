import type { Locator, Page } from '@playwright/test';
import { expect, expectNoA11yViolations, openDesk, test } from './fixtures';

/**
 * "Heute an meiner Anlaufstelle" (issue #2): today's visits by Anliegensart, the open hand-offs
 * and the callback tickets due today. The demo history ends yesterday, so today starts at zero;
 * visits are recorded at the counter by keyboard.
 */

type Walkin =
  | { kind: 'quick' }
  | { kind: 'application' | 'benefits'; label: string; acute?: boolean; vermittlung?: boolean }
  | { kind: 'other'; concern: string; name: string; phone: string };

const KIND_KEYS = { quick: '1', application: '2', benefits: '3', other: '4' } as const;

/** Records one visit at the Theke by keyboard; returns the confirmation text. */
async function recordAtCounter(page: Page, visit: Walkin): Promise<string> {
  await page.keyboard.press('Alt+1');
  await expect(page.getByRole('group', { name: 'Welches Anliegen hat die Person?' })).toBeVisible();
  await page.keyboard.press(KIND_KEYS[visit.kind]);
  if (visit.kind === 'quick') {
    await expect(page.getByRole('group', { name: /^Schnellanliegen/ })).toBeVisible();
    await page.keyboard.press('2'); // Flyer ausgehändigt
  } else if (visit.kind === 'other') {
    const department = page.getByLabel('Zuständiger Fachbereich');
    await expect(department).toBeFocused();
    await department.selectOption('MI');
    await page.keyboard.press('Tab');
    await page.keyboard.type(visit.concern);
    await page.keyboard.press('Tab');
    await page.keyboard.type(visit.name);
    await page.keyboard.press('Tab');
    await page.keyboard.type(visit.phone);
    await page.keyboard.press('Tab');
    await page.keyboard.type('vormittags');
    await page.keyboard.press('Enter');
  } else {
    const label = page.getByLabel('Name oder Aufrufnummer (freiwillig)');
    await expect(label).toBeVisible();
    if (visit.acute) await page.keyboard.press('A');
    // Issue 9 item 1: an application is asked whether it is new – K: no new customer.
    if (visit.kind === 'application') await page.keyboard.press('K');
    await label.focus();
    await page.keyboard.type(visit.label);
    await page.keyboard.press('Enter');
  }
  await expect(page.getByRole('group', { name: /VerBIS/ })).toBeVisible();
  await page.keyboard.press('vermittlung' in visit && visit.vermittlung ? 'J' : 'N');
  await page.keyboard.press('K');
  await page.keyboard.press('Enter');
  const confirmation = page.locator('.confirmation');
  await expect(confirmation.getByRole('heading', { name: 'Vorsprache erfasst' })).toBeVisible();
  const text = (await confirmation.textContent()) ?? '';
  await page.keyboard.press('n');
  await expect(page.getByRole('group', { name: 'Welches Anliegen hat die Person?' })).toBeVisible();
  return text;
}

async function openToday(page: Page): Promise<void> {
  await page.keyboard.press('Alt+4');
  await expect(page.getByRole('heading', { level: 1, name: 'Heute an meiner Anlaufstelle' })).toBeVisible();
}

/** The figure of one card (dt = label, dd.stat = number). */
function card(page: Page, region: string, label: string): Locator {
  return page
    .getByRole('region', { name: region })
    .locator('.card')
    .filter({ has: page.getByRole('term').getByText(label, { exact: true }) })
    .locator('.stat');
}

const VISITS = 'Vorsprachen heute nach Anliegensart';
const HANDOFFS = 'Offene Weiterleitungen';
const TICKETS = 'Rückruf-Tickets ohne Kontakt';

test.describe('"Heute an meiner Anlaufstelle" (issue #2)', () => {
  test('seed §4.4: today’s visits are counted by Anliegensart, and the open hand-offs are shown', async ({ page }) => {
    await openDesk(page);
    await openToday(page);
    // The demo history ends yesterday: today starts at zero.
    await expect(card(page, VISITS, 'Vorsprachen gesamt')).toHaveText('0');
    await expect(card(page, HANDOFFS, 'Wartend')).toHaveText('0');
    await expect(page.getByText('Niemand wartet auf eine Weiterleitung.')).toBeVisible();

    await recordAtCounter(page, { kind: 'quick' });
    await recordAtCounter(page, { kind: 'application', label: 'Herr Nowak', acute: true });
    await recordAtCounter(page, { kind: 'benefits', label: 'Frau Lange', vermittlung: true });
    await recordAtCounter(page, { kind: 'quick' });
    await recordAtCounter(page, { kind: 'other', concern: 'Frage zum Bildungsgutschein', name: 'Erika Mustermann', phone: '02603 123456' });

    await openToday(page);
    await expect(card(page, VISITS, 'Vorsprachen gesamt')).toHaveText('5');
    await expect(card(page, VISITS, 'Schnellanliegen')).toHaveText('2');
    await expect(card(page, VISITS, 'Antragstellung / akute Mittellosigkeit')).toHaveText('1');
    await expect(page.getByText('davon akut mittellos: 1').first()).toBeVisible();
    await expect(card(page, VISITS, 'Allgemeine Leistungsanliegen')).toHaveText('1');
    await expect(card(page, VISITS, 'Sonstige Anliegen')).toHaveText('1');

    const outcomes = page.getByRole('table', { name: 'Ergebnis der heutigen Vorsprachen' });
    await expect(outcomes.getByRole('row', { name: /An der Anlaufstelle abgeschlossen/ })).toContainText('2');
    await expect(outcomes.getByRole('row', { name: /An den Leistungsbereich weitergeleitet/ })).toContainText('2');
    await expect(outcomes.getByRole('row', { name: /Ticket angelegt/ })).toContainText('1');
    await expect(outcomes.getByRole('row', { name: /VerBIS-Vermerk/ })).toContainText('1');

    // SPEC §4: three hand-offs wait – Nowak (acute, first), and Frau Lange for Vermittlung and for LB.
    await expect(card(page, HANDOFFS, 'Wartend')).toHaveText('3');
    await expect(card(page, HANDOFFS, 'In Bearbeitung')).toHaveText('0');
    const next = page.getByRole('list', { name: 'Als Nächste an der Reihe' }).getByRole('listitem');
    await expect(next).toHaveCount(3);
    await expect(next.first()).toContainText('Herr Nowak');
    await expect(next.first()).toContainText('Akut mittellos');

    await expectNoA11yViolations(page, 'Heute mit fünf Vorsprachen');

    // The way to the queue is one link (and Alt+2).
    await page.getByRole('link', { name: /Zur Warteschlange/ }).press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: /Warteschlange/ })).toBeVisible();
  });

  test('SPEC §5: a ticket recorded yesterday is due today, links to the ticket and turns overdue at its deadline', async ({ page }) => {
    await openDesk(page);
    const confirmation = await recordAtCounter(page, { kind: 'other', concern: 'Rückfrage zu einem Vermittlungsvorschlag', name: 'Erika Mustermann', phone: '02603 123456' });
    const ref = /Ticket (\S+) angelegt/.exec(confirmation)?.[1];
    expect(ref, confirmation).toMatch(/^BE-[0-9A-Z]{6}$/);

    // Thursday: the ticket is due tomorrow, not today (SPEC §5: created Thu → due Fri).
    await openToday(page);
    const tickets = page.getByRole('region', { name: TICKETS });
    const dueToday = tickets.getByRole('table', { name: 'Heute fällige Tickets' });
    // The count in the heading says the list has loaded ("Heute fällig (…)" while loading), so the
    // absence of the ticket below means something.
    await expect(tickets.getByRole('heading', { name: /^Heute fällig \(\d+\)$/ })).toBeVisible();
    await expect(tickets.getByRole('link', { name: ref! })).toHaveCount(0);

    // Friday 08:00-ish: due today, within two hours – "bald fällig".
    await page.clock.fastForward('23:00:00');
    await expect(tickets.getByRole('heading', { name: /^Heute fällig \([1-9]\d*\)/ })).toBeVisible();
    const row = dueToday.getByRole('row', { name: new RegExp(ref!) });
    await expect(row).toContainText('Markt & Integration (Vermittlung)');
    await expect(row).toContainText('Bald fällig');
    await expect(row).toContainText('Offen · noch nicht verteilt');
    await expectNoA11yViolations(page, 'Heute mit fälligem Ticket');

    // Past its deadline it stands out as overdue, and stays on today's list.
    await page.clock.fastForward('01:30:00');
    await expect(row).toContainText('Überfällig');
    // Issue 10 item 8: the state is said once – "Überfällig seit 29 Min.", not "… Min. überfällig" again.
    await expect(row).toContainText(/Überfällig seit \d+ Min\./);
    await expect(row).not.toContainText(/überfällig/);

    // The reference links to the ticket.
    const link = row.getByRole('link', { name: ref! });
    await expect(link).toHaveAttribute('href', /^#\/tickets\/[0-9a-f-]{36}$/);
    await link.press('Enter');
    await expect(page).toHaveURL(/#\/tickets\/[0-9a-f-]{36}$/);
  });
});
