import { resolve } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';

const mainEntry = resolve(import.meta.dirname, '../../out/main/index.js');

// Root in a container cannot use Chromium's OS sandbox; the renderer's `sandbox: true` is
// still what the app asks for, and Windows desks never run as root.
const args = process.getuid?.() === 0 ? [mainEntry, '--no-sandbox'] : [mainEntry];

let app: ElectronApplication;
let page: Page;

test.beforeAll(async () => {
  // No dev server: the app must load the built renderer from app://anlaufstelle.
  const env = { ...process.env } as Record<string, string>;
  delete env.ELECTRON_RENDERER_URL;
  app = await electron.launch({ args, env });
  page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
});

test.afterAll(async () => {
  await app?.close();
});

test('opens one window titled "Anlaufstelle", served from app://anlaufstelle (STYLE 6)', async () => {
  expect(new URL(page.url()).protocol).toBe('app:');
  expect(new URL(page.url()).host).toBe('anlaufstelle');
  const titles = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((w) => w.getTitle()));
  expect(titles).toEqual(['Anlaufstelle']);
});

test('the renderer has the bridge and no Node (SPEC §10 "Safe": no Node in the renderer)', async () => {
  expect(await page.evaluate(() => window.anlaufstelle?.kind)).toBe('electron');
  // Issue 10 item 7: Chromium speaks German whatever the Windows language (--lang=de-DE in main).
  expect(await page.evaluate(() => navigator.language)).toBe('de-DE');
  expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
  expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
  expect(await page.evaluate(() => Object.keys(window.anlaufstelle ?? {}).sort())).toEqual([
    'appInfo',
    'kind',
    'notify',
    'printReceipt',
    'saveFile',
  ]);
});

test('main answers through the bridge and refuses bad input in German (STYLE 5)', async () => {
  const info = await page.evaluate(() => window.anlaufstelle?.appInfo());
  expect(info).toMatchObject({ ok: true, value: { kind: 'electron' } });
  const refused = await page.evaluate(() => window.anlaufstelle?.printReceipt({ siteName: '' } as never));
  expect(refused).toMatchObject({ ok: false, error: expect.stringMatching(/^Der Beleg wurde nicht gedruckt\./) });
});

test('the CSP header applies and new windows are denied (Electron security checklist 7, 14)', async () => {
  const evalBlocked = await page.evaluate(() => {
    try {
      return (0, eval)('1') !== 1;
    } catch {
      return true;
    }
  });
  expect(evalBlocked).toBe(true);
  expect(await page.evaluate(() => window.open('https://example.org/') === null)).toBe(true);
});
