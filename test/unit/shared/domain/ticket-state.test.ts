import { describe, expect, it } from 'vitest';
import {
  allowedEvents,
  canApply,
  IllegalTransitionError,
  nextTicketStatus,
  type TicketEvent,
} from '../../../../shared/domain/ticket-state';
import type { TicketStatus } from '../../../../shared/model/vocabulary';

const EVENTS: TicketEvent[] = ['distribute', 'log-attempt', 'record-contact', 'close'];

describe('ticket lifecycle open → assigned → contacted → closed (SPEC §5)', () => {
  it.each([
    ['open', 'distribute', 'assigned'],
    ['assigned', 'distribute', 'assigned'],
    ['assigned', 'log-attempt', 'assigned'],
    ['assigned', 'record-contact', 'contacted'],
    ['contacted', 'close', 'closed'],
  ] as const)('%s + %s → %s', (from, event, to) => {
    expect(nextTicketStatus(from, event)).toBe(to);
    expect(canApply(from, event)).toBe(true);
  });

  it('SPEC §5: a failed callback attempt leaves the ticket assigned – the clock keeps running', () => {
    expect(nextTicketStatus('assigned', 'log-attempt')).toBe('assigned');
  });

  it('Ticketverteilung comes first: an open ticket cannot be contacted, attempted or closed', () => {
    expect(allowedEvents('open')).toEqual(['distribute']);
  });

  it('a contacted ticket can only be closed; a closed ticket accepts nothing', () => {
    expect(allowedEvents('contacted')).toEqual(['close']);
    expect(allowedEvents('closed')).toEqual([]);
  });

  const illegal = (['open', 'assigned', 'contacted', 'closed'] as TicketStatus[]).flatMap((from) =>
    EVENTS.filter((e) => !allowedEvents(from).includes(e)).map((e) => [from, e] as const),
  );

  it('covers every illegal pair of state and event (11 of 16)', () => {
    expect(illegal).toHaveLength(11);
  });

  it.each(illegal)('%s + %s is refused with a German IllegalTransitionError', (from, event) => {
    expect(canApply(from, event)).toBe(false);
    let caught: unknown;
    try {
      nextTicketStatus(from, event);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(IllegalTransitionError);
    const error = caught as IllegalTransitionError;
    expect(error.from).toBe(from);
    expect(error.event).toBe(event);
    expect(error.message).toMatch(/ist nicht möglich: /);
  });

  it('tells the clerk what to do instead', () => {
    expect(() => nextTicketStatus('open', 'record-contact')).toThrow(
      'Kontakt erfassen ist nicht möglich: Das Ticket ist noch nicht verteilt. Bitte zuerst die Ticketverteilung vornehmen.',
    );
    expect(() => nextTicketStatus('assigned', 'close')).toThrow('Das Ticket kann erst nach einem erfolgreichen Kontakt abgeschlossen werden.');
    expect(() => nextTicketStatus('closed', 'distribute')).toThrow('Das Ticket ist abgeschlossen und kann nicht mehr geändert werden.');
  });
});
