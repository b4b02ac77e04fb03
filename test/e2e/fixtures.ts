import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

/**
 * A desk PC on a known day: Thursday 26 Nov 2026, 09:00 in Bad Ems, inside the opening session
 * (seed §4.1). The page clock is Playwright's, so deadlines and waiting times can be moved on.
 */
export const DESK_MORNING = new Date('2026-11-26T08:00:00Z'); // 09:00 Europe/Berlin

export interface DeskOptions {
  /** The instant the page's clock starts at. */
  startAt: Date;
  site: string;
  /** Part of the staff member's option text (name or role) to pick at the desk. */
  staff: string | RegExp;
  /** Which of the matching people (0: the first) – two PCs of one site as two LB clerks. */
  nth: number;
}

/** First start: choose site and person, all by keyboard. */
export async function openDesk(page: Page, options: Partial<DeskOptions> = {}): Promise<void> {
  const { startAt = DESK_MORNING, site = 'Bad Ems', staff = / – Eingangszone$/, nth = 0 } = options;
  await page.clock.install({ time: startAt });
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Anlaufstelle einrichten' })).toBeVisible({ timeout: 30_000 });
  await page.getByLabel('Standort').selectOption({ label: site });
  const staffSelect = page.getByLabel('Am Platz');
  const options_ = await staffSelect.locator('option').allTextContents();
  const wanted = options_.filter((t) => (typeof staff === 'string' ? t.includes(staff) : staff.test(t)))[nth];
  if (!wanted) throw new Error(`Keine Person passend zu ${String(staff)} in ${options_.join(' | ')}`);
  await staffSelect.selectOption({ label: wanted });
  await staffSelect.press('Enter');
  await expect(page.getByRole('navigation', { name: 'Hauptnavigation' })).toBeVisible();
}

/** WCAG 2.1 A/AA as axe-core checks it (SPEC §10: BITV 2.0). */
export async function expectNoA11yViolations(page: Page, context = ''): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary, `axe-core violations ${context}`).toEqual([]);
}

export const test = base;
export { expect };
