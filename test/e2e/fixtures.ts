import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { generateDirectory } from '../../shared/demo/directory';
import { DEMO_PASSWORD, demoUsername } from '../../shared/demo/accounts';
import { personOptions } from '../../shared/model/people';
import type { Profile } from '../../shared/auth/permissions';

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
  /** Issue 7: the profile an enrolled PC gets (with a sync service). */
  profile: Profile;
}

/** The demo directory as the service seeds it (same ids and names on every PC and the service). */
const DEMO = generateDirectory(new Date('2026-01-01T00:00:00Z'));
/** The demo's administrator (GF and ADMIN), who enrolls the test PCs at the PC itself. */
export const DEMO_ADMIN = demoUsername(DEMO.staff.find((s) => s.roles.includes('ADMIN'))!.name);

/** The person the old "Am Platz" choice would have picked: same labels, same order, same filter. */
export function demoPerson(site: string, staff: string | RegExp, nth = 0): { id: string; name: string; username: string } {
  const siteRow = DEMO.sites.find((s) => s.name === site);
  if (!siteRow) throw new Error(`Kein Standort ${site}`);
  const names = new Map(DEMO.sites.map((s) => [s.id, s.name]));
  const options = personOptions(
    DEMO.staff.filter((p) => p.active && p.homeSiteId === siteRow.id),
    (id) => names.get(id) ?? '',
  ).filter((o) => (typeof staff === 'string' ? o.label.includes(staff) : staff.test(o.label)));
  const person = DEMO.staff.find((p) => p.id === options[nth]?.id);
  if (!person) throw new Error(`Keine Person passend zu ${String(staff)} in ${site}`);
  return { id: person.id, name: person.name, username: demoUsername(person.name) };
}

/** Issue 7: signs in at an enrolled PC (the sign-in screen is showing). */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Anmelden' })).toBeVisible({ timeout: 30_000 });
  // A sign-in still being checked ignores a second Enter: wait for the last answer first.
  await expect(page.locator('form[aria-busy="true"]')).toHaveCount(0);
  await page.getByLabel('Benutzername').fill(username);
  await page.getByLabel('Kennwort').fill(password);
  await page.getByLabel('Kennwort').press('Enter');
}

/** Issue 7 item 2: an administrator enrolls this PC at the PC itself, by keyboard. */
export async function enrollPc(page: Page, site: string, profile: Profile = 'counter'): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Diesen PC einrichten' })).toBeVisible({ timeout: 30_000 });
  await page.getByLabel('Mit Anmeldung der Administration').check();
  await page.getByLabel('Benutzername (Administration)').fill(DEMO_ADMIN);
  await page.getByLabel('Kennwort').fill(DEMO_PASSWORD);
  await page.getByLabel('Standort dieses PCs').selectOption({ label: site });
  await page.getByLabel('Profil').selectOption(profile);
  await page.getByLabel('Name dieses PCs').fill(`Test-PC ${site} ${profile}`);
  await page.getByLabel('Name dieses PCs').press('Enter');
}

/** First start: choose site and person, all by keyboard. */
export async function openDesk(page: Page, options: Partial<DeskOptions> = {}): Promise<void> {
  const { startAt = DESK_MORNING, site = 'Bad Ems', staff = / – Eingangszone$/, nth = 0, profile = 'counter' } = options;
  await page.clock.install({ time: startAt });
  await page.goto('/');
  const standalone = page.getByRole('heading', { name: 'Anlaufstelle einrichten' });
  const enroll = page.getByRole('heading', { name: 'Diesen PC einrichten' });
  await expect(standalone.or(enroll)).toBeVisible({ timeout: 30_000 });
  if (await enroll.isVisible()) {
    // With a sync service (issue 7): enroll the PC, then the person signs in.
    await enrollPc(page, site, profile);
    await signIn(page, demoPerson(site, staff, nth).username);
    await expect(page.getByRole('navigation', { name: 'Hauptnavigation' })).toBeVisible();
    return;
  }
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
