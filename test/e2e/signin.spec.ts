import type { Browser, BrowserContext, Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../../shared/demo/accounts';
import { SITE_SEED } from '../../shared/demo/directory';
import { demoPerson, enrollPc, expect, expectNoA11yViolations, signIn, test, DESK_MORNING } from './fixtures';
import { SYNCED_PAGE_URL } from './ports';
import { openQueue, recordAtCounter } from './steps';

/**
 * Issue 7: sign-in, lock, user switch and permissions in the browser, against the test run's sync
 * service (demo accounts, password "anlaufstelle"). Each browser context is one PC.
 */
test.use({ baseURL: SYNCED_PAGE_URL });

interface Pc {
  context: BrowserContext;
  page: Page;
}

async function enrolledPc(browser: Browser, site: string, profile: 'counter' | 'office' | 'lead' = 'counter'): Promise<Pc> {
  const context = await browser.newContext({ baseURL: SYNCED_PAGE_URL, locale: 'de-DE', timezoneId: 'Europe/Berlin' });
  const page = await context.newPage();
  await page.clock.install({ time: DESK_MORNING });
  await page.goto('/');
  await enrollPc(page, site, profile);
  await expect(page.getByRole('heading', { name: 'Anmelden' })).toBeVisible();
  return { context, page };
}

const unique = () => Math.random().toString(36).slice(2, 7);

test('issue 7 item 1: sign-in with a wrong password is refused in German and changes nothing; the right one opens the app as that person', async ({ browser }) => {
  const { context, page } = await enrolledPc(browser, 'Lahnstein');
  await expectNoA11yViolations(page, 'Anmelden');
  const anna = demoPerson('Lahnstein', / – Eingangszone$/);
  await signIn(page, anna.username, 'ganz-falsch-123');
  await expect(page.getByRole('alert')).toHaveText('Benutzername oder Kennwort ist falsch.');
  await expect(page.getByRole('navigation', { name: 'Hauptnavigation' })).toHaveCount(0);
  // The same words for a name nobody has: no one learns which names exist.
  await signIn(page, 'gibt.es.nicht', 'ganz-falsch-123');
  await expect(page.getByRole('alert')).toHaveText('Benutzername oder Kennwort ist falsch.');
  await signIn(page, anna.username);
  await expect(page.getByRole('navigation', { name: 'Hauptnavigation' })).toBeVisible();
  await expect(page.locator('.session-menu')).toContainText(`Angemeldet: ${anna.name}`);
  await context.close();
});

test('issue 7 item 4: the screen locks after 5 idle minutes and at once with Strg+Alt+L, hiding every name; the password unlocks; "Benutzer wechseln" lets the next person sign in', async ({ browser }) => {
  const { context, page } = await enrolledPc(browser, 'Lahnstein');
  const anna = demoPerson('Lahnstein', / – Eingangszone$/);
  const ben = demoPerson('Lahnstein', / – Eingangszone$/, 1);
  await signIn(page, anna.username);
  const visitor = `Frau Lock ${unique()}`;
  await recordAtCounter(page, { kind: 'benefits', label: visitor });
  const { waiting } = await openQueue(page);
  await expect(waiting).toContainText(visitor);

  // Five minutes without a key or a mouse move: locked, and nothing of the queue is on the page.
  await page.clock.fastForward('05:10');
  await expect(page.getByRole('heading', { name: 'Gesperrt' })).toBeVisible();
  await expect(page.locator('body')).not.toContainText(visitor);
  await expect(page.getByRole('navigation', { name: 'Hauptnavigation' })).toHaveCount(0);
  await expectNoA11yViolations(page, 'Gesperrt');
  await page.getByLabel('Kennwort').fill('falsch-falsch-1');
  await page.getByLabel('Kennwort').press('Enter');
  await expect(page.getByRole('alert')).toHaveText('Das Kennwort ist falsch (noch 4 Versuche).');
  await page.getByLabel('Kennwort').fill(DEMO_PASSWORD);
  await page.getByLabel('Kennwort').press('Enter');
  await expect(waiting).toContainText(visitor);

  // The key combination locks at once (a visitor steps up while the clerk turns away).
  await page.keyboard.press('Control+Alt+l');
  await expect(page.getByRole('heading', { name: 'Gesperrt' })).toBeVisible();
  await expect(page.locator('body')).not.toContainText(visitor);

  // Quick user switch: the next clerk signs in at the same PC.
  await page.getByRole('button', { name: 'Benutzer wechseln' }).click();
  await signIn(page, ben.username);
  await expect(page.locator('.session-menu')).toContainText(`Angemeldet: ${ben.name}`);
  const queue = await openQueue(page);
  await expect(queue.waiting).toContainText(visitor);
  await context.close();
});

test('issue 7 item 3: someone who signed in at this PC signs in again while the service is unreachable; a wrong password counts down', async ({ browser }) => {
  const { context, page } = await enrolledPc(browser, 'Lahnstein');
  const anna = demoPerson('Lahnstein', / – Eingangszone$/, 2);
  await signIn(page, anna.username);
  await expect(page.locator('.session-menu')).toContainText(`Angemeldet: ${anna.name}`);
  await page.getByRole('button', { name: 'Abmelden / Benutzer wechseln' }).click();
  await context.setOffline(true);
  await signIn(page, anna.username, 'falsch-falsch-1');
  await expect(page.getByRole('alert')).toContainText('ohne Verbindung zum Sync-Dienst geprüft; noch 4 Versuche');
  await signIn(page, anna.username);
  await expect(page.locator('.session-menu')).toContainText('(ohne Verbindung angemeldet)');
  // Someone who never signed in here cannot sign in offline.
  await page.getByRole('button', { name: 'Abmelden / Benutzer wechseln' }).click();
  await signIn(page, demoPerson('Lahnstein', / – Leistungsbereich$/).username);
  await expect(page.getByRole('alert')).toContainText('hat sich an diesem PC noch nie angemeldet');
  await context.close();
});

test('issue 7 item 3: what a clerk records after an offline sign-in reaches the back office once the PC reconnects, after she has signed out – proven by her password, not by the PC', async ({ browser }) => {
  test.setTimeout(120_000);
  const counter = await enrolledPc(browser, 'Diez');
  const anna = demoPerson('Diez', / – Eingangszone$/);
  const ben = demoPerson('Diez', / – Eingangszone$/, 1);
  // Both signed in here once with a connection (that is what makes an offline sign-in possible).
  for (const person of [anna, ben]) {
    await signIn(counter.page, person.username);
    await expect(counter.page.locator('.session-menu')).toContainText(`Angemeldet: ${person.name}`);
    await counter.page.getByRole('button', { name: 'Abmelden / Benutzer wechseln' }).click();
  }
  await counter.context.setOffline(true);
  await signIn(counter.page, anna.username);
  await expect(counter.page.locator('.session-menu')).toContainText('(ohne Verbindung angemeldet)');
  const visitor = `Frau Nachweis ${unique()}`;
  await recordAtCounter(counter.page, { kind: 'benefits', label: visitor });
  // She goes; Ben takes over the counter, still without a connection.
  await counter.page.getByRole('button', { name: 'Abmelden / Benutzer wechseln' }).click();
  await signIn(counter.page, ben.username);
  await expect(counter.page.locator('.session-menu')).toContainText(`Angemeldet: ${ben.name}`);

  const office = await enrolledPc(browser, 'Diez', 'office');
  await signIn(office.page, demoPerson('Diez', / – Leistungsbereich$/).username);
  const { waiting } = await openQueue(office.page);
  await expect(waiting.getByRole('option', { name: new RegExp(visitor) })).toHaveCount(0);
  await counter.context.setOffline(false);
  await expect(waiting.getByRole('option', { name: new RegExp(visitor) })).toBeVisible({ timeout: 30_000 });
  await expect(counter.page.getByTestId('sync-status')).toHaveText('Sync: verbunden', { timeout: 20_000 });
  for (const pc of [counter, office]) await pc.context.close();
});

test('issue 7 item 3: a change put into the PC’s database in a clerk’s name behind her back waits; she sees it at her next sign-in and only her confirmation sends it', async ({ browser }) => {
  test.setTimeout(120_000);
  const counter = await enrolledPc(browser, 'Bad Ems');
  const anna = demoPerson('Bad Ems', / – Eingangszone$/);
  const ben = demoPerson('Bad Ems', / – Eingangszone$/, 1);
  await signIn(counter.page, anna.username);
  await expect(counter.page.locator('.session-menu')).toContainText(`Angemeldet: ${anna.name}`);
  await counter.page.getByRole('button', { name: 'Abmelden / Benutzer wechseln' }).click();
  await signIn(counter.page, ben.username);
  await expect(counter.page.locator('.session-menu')).toContainText(`Angemeldet: ${ben.name}`);
  // While Ben works here, a visit in Anna's name is written straight into the PC's database.
  await counter.page.evaluate(
    async ({ staffId, siteId }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('anlaufstelle');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const at = new Date().toISOString();
      const id = crypto.randomUUID();
      const visit = { id, createdAt: at, createdBy: staffId, updatedAt: at, updatedBy: staffId, deletedAt: null, siteId, arrivedAt: at, concernKind: 'quick', quickSubtype: null, acute: false, outcome: 'closed-at-desk', verbisCheck: 'no-need', digitalCheck: 'not-first-visit', servedBy: staffId, handoffIds: [], ticketId: null, lbCover: false };
      const tx = db.transaction(['visits', 'outbox'], 'readwrite');
      tx.objectStore('visits').put(visit);
      tx.objectStore('outbox').put({ id: crypto.randomUUID(), table: 'visits', recordId: id, op: 'put', at, by: staffId, hlc: `${at}-0000-planted`, txId: crypto.randomUUID() });
      await new Promise((resolve) => (tx.oncomplete = resolve));
    },
    { staffId: anna.id, siteId: SITE_SEED.find((s) => s.name === 'Bad Ems')!.id },
  );
  // The app starts anew (its database read afresh) and Ben signs in again: the change is not sent in
  // her name, and Ben is not asked (it is not his).
  await counter.page.reload();
  await signIn(counter.page, ben.username);
  await expect(counter.page.getByTestId('sync-status')).toHaveText('Sync: verbunden – 1 Änderung wartet', { timeout: 20_000 });
  await expect(counter.page.getByRole('region', { name: /In Ihrem Namen wartet/ })).toHaveCount(0);

  await counter.page.getByRole('button', { name: 'Abmelden / Benutzer wechseln' }).click();
  await signIn(counter.page, anna.username);
  const waiting = counter.page.getByRole('region', { name: 'In Ihrem Namen wartet eine Änderung' });
  await expect(waiting).toContainText('Besuche ·');
  await expectNoA11yViolations(counter.page, 'Wartende Änderung');
  // Her sign-in alone sends nothing.
  await expect(counter.page.getByTestId('sync-status')).toHaveText('Sync: verbunden – 1 Änderung wartet');
  await waiting.getByRole('button', { name: 'Bestätigen und senden' }).click();
  await expect(waiting).toHaveCount(0);
  await expect(counter.page.getByTestId('sync-status')).toHaveText('Sync: verbunden', { timeout: 20_000 });
  await counter.context.close();
});

test('issue 7 item 5, seed §4.5: an EZ clerk is not offered the TL decision on the board, and the service refuses it when her PC sends it anyway', async ({ browser }) => {
  // The demo roster (the same on every PC): today Nastätten's rostered clerk is off sick.
  const { context, page } = await enrolledPc(browser, 'Nastätten');
  const clerk = demoPerson('Nastätten', / – Eingangszone$/);
  await signIn(page, clerk.username);
  await page.keyboard.press('Alt+5');
  const board = page.getByRole('grid', { name: 'Besetzung der Anlaufstellen' });
  await expect(board.locator('[role="gridcell"][tabindex="0"]')).toBeFocused();
  await expect(page.getByText(`Sie entscheiden als: ${clerk.name} (Eingangszone).`)).toBeVisible();
  const today = board.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Nastätten' }) }).getByRole('gridcell').nth(2);
  await expect(today).toContainText('Gefährdet');
  await today.click();
  await page.keyboard.press('Enter');
  const panel = page.getByRole('region', { name: /^Nastätten · Do, 26\.11\.2026 · 08:00–12:00$/ });
  await expect(panel.getByRole('listitem').filter({ hasText: 'Entscheidet:' }).first()).toBeVisible();
  // Offered as a decision she cannot take: every "annehmen" is disabled, with the reason beside it.
  const accepts = panel.getByRole('button', { name: / annehmen$/ });
  expect(await accepts.count()).toBeGreaterThan(0);
  for (const button of await accepts.all()) await expect(button).toBeDisabled();
  await expect(panel).toContainText('eine andere Person meldet sich an');

  // Forced: the PC sends a cross-site decision in her name straight to the service, with her own sign-in.
  const nastaetten = SITE_SEED.find((s) => s.name === 'Nastätten')!.id;
  const answer = await page.evaluate(
    async ({ siteId, staffId, username, password }) => {
      const cred = JSON.parse(localStorage.getItem('anlaufstelle.device') ?? '{}') as { deviceId: string; secret: string };
      const tokenRes = await fetch('/sync/v1/device-token', { method: 'POST', headers: { authorization: `Device ${cred.deviceId}.${cred.secret}` } });
      const { token } = (await tokenRes.json()) as { token: string };
      const signInRes = await fetch('/sync/v1/sign-in', { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
      const user = (await signInRes.json()) as { token: string };
      const at = new Date().toISOString();
      const id = crypto.randomUUID();
      const record = {
        id,
        createdAt: at,
        createdBy: staffId,
        updatedAt: at,
        updatedBy: staffId,
        deletedAt: null,
        siteId,
        date: '2026-11-26',
        sessionStart: '08:00',
        staffId,
        source: 'ez-other-site',
        decidedBy: 'TL_EZ',
        status: 'accepted',
        decidedByStaffId: staffId,
        note: '',
      };
      const res = await fetch('/sync/v1/push', {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'x-anl-user-token': user.token, 'x-anl-protocol': '1', 'content-type': 'application/json' },
        body: JSON.stringify({ groups: [{ txId: crypto.randomUUID(), changes: [{ changeId: crypto.randomUUID(), table: 'coverDecisions', id, op: 'put', hlc: `${at}-0000-forced`, record }] }] }),
      });
      return (await res.json()) as { results: { status: string; code?: string; message?: string }[] };
    },
    { siteId: nastaetten, staffId: clerk.id, username: clerk.username, password: DEMO_PASSWORD },
  );
  expect(answer.results[0]).toMatchObject({ status: 'rejected', code: 'auth.forbidden' });
  expect(answer.results[0]?.message).toContain('GA §4.5');
  await context.close();
});

test('issue 7 item 2: a PC shows nothing before it is enrolled; a wrong administrator password is refused in German', async ({ browser }) => {
  const context = await browser.newContext({ baseURL: SYNCED_PAGE_URL, locale: 'de-DE', timezoneId: 'Europe/Berlin' });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Diesen PC einrichten' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('navigation', { name: 'Hauptnavigation' })).toHaveCount(0);
  await expectNoA11yViolations(page, 'Diesen PC einrichten');
  await page.getByLabel('Einrichtungscode', { exact: true }).fill('AAAAA-BBBBB');
  await page.getByLabel('Name dieses PCs').fill('Tresen X');
  await page.getByLabel('Name dieses PCs').press('Enter');
  await expect(page.getByRole('alert')).toContainText('Der Einrichtungscode ist ungültig, schon benutzt oder abgelaufen.');
  await page.getByLabel('Mit Anmeldung der Administration').check();
  await page.getByLabel('Benutzername (Administration)').fill(demoPerson('Lahnstein', / – Eingangszone$/).username);
  await page.getByLabel('Kennwort').fill(DEMO_PASSWORD);
  await page.getByLabel('Standort dieses PCs').selectOption({ label: 'Lahnstein' });
  await page.getByLabel('Name dieses PCs').press('Enter');
  await expect(page.getByRole('alert')).toHaveText('PCs richtet nur die Administration ein.');
  await context.close();
});
