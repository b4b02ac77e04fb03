import { useEffect, useRef, useState, type ComponentType } from 'react';
import { allowedEvents, IllegalTransitionError, TICKET_EVENT_LABELS, type TicketEvent } from '@shared/domain/ticket-state';
import type { CallbackTicket } from '@shared/model';
import { navigate } from '../../app/router';
import { INITIAL_FOCUS, useWindowKeydown } from '../../lib/keyboard';
import { coveredDeskDistributionRefusal } from '../../db/repositories/tickets';
import { useDeskMode } from '../staffing/desk-mode';
import { AttemptForm } from './actions/AttemptForm';
import { CloseForm } from './actions/CloseForm';
import { ContactForm } from './actions/ContactForm';
import { DistributeForm } from './actions/DistributeForm';

interface ActionSpec {
  label: string;
  /** KeyboardEvent.code of Alt+letter (code, not key: Alt+letter types other characters on macOS). */
  code: string;
  letter: string;
  Form: ComponentType<{ ticket: CallbackTicket; onDone: () => void; onCancel: () => void }>;
}

const ACTIONS: Record<TicketEvent, ActionSpec> = {
  distribute: { label: 'Verteilen', code: 'KeyV', letter: 'V', Form: DistributeForm },
  'log-attempt': { label: 'Rückrufversuch erfassen', code: 'KeyR', letter: 'R', Form: AttemptForm },
  'record-contact': { label: 'Kontakt erfassen', code: 'KeyK', letter: 'K', Form: ContactForm },
  close: { label: 'Abschließen', code: 'KeyA', letter: 'A', Form: CloseForm },
};
/** Forward steps first; re-distributing an assigned ticket comes last. */
const ORDER: TicketEvent[] = ['log-attempt', 'record-contact', 'close', 'distribute'];

const buttonId = (event: TicketEvent) => `ticket-action-${event}`;

/**
 * The ticket's next steps, offered only where the lifecycle allows them (SPEC §5, allowedEvents).
 * Alt+V/R/K/A open a form; a shortcut for a step that is not allowed now is refused with the state
 * machine's German reason. Esc closes the form, or goes back to the list.
 * While the Leistungsbereich covers this desk, "Verteilen" is not offered and Alt+V is refused:
 * the EZ clerks of the staffed site distribute (seed §4.5 "Aufgaben im Vertretungsfall").
 */
export function TicketActions({ ticket }: { ticket: CallbackTicket }) {
  const [open, setOpen] = useState<TicketEvent | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const coverRefusal = coveredDeskDistributionRefusal(useDeskMode());
  const allowed = allowedEvents(ticket.status).filter((e) => e !== 'distribute' || coverRefusal === null);
  const offered = ORDER.filter((e) => allowed.includes(e));

  // The ticket version the open form was opened on.
  const openedOn = useRef<string | null>(null);
  const version = ticket.updatedAt;

  // After a step was saved, focus the next step (not the one just done), or the heading once
  // nothing is left – as soon as the live query shows the saved ticket, so the right buttons exist.
  const saved = useRef<{ from: string | null; event: TicketEvent } | null>(null);
  useEffect(() => {
    if (saved.current === null || saved.current.from === ticket.updatedAt) return;
    const done = saved.current.event;
    saved.current = null;
    const next = ORDER.find((e) => e !== done && allowedEvents(ticket.status).includes(e));
    document.getElementById(next ? buttonId(next) : 'ticket-title')?.focus();
  }, [open, ticket.updatedAt, ticket.status]);

  useWindowKeydown((e) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      if (open) {
        setOpen(null);
        document.getElementById(buttonId(open))?.focus();
      } else {
        navigate('tickets');
      }
      return;
    }
    if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    const event = ORDER.find((ev) => ACTIONS[ev].code === e.code);
    if (!event) return;
    e.preventDefault();
    if (event === 'distribute' && coverRefusal !== null && allowedEvents(ticket.status).includes(event)) {
      setOpen(null);
      setRefusal(coverRefusal);
    } else if (allowedEvents(ticket.status).includes(event)) {
      openedOn.current = version;
      setRefusal(null);
      setOpen(event);
    } else {
      // SPEC §5: an illegal step is refused with a reason, nothing changes.
      setOpen(null);
      setRefusal(new IllegalTransitionError(ticket.status, event).message);
    }
  });

  const Form = open && allowed.includes(open) ? ACTIONS[open].Form : null;


  return (
    <section className="ticket-actions" aria-labelledby="ticket-actions-title">
      <h2 id="ticket-actions-title">Nächste Schritte</h2>
      {allowedEvents(ticket.status).length === 0 ? (
        <p className="hint">Das Ticket ist abgeschlossen; es sind keine Schritte mehr möglich.</p>
      ) : offered.length === 0 ? null : (
        <div className="action-buttons">
          {offered.map((event, i) => (
            <button
              key={event}
              {...(i === 0 ? INITIAL_FOCUS : {})}
              id={buttonId(event)}
              type="button"
              className={open === event ? 'primary' : undefined}
              aria-expanded={open === event}
              aria-controls={open === event ? `${event}-form` : undefined}
              aria-keyshortcuts={`Alt+${ACTIONS[event].letter}`}
              onClick={() => {
                openedOn.current = version;
                setRefusal(null);
                setOpen(open === event ? null : event);
              }}
            >
              {ACTIONS[event].label} <kbd>Alt+{ACTIONS[event].letter}</kbd>
            </button>
          ))}
        </div>
      )}
      {refusal && (
        <p className="error" role="alert">
          {refusal}
        </p>
      )}
      {coverRefusal !== null && allowedEvents(ticket.status).includes('distribute') && (
        <p className="notice" id="ticket-cover-notice">
          {coverRefusal}
        </p>
      )}
      {ticket.status === 'open' && (
        <p className="hint">
          {TICKET_EVENT_LABELS['log-attempt']} und {TICKET_EVENT_LABELS['record-contact']} sind nach der Ticketverteilung möglich.
        </p>
      )}
      {Form && open && (
        <div id={`${open}-form`}>
          <Form
            key={open}
            ticket={ticket}
            onCancel={() => {
              setOpen(null);
              document.getElementById(buttonId(open))?.focus();
            }}
            onDone={() => {
              saved.current = { from: openedOn.current, event: open };
              setOpen(null);
            }}
          />
        </div>
      )}
    </section>
  );
}
