import { dueState } from '@shared/domain/callback-deadline';
import type { CallbackTicket, Staff } from '@shared/model';
import { DEPARTMENT_LABELS, TICKET_STATUS_LABELS } from '@shared/model';
import { hrefTo } from '../../app/router';
import { formatDeadline, formatDeadlineTime, formatRemaining } from '../../lib/format';
import { routedLabel } from '../tickets/ticket-labels';
import { ScrollRegion } from '../../ui/ScrollRegion';

const DUE_BADGES = {
  overdue: ['badge-overdue', 'Überfällig'],
  'due-soon': ['badge-due-soon', 'Bald fällig'],
  'on-track': ['badge-ok', 'Im Plan'],
  met: ['badge-ok', 'Rechtzeitig'],
  missed: ['badge-overdue', 'Verspätet'],
} as const;

function assigneeText(t: CallbackTicket, staff: readonly Staff[]): string {
  if (!t.assignee) return 'noch nicht verteilt';
  if (t.assignee.kind === 'team') return DEPARTMENT_LABELS[t.assignee.department];
  const id = t.assignee.staffId;
  return staff.find((p) => p.id === id)?.name ?? 'unbekannte Person';
}

/**
 * Callback tickets that still wait for their first contact (SPEC §5), with the deadline written
 * out; each links to its ticket. `dayOnly` shows the time only (all due today).
 */
export function DueTickets({
  tickets,
  caption,
  empty,
  now,
  staff,
  routedFrom,
  dayOnly,
}: {
  tickets: readonly CallbackTicket[] | undefined;
  caption: string;
  empty: string;
  now: Date;
  staff: readonly Staff[];
  /** The covered site a ticket's list belongs to (seed §4.5), or null for this site's own. */
  routedFrom: (t: CallbackTicket) => string | null;
  dayOnly: boolean;
}) {
  if (tickets === undefined) return <p aria-busy="true">Tickets werden geladen …</p>;
  if (tickets.length === 0) return <p className="hint">{empty}</p>;
  return (
    <ScrollRegion label={caption}>
    <table className="today-tickets">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Ticket</th>
          <th scope="col">Fachbereich</th>
          <th scope="col">Anliegen</th>
          <th scope="col">Fällig</th>
          <th scope="col">Frist</th>
          <th scope="col">Stand</th>
        </tr>
      </thead>
      <tbody>
        {tickets.map((t) => {
          const state = dueState(t.dueAt, now, null);
          const [badgeClass, badgeText] = DUE_BADGES[state];
          const coveredSite = routedFrom(t);
          return (
            <tr key={t.id} className={state === 'overdue' ? 'row-overdue' : state === 'due-soon' ? 'row-due-soon' : undefined}>
              <th scope="row">
                <a href={hrefTo('tickets', t.id)}>{t.ref}</a>
                {coveredSite !== null && <span className="badge badge-neutral">{routedLabel(coveredSite)}</span>}
              </th>
              <td>{DEPARTMENT_LABELS[t.department]}</td>
              <td className="today-concern free-text">{t.concern}</td>
              <td>{dayOnly ? `${formatDeadlineTime(t.dueAt)} Uhr` : formatDeadline(t.dueAt)}</td>
              <td>
                <span className={`badge ${badgeClass}`}>{badgeText}</span> {formatRemaining(t.dueAt, now)}
              </td>
              <td>
                {TICKET_STATUS_LABELS[t.status]} · {assigneeText(t, staff)}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
    </ScrollRegion>
  );
}
