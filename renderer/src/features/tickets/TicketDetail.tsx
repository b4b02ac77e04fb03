import { useLiveQuery } from 'dexie-react-hooks';
import { NOT_FOR_YOU, useAuditViews, useMayViewPersonal } from '../../auth/use-permission';
import { isOnTime } from '@shared/domain/callback-deadline';
import type { CallbackTicket } from '@shared/model';
import { APPOINTMENT_FORM_LABELS, DEPARTMENT_LABELS, TICKET_STATUS_LABELS } from '@shared/model';
import { hrefTo } from '../../app/router';
import { getDb } from '../../db/db';
import { getTicket } from '../../db/repositories/tickets';
import { formatDate, formatDateTime, formatDeadline, formatRemaining } from '../../lib/format';
import { useNow } from '../../lib/use-now';
import { DueBadge } from './DueBadge';
import { ReceiptReprint } from './ReceiptReprint';
import { TicketActions } from './TicketActions';
import { TicketHistory } from './TicketHistory';
import { assigneeLabel } from './ticket-labels';
import { dueStateAt } from './ticket-table-model';
import { useDirectoryNames, type DirectoryNames } from './use-directory-names';

function BackLink() {
  return (
    <p>
      <a href={hrefTo('tickets')} aria-keyshortcuts="Escape">
        ← Zurück zur Liste <kbd>Esc</kbd>
      </a>
    </p>
  );
}

/** One ticket with everything about it, and its next steps (issue #2 item 4). */
export function TicketDetail({ id }: { id: string }) {
  const db = getDb();
  const ticket = useLiveQuery(() => getTicket(db, id), [db, id]);
  const names = useDirectoryNames();

  if (ticket === undefined) {
    return (
      <section aria-busy="true">
        <h1>Ticket wird geladen …</h1>
      </section>
    );
  }
  if (ticket === null) {
    return (
      <section>
        <h1>Ticket nicht gefunden</h1>
        <p className="error" role="alert">
          Dieses Ticket gibt es nicht (mehr).
        </p>
        <BackLink />
      </section>
    );
  }
  return <TicketView ticket={ticket} names={names} />;
}

/** The customer's data – only for those who work the ticket (SPEC §8); every showing is logged (issue 7 item 7). */
function ContactSection({ ticket }: { ticket: CallbackTicket }) {
  const mayView = useMayViewPersonal()('tickets', ticket as unknown as Record<string, unknown>);
  useAuditViews('tickets', mayView && ticket.anonymisedAt === null ? [ticket.id] : [], PERSONAL_TICKET_FIELDS);
  const shown = (value: string | null) => (mayView ? value || '—' : NOT_FOR_YOU);
  return (
    <section aria-labelledby="ticket-data-title">
      <h2 id="ticket-data-title">Anliegen und Kontaktdaten</h2>
      {!mayView && <p className="notice">Name, Nummern und Anliegen sehen nur, die dieses Ticket bearbeiten (SPEC §8).</p>}
      <dl className="ticket-fields">
        <dt>Fachbereich</dt>
        <dd>{DEPARTMENT_LABELS[ticket.department]}</dd>
        <dt>Anliegen</dt>
        <dd className="ticket-concern">{shown(ticket.concern)}</dd>
        <dt>Kunde/Kundin</dt>
        <dd>{shown(ticket.customerName)}</dd>
        <dt>Kunden- oder BG-Nummer</dt>
        <dd>{shown(ticket.customerNumber)}</dd>
        <dt>Rückrufnummer</dt>
        <dd>{shown(ticket.phone)}</dd>
        <dt>Erreichbar</dt>
        <dd>{shown(ticket.preferredTimes)}</dd>
      </dl>
    </section>
  );
}
const PERSONAL_TICKET_FIELDS = ['customerName', 'customerNumber', 'phone', 'preferredTimes', 'concern'];

function DeadlineSection({ ticket }: { ticket: CallbackTicket }) {
  const now = useNow(30_000);
  const due = dueStateAt(now)(ticket);
  const policy =
    ticket.deadlinePolicy === 'working-days'
      ? '24 Stunden an Arbeitstagen (Mo–Fr) – Wochenenden und Feiertage in Rheinland-Pfalz zählen nicht'
      : '24 Stunden Kalenderzeit';
  return (
    <section aria-labelledby="ticket-deadline-title" className={`ticket-deadline ${due === 'overdue' ? 'row-overdue' : due === 'due-soon' ? 'row-due-soon' : ''}`}>
      <h2 id="ticket-deadline-title">Rückruffrist</h2>
      <dl className="ticket-fields">
        <dt>Fällig</dt>
        <dd>
          {formatDeadline(ticket.dueAt)} <DueBadge state={due} />
        </dd>
        {ticket.contact === null ? (
          <>
            <dt>{due === 'overdue' ? 'Frist abgelaufen' : 'Restzeit'}</dt>
            <dd>{formatRemaining(ticket.dueAt, now)}</dd>
          </>
        ) : (
          <>
            <dt>Erster Kontakt</dt>
            <dd>
              {formatDateTime(ticket.contact.at)}{' '}
              {isOnTime(ticket.contact.at, ticket.dueAt) ? (
                <span className="badge badge-ok">Fristgerecht</span>
              ) : (
                <span className="badge badge-overdue">Frist überschritten</span>
              )}
            </dd>
          </>
        )}
        <dt>Regel</dt>
        <dd>{policy}</dd>
      </dl>
    </section>
  );
}

function TicketView({ ticket, names }: { ticket: CallbackTicket; names: DirectoryNames }) {
  const { siteName, staffName } = names;
  const c = ticket.contact;
  return (
    <article className="ticket-detail" aria-labelledby="ticket-title">
      <BackLink />
      <h1 id="ticket-title" tabIndex={-1}>
        Ticket {ticket.ref}
      </h1>
      <p className="ticket-status-line">
        Status: <strong>{TICKET_STATUS_LABELS[ticket.status]}</strong>
      </p>
      {ticket.anonymisedAt !== null && (
        <p className="notice">
          Personenbezogene Daten wurden am {formatDate(ticket.anonymisedAt)} nach Ablauf der Aufbewahrungsfrist entfernt.
        </p>
      )}
      <DeadlineSection ticket={ticket} />
      <ReceiptReprint ticket={ticket} siteName={siteName(ticket.siteId)} />
      <TicketActions ticket={ticket} />

      <ContactSection ticket={ticket} />

      <section aria-labelledby="ticket-routing-title">
        <h2 id="ticket-routing-title">Verteilung</h2>
        <dl className="ticket-fields">
          <dt>Angelegt am Standort</dt>
          <dd>{siteName(ticket.siteId)}</dd>
          <dt>Verteilliste</dt>
          <dd>
            {siteName(ticket.distributionSiteId)}
            {ticket.distributionSiteId !== ticket.siteId && ' (die Anlaufstelle war bei Anlage durch den Leistungsbereich vertreten)'}
          </dd>
          <dt>Zugewiesen an</dt>
          <dd>{assigneeLabel(ticket.assignee, staffName, siteName)}</dd>
        </dl>
      </section>

      <section aria-labelledby="ticket-attempts-title">
        <h2 id="ticket-attempts-title">Rückrufversuche</h2>
        {ticket.attempts.length === 0 ? (
          <p className="hint">Noch keine erfolglosen Versuche.</p>
        ) : (
          <ol className="ticket-attempts">
            {ticket.attempts.map((a) => (
              <li key={a.id}>
                {formatDateTime(a.at)} – {staffName(a.by)}
                {a.note && `: ${a.note}`}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="ticket-contact-title">
        <h2 id="ticket-contact-title">Kontakt</h2>
        {c === null ? (
          <p className="hint">Noch kein Kontakt erfasst.</p>
        ) : (
          <dl className="ticket-fields">
            <dt>Ergebnis</dt>
            <dd>{c.kind === 'reached' ? 'Erreicht – Rückruf geführt' : 'Termin vereinbart'}</dd>
            {c.kind === 'appointment' && (
              <>
                <dt>Termin</dt>
                <dd>
                  {formatDate(`${c.appointment.date}T12:00:00Z`)}, {c.appointment.time} Uhr –{' '}
                  {APPOINTMENT_FORM_LABELS[c.appointment.form]}
                </dd>
              </>
            )}
            <dt>Erfasst</dt>
            <dd>
              {formatDateTime(c.at)} von {staffName(c.by)}
            </dd>
            {c.note && (
              <>
                <dt>Notiz</dt>
                <dd>{c.note}</dd>
              </>
            )}
          </dl>
        )}
        {ticket.closedAt !== null && (
          <dl className="ticket-fields">
            <dt>Abgeschlossen</dt>
            <dd>{formatDateTime(ticket.closedAt)}</dd>
            {ticket.closeNote && (
              <>
                <dt>Abschlussnotiz</dt>
                <dd>{ticket.closeNote}</dd>
              </>
            )}
          </dl>
        )}
      </section>

      <TicketHistory ticket={ticket} staffName={staffName} />
    </article>
  );
}
