import { useId } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { addDays, berlinDate, berlinInstant } from '@shared/domain/calendar';
import { relevantSessionEnd } from '@shared/domain/opening-hours';
import { getDb } from '../../db/db';
import { openHandoffs } from '../../db/repositories/handoffs';
import { ticketsAwaitingContactDueBetween, ticketsOverdueBefore } from '../../db/repositories/ticket-queries-today';
import { visitsBetween } from '../../db/repositories/visits';
import { formatLongDate } from '../../lib/format';
import { useNow } from '../../lib/use-now';
import { useCurrentSite, useSites, useStaff } from '../../state/session';
import { useTodaysSessions } from '../queue/use-todays-sessions';
import { useDistributionLists } from '../tickets/use-distribution-lists';
import { DueTickets } from './DueTickets';
import { OpenHandoffs } from './OpenHandoffs';
import { countVisits } from './today-figures';
import { VisitFigures } from './VisitFigures';
import './today.css';

/**
 * "Heute an meiner Anlaufstelle" (issue #2): today's visits by Anliegensart, the open hand-offs
 * and the callback tickets due today, for this site on the Berlin calendar day (SPEC §2) – with the
 * lists of covered sites whose Ticketverteilung is routed here (seed §4.5).
 * Every read is one index range (a year holds ~200,000 visits and ~30,000 tickets).
 */
export function TodayScreen() {
  const site = useCurrentSite();
  const staff = useStaff();
  const sites = useSites();
  const now = useNow(15_000);
  const ids = { visits: useId(), handoffs: useId(), tickets: useId() };
  const siteId = site?.id ?? null;
  const today = berlinDate(now);

  const figures = useLiveQuery(async () => {
    if (!siteId) return null;
    const from = berlinInstant(today, '00:00');
    const to = berlinInstant(addDays(today, 1), '00:00');
    return countVisits(await visitsBetween(getDb(), siteId, from, to));
  }, [siteId, today]);
  const handoffs = useLiveQuery(() => (siteId ? openHandoffs(getDb(), siteId) : Promise.resolve([])), [siteId]);
  const lists = useDistributionLists(siteId);
  const listIds = lists.siteIds;
  const dueToday = useLiveQuery(
    () => ticketsAwaitingContactDueBetween(getDb(), listIds, berlinInstant(today, '00:00'), berlinInstant(addDays(today, 1), '00:00')),
    [listIds, today],
  );
  const overdue = useLiveQuery(() => ticketsOverdueBefore(getDb(), listIds, berlinInstant(today, '00:00')), [listIds, today]);
  const todays = useTodaysSessions(site, today);
  const routedFrom = (t: { distributionSiteId: string }) =>
    lists.routedIds.has(t.distributionSiteId) ? (sites.find((s) => s.id === t.distributionSiteId)?.name ?? null) : null;

  if (!site) {
    return (
      <>
        <h1>Heute an meiner Anlaufstelle</h1>
        <p className="notice">Bitte zuerst in den Einstellungen den Standort dieses Arbeitsplatzes wählen.</p>
      </>
    );
  }

  return (
    <div className="today-screen">
      <h1>Heute an meiner Anlaufstelle</h1>
      <p className="hint">
        {site.name} · {formatLongDate(now)}
      </p>

      <section aria-labelledby={ids.visits}>
        <h2 id={ids.visits}>Vorsprachen heute nach Anliegensart</h2>
        <VisitFigures figures={figures ?? null} />
      </section>

      <section aria-labelledby={ids.handoffs}>
        <h2 id={ids.handoffs}>Offene Weiterleitungen</h2>
        <OpenHandoffs handoffs={handoffs} now={now} sessionEnd={relevantSessionEnd(todays, now)} />
      </section>

      <section aria-labelledby={ids.tickets}>
        <h2 id={ids.tickets}>Rückruf-Tickets ohne Kontakt</h2>
        <p className="hint">
          Ticketverteilung dieses Standorts
          {lists.routed.length > 0 && <> und aus Vertretung {lists.routed.map((r) => r.name).join(', ')}</>}: Tickets, deren
          24-Stunden-Frist heute abläuft oder schon abgelaufen ist.
        </p>
        <h3>Heute fällig ({dueToday?.length ?? '…'})</h3>
        <DueTickets tickets={dueToday} caption="Heute fällige Tickets" empty="Heute ist kein Ticket mehr fällig." now={now} staff={staff} routedFrom={routedFrom} dayOnly />
        <h3>Überfällig aus den Vortagen ({overdue?.length ?? '…'})</h3>
        <DueTickets tickets={overdue} caption="Überfällige Tickets aus den Vortagen" empty="Keine überfälligen Tickets." now={now} staff={staff} routedFrom={routedFrom} dayOnly={false} />
      </section>
    </div>
  );
}
