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

