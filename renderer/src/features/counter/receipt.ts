import type { Receipt } from '@shared/bridge/contract';
import type { CallbackTicket } from '@shared/model';
import { DEPARTMENT_LABELS } from '@shared/model';

/**
 * The customer's receipt for a new callback ticket: site, reference, times and department only.
 * No name, phone or customer number (SPEC §9: personal data is minimal; it leaves the building).
 */
export function receiptFor(ticket: Pick<CallbackTicket, 'ref' | 'createdAt' | 'dueAt' | 'department'>, siteName: string): Receipt {
  return {
    siteName,
    ticketRef: ticket.ref,
    createdAt: ticket.createdAt,
    dueAt: ticket.dueAt,
    departmentLabel: DEPARTMENT_LABELS[ticket.department],
  };
}
