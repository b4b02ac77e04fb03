import type { Receipt } from '@shared/bridge/contract';

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
