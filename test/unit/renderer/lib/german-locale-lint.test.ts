import { join } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * Issue 10 item 7: "12/03/2026" and "02:30 PM" appeared wherever a date was formatted with the
 * browser's language. The lint rule (eslint.config.js, germanLocale) refuses every Intl or
 * toLocale… call in renderer/ and shared/ that does not name 'de-DE' (and, for dates, the zone).
 */
const root = join(import.meta.dirname, '..', '..', '..', '..');
let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

async function messages(code: string, filePath = 'renderer/src/lib/example.ts'): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, filePath) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

describe('no locale-less date, time or number formatting in renderer/ and shared/ (issue 10 item 7)', () => {
  it.each([
    ['toLocaleDateString()', 'export const s = new Date().toLocaleDateString();'],
    ['toLocaleTimeString() with options but no locale', "export const s = new Date().toLocaleTimeString(undefined, { timeZone: 'Europe/Berlin' });"],
    ['toLocaleString() of a number', 'export const s = (1234.5).toLocaleString();'],
    ['Intl.DateTimeFormat() with the default locale', "export const f = new Intl.DateTimeFormat(undefined, { timeZone: 'Europe/Berlin' });"],
    ['Intl.NumberFormat in English', "export const f = new Intl.NumberFormat('en-US');"],
    ['Intl.DateTimeFormat called without new', "export const f = Intl.DateTimeFormat([], { timeZone: 'Europe/Berlin' });"],
  ])('refuses %s', async (_name, code) => {
    expect(await messages(code)).toContainEqual(expect.stringContaining("'de-DE' angeben"));
  });

  it('refuses a German date formatter without the Berlin zone (the machine zone would decide)', async () => {
    expect(await messages("export const f = new Intl.DateTimeFormat('de-DE', { dateStyle: 'short' });")).toContainEqual(
      expect.stringContaining("timeZone: 'Europe/Berlin'"),
    );
    expect(await messages("export const s = new Date().toLocaleDateString('de-DE');", 'shared/domain/example.ts')).toContainEqual(
      expect.stringContaining("timeZone: 'Europe/Berlin'"),
    );
  });

  it('accepts German with the Berlin zone, and German numbers', async () => {
    expect(await messages("export const f = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', dateStyle: 'short' });")).toEqual([]);
    expect(await messages("export const s = new Date().toLocaleTimeString('de-DE', { timeZone: 'Europe/Berlin' });")).toEqual([]);
    expect(await messages("export const s = (1234.5).toLocaleString('de-DE');")).toEqual([]);
  });
});
