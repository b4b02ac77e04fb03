import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { expect, expectNoA11yViolations, openDesk, test } from './fixtures';
import { recordAtCounter } from './steps';

/**
 * Issue 8: "Auswertungen" for the site leads and the management, end to end in Chromium. The test
 * switches the demo history off and records its own visitors, so every figure it reads is
 * determined by this test alone.
 */
test('issue 8: the GF opens the Auswertungen by keyboard, narrows period and sites, reads a figure, exports CSV and Excel and prints', async ({ page }) => {
  await openDesk(page, { staff: / – Geschäftsführung/ });
  // No demo history: only what this test records counts.
  await page.keyboard.press('Alt+0');
  await page.getByLabel(/^Demodaten anzeigen/).uncheck();
  await page.getByRole('button', { name: /^Speichern/ }).press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Einstellungen gespeichert.' })).toBeVisible();

  await recordAtCounter(page, { kind: 'benefits', label: 'Herr Zählbar' });
  await recordAtCounter(page, { kind: 'application', label: 'Frau Zählbar' });

  // Alt+7: the screen, focus on the period's kind.
  await page.keyboard.press('Alt+7');
  await expect(page.getByRole('heading', { level: 1, name: 'Auswertungen' })).toBeVisible();
  const kind = page.getByLabel('Zeitraum', { exact: true });
  await expect(kind).toBeFocused();
  await kind.selectOption({ label: 'Tag' });
  // The GF starts with all four sites; Bad Ems alone now.
  for (const site of ['Diez', 'Lahnstein', 'Nastätten']) await page.getByRole('checkbox', { name: site }).uncheck();
  const status = page.locator('.report-status');
  await expect(status).toHaveText('Do, 26.11.2026 · Bad Ems · nur Anzahlen und Dauern, keine personenbezogenen Daten');

  // The comparison with the day before: 2 visits today, none the day before.
  const comparison = page.getByRole('table', { name: /^Vergleich mit der Vorperiode/ });
  await expect(comparison.getByRole('row', { name: /^Vorsprachen / })).toHaveText(/Vorsprachen\s*Anzahl\s*2\s*0\s*2/);
  const perSite = page.getByRole('table', { name: 'Vorsprachen je Standort' });
  await expect(perSite.getByRole('row', { name: /^Bad Ems/ })).toContainText('2');
  // Nothing personal anywhere on the screen (issue 8 item 5).
  await expect(page.getByText('Zählbar')).toHaveCount(0);

  // The definition is one keystroke away: Tab to the disclosure, Enter.
  const definition = page.locator('section[data-table-id="vorsprachen-standorte"] details');
  await definition.locator('summary').focus();
  await page.keyboard.press('Enter');
  await expect(definition).toHaveAttribute('open', '');
  await expectNoA11yViolations(page, 'Auswertungen');

  // CSV for German Excel: BOM, semicolons.
  const csvDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Vorsprachen je Standort als CSV speichern' }).click();
  const csv = await readFile((await (await csvDownload).path())!, 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv).toContain('Standort;');
  expect(csv).toMatch(/\r\nBad Ems;2;/);

  // Excel: a real workbook with the number as a number.
  const xlsxDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Vorsprachen je Standort als Excel-Datei speichern' }).click();
  const download = await xlsxDownload;
  expect(download.suggestedFilename()).toBe('auswertung-vorsprachen-standorte-2026-11-26.xlsx');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  expect(ws.getCell('A1').value).toBe('Vorsprachen je Standort');
  const badEms = ws.getRows(1, ws.rowCount)!.find((r) => r.getCell(1).value === 'Bad Ems')!;
  expect(badEms.getCell(2).value).toBe(2);

  // Print / PDF: the whole report through the platform bridge (web: a hidden iframe).
  await page.getByRole('button', { name: 'Drucken / PDF' }).click();
  const printed = page.frameLocator('iframe[title="Bericht"]');
  await expect(printed.locator('h1')).toHaveText('Auswertungen – Anlaufstellen des Jobcenters Rhein-Lahn');
  await expect(printed.locator('body')).toContainText('Zeitraum: Do, 26.11.2026');
  await expect(printed.locator('body')).toContainText('Standorte: Bad Ems');
  await expect(printed.locator('body')).toContainText('Vorsprachen je Standort');
});

test('issue 8: a free range that ends before it starts is refused in German and computes nothing; a clerk without a lead role is told who sees the figures', async ({ page }) => {
  await openDesk(page, { staff: / – Geschäftsführung/ });
  await page.keyboard.press('Alt+7');
  await page.getByLabel('Zeitraum', { exact: true }).selectOption({ label: 'Freier Zeitraum' });
  await page.getByLabel('Von').fill('2026-11-26');
  await page.getByLabel('Bis').fill('2026-11-20');
  await expect(page.getByRole('alert')).toHaveText('Das Ende liegt vor dem Beginn. Bitte den Zeitraum prüfen.');
  await expect(page.getByRole('table')).toHaveCount(0);

  await page.keyboard.press('Alt+0');
  await page.getByLabel('Am Platz').selectOption({ index: 1 });
  await page.getByRole('button', { name: /^Speichern/ }).press('Enter');
  await page.keyboard.press('Alt+7');
  await expect(page.getByText(/Die Auswertungen sehen die standortverantwortlichen Fallmanager\/innen/)).toBeVisible();
  await expectNoA11yViolations(page, 'Auswertungen ohne Leserolle');
});
