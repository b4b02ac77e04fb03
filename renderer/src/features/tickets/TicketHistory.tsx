import type { CallbackTicket } from '@shared/model';
import { formatDateTime } from '../../lib/format';
import type { NameLookup } from './ticket-labels';

interface HistoryEntry {
  at: string;
  what: string;
  by: string;
}

/** Who did what when (SPEC §9: every record carries created/updated at and by). */
export function ticketHistory(t: CallbackTicket): HistoryEntry[] {
  const entries: HistoryEntry[] = [{ at: t.createdAt, what: 'Angelegt', by: t.createdBy }];
  for (const a of t.attempts) entries.push({ at: a.at, what: 'Rückrufversuch ohne Erfolg', by: a.by });
  if (t.contact) {
    entries.push({ at: t.contact.at, what: t.contact.kind === 'reached' ? 'Kontakt: erreicht' : 'Kontakt: Termin vereinbart', by: t.contact.by });
  }
  if (t.closedAt) entries.push({ at: t.closedAt, what: 'Abgeschlossen', by: t.updatedBy });
  return entries.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

export function TicketHistory({ ticket, staffName }: { ticket: CallbackTicket; staffName: NameLookup }) {
  return (
    <section aria-labelledby="ticket-history-title">
      <h2 id="ticket-history-title">Verlauf</h2>
      <ol className="ticket-history">
        {ticketHistory(ticket).map((e, i) => (
          <li key={i}>
            {formatDateTime(e.at)} – {e.what} ({staffName(e.by)})
          </li>
        ))}
      </ol>
      <p className="hint">
        Zuletzt geändert {formatDateTime(ticket.updatedAt)} von {staffName(ticket.updatedBy)}.
      </p>
    </section>
  );
}
