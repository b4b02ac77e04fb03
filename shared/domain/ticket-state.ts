import type { TicketStatus } from '../model/vocabulary';

/**
 * The callback ticket's lifecycle (SPEC §5): open → assigned → contacted → closed.
 * Failed attempts are logged on an assigned ticket and do not change its state (the clock runs on).
 */
export type TicketEvent = 'distribute' | 'log-attempt' | 'record-contact' | 'close';

export const TICKET_EVENT_LABELS: Record<TicketEvent, string> = {
  distribute: 'Ticket verteilen',
  'log-attempt': 'Rückrufversuch erfassen',
  'record-contact': 'Kontakt erfassen',
  close: 'Ticket abschließen',
};

const TRANSITIONS: Record<TicketStatus, Partial<Record<TicketEvent, TicketStatus>>> = {
  open: { distribute: 'assigned' },
  // Re-distribution to another team or person stays "assigned".
  assigned: { distribute: 'assigned', 'log-attempt': 'assigned', 'record-contact': 'contacted' },
  contacted: { close: 'closed' },
  closed: {},
};

/** Why an event is refused in a state – German, shown to the clerk as is. */
const REFUSALS: Record<TicketStatus, string> = {
  open: 'Das Ticket ist noch nicht verteilt. Bitte zuerst die Ticketverteilung vornehmen.',
  assigned: 'Das Ticket kann erst nach einem erfolgreichen Kontakt abgeschlossen werden.',
  contacted: 'Der Kontakt ist bereits erfasst; das Ticket kann nur noch abgeschlossen werden.',
  closed: 'Das Ticket ist abgeschlossen und kann nicht mehr geändert werden.',
};

export class IllegalTransitionError extends Error {
  override readonly name = 'IllegalTransitionError';
  constructor(
    readonly from: TicketStatus,
    readonly event: TicketEvent,
  ) {
    super(`${TICKET_EVENT_LABELS[event]} ist nicht möglich: ${REFUSALS[from]}`);
  }
}

export function canApply(from: TicketStatus, event: TicketEvent): boolean {
  return TRANSITIONS[from][event] !== undefined;
}

/** The next state, or an IllegalTransitionError with a German message. */
export function nextTicketStatus(from: TicketStatus, event: TicketEvent): TicketStatus {
  const to = TRANSITIONS[from][event];
  if (to === undefined) throw new IllegalTransitionError(from, event);
  return to;
}

export function allowedEvents(from: TicketStatus): TicketEvent[] {
  return Object.keys(TRANSITIONS[from]) as TicketEvent[];
}
