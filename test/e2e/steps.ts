import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

/** Steps several specs take the same way: a visitor recorded at the counter, the LB queue opened. */

export interface Walkin {
  kind: 'application' | 'benefits';
  label: string;
  acute?: boolean;
  /** Seed §2.3: the last VerBIS note shows that Vermittlung needs to talk. */
  vermittlung?: boolean;
}

export async function recordAtCounter(page: Page, visit: Walkin): Promise<void> {
  await page.keyboard.press('Alt+1');
  await expect(page.getByRole('heading', { level: 1, name: /Theke/ })).toBeVisible();
  await page.keyboard.press(visit.kind === 'application' ? '2' : '3');
  const label = page.getByLabel('Name oder Aufrufnummer (freiwillig)');
  await expect(label).toBeVisible();
  if (visit.acute) await page.keyboard.press('A');
  // Issue 9 item 1: every application is asked whether it is new – K: not a new customer.
  if (visit.kind === 'application') await page.keyboard.press('K');
  await label.focus();
  await page.keyboard.type(visit.label);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('group', { name: /VerBIS/ })).toBeVisible();
  await page.keyboard.press(visit.vermittlung ? 'J' : 'N');
  await page.keyboard.press('K');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Vorsprache erfasst' })).toBeVisible();
  await expect(page.getByRole('status')).toContainText(`weitergeleitet – ${visit.label}`);
  // Issue 10 item 8: each line of the toast is its own sentence.
  if (visit.acute) await expect(page.getByRole('status')).toContainText('steht vorn in der Warteschlange.');
  // N: the counter is ready for the next visitor – and the last visitor's toast is gone (issue 10 item 8).
  await page.keyboard.press('n');
  await expect(page.getByRole('group', { name: 'Welches Anliegen hat die Person?' })).toBeVisible();
  await expect(page.getByRole('status')).not.toContainText(visit.label);
}

export async function openQueue(page: Page): Promise<{ waiting: Locator; inService: Locator }> {
  await page.keyboard.press('Alt+2');
  await expect(page.getByRole('heading', { level: 1, name: /Warteschlange/ })).toBeVisible();
  return {
    waiting: page.getByRole('listbox', { name: /^Wartend/ }),
    inService: page.getByRole('listbox', { name: /^In Bearbeitung/ }),
  };
}


/** Records a "Sonstige Anliegen" visit at the counter (seed §4.4), by keyboard: a callback ticket for Fallmanagement. */
export async function createTicketAtCounter(page: Page, customer: string): Promise<void> {
  await page.keyboard.press('Alt+1');
  await expect(page.getByRole('heading', { level: 1, name: /Theke/ })).toBeVisible();
  await page.keyboard.press('4'); // Sonstige Anliegen
  await page.getByLabel('Zuständiger Fachbereich').selectOption({ label: 'Fallmanagement' });
  await page.getByLabel('Anliegen').fill('Rückfrage zum Coaching-Angebot');
  await page.getByLabel('Name der Kundin / des Kunden').fill(customer);
  await page.getByLabel('Rückrufnummer').fill('02603 123456');
  await page.getByLabel('Erreichbar (bevorzugte Rückrufzeiten)').fill('vormittags');
  await page.getByLabel('Erreichbar (bevorzugte Rückrufzeiten)').press('Enter');
  // The form is validated asynchronously (react-hook-form + zod): N and K are shortcuts of the checks
  // step only once it is on screen – before, they would be typed into the focused "Erreichbar" field.
  await expect(page.getByRole('group', { name: /^Letzter VerBIS-Vermerk/ })).toBeVisible();
  await page.keyboard.press('n'); // VerBIS: kein Gesprächsbedarf
  await page.keyboard.press('k'); // keine Erstvorsprache
  await page.keyboard.press('Enter'); // speichern
  // The saved ticket's confirmation – not the checks step's preview "Ein Rückruf-Ticket wird angelegt."
  await expect(page.getByRole('region', { name: 'Vorsprache erfasst' }).getByText(/^Ticket [A-Z]{2}-[0-9A-Z]{6} angelegt/)).toBeVisible();
}

/** The heading of a loaded ticket ("Ticket BE-7K3F"), not the "Ticket wird geladen …" placeholder. */
export const ticketHeading = (page: Page) => page.getByRole('heading', { level: 1, name: /^Ticket [A-Z]{2}-[0-9A-Z]+$/ });

/** Opens the ticket list and the customer's ticket, by keyboard: search, Alt+L, Enter. */
export async function openTicketFromList(page: Page, customer: string): Promise<void> {
  await page.keyboard.press('Alt+3');
  await expect(page.getByRole('heading', { level: 1, name: 'Tickets' })).toBeVisible();
  await page.getByLabel('Suche (Vorgang oder Name)').fill(customer);
  const grid = page.getByRole('grid', { name: 'Tickets' });
  await expect(grid).toHaveAttribute('aria-rowcount', '2');
  await page.keyboard.press('Alt+L');
  // Alt+L focuses the row's link at once if the virtualised row is rendered, else once it is
  // (TicketGrid moveTo): Enter opens the ticket only from there.
  await expect(grid.getByRole('row').filter({ hasText: customer }).getByRole('link')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(ticketHeading(page)).toBeVisible();
}
