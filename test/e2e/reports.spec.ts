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
  await expect(status).toHaveText(/^Do, 26\.11\.2026 · Bad Ems · Stand \d\d:\d\d Uhr · nur Anzahlen und Dauern, keine personenbezogenen Daten$/);

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
  // Issue 8 items 3, 4: the charts are in the printout too, drawn above their tables.
  await expect(printed.locator('svg.chart')).not.toHaveCount(0);
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

test('issue 8 item 3: four charts beside their tables – figures with captions, images with a German summary, readable without colour – and axe finds nothing', async ({ page }) => {
  // The demo history (on by default) fills the week: visits, handoffs and callback tickets.
  await openDesk(page, { staff: / – Geschäftsführung/ });
  await page.keyboard.press('Alt+7');
  await expect(page.getByRole('heading', { level: 1, name: 'Auswertungen' })).toBeVisible();
  await expect(page.locator('.report-status')).toHaveText(/^KW 48\/2026/);

  const charts = page.locator('figure.report-chart');
  await expect(charts).toHaveCount(4);
  const expected = [
    ['vorsprachen-anliegensart', 'Diagramm: Vorsprachen nach Anliegensart'],
    ['vorsprachen-wochentag-stunde', 'Diagramm: Vorsprachen nach Wochentag und Stunde'],
    ['weiterleitungen-wartezeit', 'Diagramm: Weiterleitungen: Wartezeit je Standort'],
    ['tickets-quote-woche', 'Diagramm: Quote fristgerecht je Woche'],
  ] as const;
  for (const [tableId, caption] of expected) {
    const section = page.locator(`section[data-table-id="${tableId}"]`);
    const figure = section.locator('figure.report-chart');
    await expect(figure.locator('figcaption')).toContainText(caption);
    // The chart is one image with a summary that points to the table beside it – which is still there.
    const image = figure.getByRole('img', { name: /^Diagramm: .* Die Zahlen stehen in der Tabelle daneben\.$/ });
    await expect(image).toHaveCount(1);
    await expect(section.getByRole('table')).toBeVisible();
  }
  // Only these four tables have a chart.
  await expect(page.locator('section[data-table-id="vorsprachen-standorte"] figure')).toHaveCount(0);

  // Without colour: the heat map's cells print the table's numbers, the bars and the line have text legends.
  const heat = page.locator('section[data-table-id="vorsprachen-wochentag-stunde"]');
  const firstRow = heat.getByRole('table').locator('tbody tr').first();
  const firstCount = (await firstRow.locator('td').first().textContent())!.trim();
  await expect(heat.locator('svg.report-heatmap g[data-value]').first()).toHaveAttribute('data-value', firstCount.replace('.', ''));
  await expect(heat.locator('svg.report-heatmap g[data-value]').first().locator('text')).toHaveText(firstCount);
  const kinds = page.locator('section[data-table-id="vorsprachen-anliegensart"] .report-chart-legend li');
  await expect(kinds).toHaveText([/^Schnellanliegen \(voll\)/, /^Antragstellung/, /^Allgemeine Leistungsanliegen/, /^Sonstige Anliegen/]);
  await expect(page.locator('section[data-table-id="weiterleitungen-wartezeit"] .report-chart-legend li')).toHaveText([
    /^Median Wartezeit \(Min\.\) \(voll\)/,
    /^90\. Perzentil Wartezeit \(Min\.\) \(schräg schraffiert\)/,
  ]);
  // Bars are drawn (recharts renders them once laid out).
  await expect(page.locator('section[data-table-id="vorsprachen-anliegensart"] .recharts-bar-rectangle').first()).toBeVisible();
  await expect(page.locator('section[data-table-id="tickets-quote-woche"] .recharts-line')).toHaveCount(1);

  await expectNoA11yViolations(page, 'Auswertungen mit Diagrammen');

  // A month: the line has a labelled point for every week with a rate in the table.
  await page.getByLabel('Zeitraum', { exact: true }).selectOption({ label: 'Monat' });
  await expect(page.locator('.report-status')).toHaveText(/^November 2026/);
  const weekly = page.locator('section[data-table-id="tickets-quote-woche"]');
  const rates = await weekly.getByRole('table').locator('tbody tr td:last-child').allTextContents();
  const withRate = rates.map((r) => r.trim()).filter((r) => r !== '–');
  expect(withRate.length).toBeGreaterThan(1);
  await expect(weekly.locator('.recharts-label-list text')).toHaveText(withRate);
  await expectNoA11yViolations(page, 'Auswertungen mit Diagrammen, Monat');
});
