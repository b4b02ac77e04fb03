import type { Receipt, ReportPrint } from '@shared/bridge/contract';

/** A receipt as the counter creates it: Thu 15.01.2026 10:00 → due Fri 16.01.2026 10:00 (SPEC §5). */
export function validReceipt(overrides: Partial<Receipt> = {}): Receipt {
  return {
    siteName: 'Bad Ems',
    ticketRef: 'BE-7K3F9Q',
    createdAt: '2026-01-15T09:00:00.000Z',
    dueAt: '2026-01-16T09:00:00.000Z',
    departmentLabel: 'Markt & Integration',
    ...overrides,
  };
}

/** A small printed report as the Auswertungen screen sends it (issue 8 item 4). */
export function validReport(overrides: Partial<ReportPrint> = {}): ReportPrint {
  return {
    title: 'Auswertungen – Anlaufstellen des Jobcenters Rhein-Lahn',
    periodLabel: 'KW 48/2026 (23.11.2026–29.11.2026)',
    siteNames: ['Bad Ems', 'Diez'],
    createdAt: '2026-11-26T08:00:00.000Z',
    tables: [
      {
        title: 'Vorsprachen je Standort',
        definition: 'Gezählt wird jede erfasste Vorsprache.',
        columns: ['Standort', 'Vorsprachen', 'Anteil abgeschlossen (%)'],
        rows: [
          ['Bad Ems', '1.234', '45,3 %'],
          ['Diez', '0', '–'],
        ],
      },
    ],
    ...overrides,
  };
}
