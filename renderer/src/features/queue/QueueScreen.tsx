import { useEffect, useId, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { berlinDate } from '@shared/domain/calendar';
import { relevantSessionEnd } from '@shared/domain/opening-hours';
import type { Handoff } from '@shared/model';
import { getDb } from '../../db/db';
import { openHandoffs } from '../../db/repositories/handoffs';
import { formatMinutes, formatTime } from '../../lib/format';
import { isTextEntry, useWindowKeydown } from '../../lib/keyboard';
import { useNow } from '../../lib/use-now';
import { announce } from '../../state/announcer';
import { useCurrentSite, useDeskStaff, useStaff } from '../../state/session';
import { QueueEntry } from './QueueEntry';
import { QueueList } from './QueueList';
import { buildQueueView, defaultQueueFilter, sameDayState, sessionHint, TARGET_LABELS, type QueueFilter, type QueueRow } from './queue-view';
import { useQueueActions } from './use-queue-actions';
import { useTodaysSessions } from './use-todays-sessions';
import './queue.css';

const EMPTY: Handoff[] = [];
const FILTERS: QueueFilter[] = ['all', 'LB', 'VERMITTLUNG'];
const FILTER_LABELS: Record<QueueFilter, string> = { all: 'Alle', ...TARGET_LABELS };
/** `#/warteschlange/lb` and `#/warteschlange/vermittlung` open the queue filtered. */
const FILTER_PARAMS: Record<string, QueueFilter> = { lb: 'LB', vermittlung: 'VERMITTLUNG' };

interface Selection {
  id: string | null;
  index: number;
}

/** Keeps the selection on the same visitor, or at the same place when that visitor left the list. */
function selectedIn(rows: readonly QueueRow[], sel: Selection): string | null {
  if (rows.some((r) => r.handoff.id === sel.id)) return sel.id;
  return rows[Math.min(sel.index, rows.length - 1)]?.handoff.id ?? null;
}

/**
 * Hand-off queue of this site (SPEC §4): LB and Vermittlung see who waits – acute first, then
 * the longest waiting – take the next visitor over and finish. Visitors still waiting near the end
 * of the opening session are flagged ("taggleich" at risk); on holidays and closure days there is
 * no session to miss. The queue opens on the desk person's own target (LB or Vermittlung), so "N"
 * never hands an LB clerk a Vermittlung visitor.
 */
export function QueueScreen({ params }: { params: string[] }) {
  const site = useCurrentSite();
  const staff = useStaff();
  const deskStaff = useDeskStaff();
  const now = useNow(15_000);
  // A filter chosen here wins; else the link's (#/warteschlange/lb); else the person's role.
  const [chosen, setFilter] = useState<QueueFilter | null>(null);
  const filter = chosen ?? FILTER_PARAMS[params[0] ?? ''] ?? defaultQueueFilter(deskStaff?.roles ?? null);
  const [waitSel, setWaitSel] = useState<Selection>({ id: null, index: 0 });
  const [serviceSel, setServiceSel] = useState<Selection>({ id: null, index: 0 });
  const actions = useQueueActions();
  const waitingRef = useRef<HTMLDivElement | null>(null);
  const serviceRef = useRef<HTMLDivElement | null>(null);
  const ids = { waiting: useId(), service: useId(), keys: useId(), error: useId(), filter: useId() };

  const siteId = site?.id ?? null;
  const handoffs = useLiveQuery(() => (siteId ? openHandoffs(getDb(), siteId) : Promise.resolve(EMPTY)), [siteId]);
  const todays = useTodaysSessions(site, berlinDate(now));
  const sessionEnd = relevantSessionEnd(todays, now);
  const view = buildQueueView(handoffs ?? EMPTY, filter, now, sessionEnd);
  const waitingId = selectedIn(view.waiting, waitSel);
  const serviceId = selectedIn(view.inService, serviceSel);
  // People of the whole site, whatever the filter – and people, not hand-offs: one visitor may wait
  // for Vermittlung and for the Leistungsbereich.
  const atRisk = new Set((handoffs ?? EMPTY).filter((h) => sameDayState(h, now, sessionEnd) !== 'ok').map((h) => h.visitId)).size;
  const staffName = (id: string | null) => staff.find((p) => p.id === id)?.name ?? 'unbekannt';

  // Keyboard first: once the queue has loaded, the waiting line has the focus, so Enter takes over.
  const loaded = handoffs !== undefined;
  useEffect(() => {
    if (loaded) waitingRef.current?.focus();
  }, [loaded]);

  // SPEC §4: say it once when more visitors become at risk, not on every tick.
  const lastAtRisk = useRef(0);
  useEffect(() => {
    if (atRisk > lastAtRisk.current) {
      announce(`${atRisk === 1 ? 'Eine Person wartet' : `${atRisk} Personen warten`} noch – taggleiche Weiterleitung gefährdet.`, 'warning');
    }
    lastAtRisk.current = atRisk;
  }, [atRisk]);

  async function take(row: QueueRow) {
    if (row.handoff.status !== 'waiting') return;
    if (await actions.take(row.handoff)) setServiceSel({ id: row.handoff.id, index: 0 });
  }
  async function finish(row: QueueRow) {
    await actions.finish(row.handoff);
  }
  const takeNext = () => {
    const next = view.waiting[0];
    if (next && !actions.busy) void take(next);
  };

  // "N" takes the next visitor from anywhere on this screen, except while typing.
  useWindowKeydown((e) => {
    if (e.defaultPrevented || e.repeat || e.altKey || e.ctrlKey || e.metaKey || e.key.toLowerCase() !== 'n' || isTextEntry(e.target)) return;
    e.preventDefault();
    takeNext();
  });

  // A list that empties while it has the focus leaves the focus nowhere: hand it to the other list.
  const waitingEmpty = view.waiting.length === 0;
  const serviceEmpty = view.inService.length === 0;
  useEffect(() => {
    if (document.activeElement && document.activeElement !== document.body) return;
    (waitingRef.current ?? serviceRef.current ?? document.getElementById('main'))?.focus();
  }, [waitingEmpty, serviceEmpty]);

  if (!site) {
    return (
      <>
        <h1>Warteschlange</h1>
        <p className="notice">Bitte zuerst in den Einstellungen den Standort dieses Arbeitsplatzes wählen.</p>
      </>
    );
  }

  const waitingRow = view.waiting.find((r) => r.handoff.id === waitingId) ?? null;
  const serviceRow = view.inService.find((r) => r.handoff.id === serviceId) ?? null;
  const longest = view.waiting.reduce((max, r) => Math.max(max, r.minutes), 0);

  return (
    <section className="queue-screen" aria-busy={!loaded}>
      <h1>Warteschlange {site.name}</h1>
      <p className="hint">{sessionHint(todays)}</p>

      <div className="queue-toolbar">
        <fieldset className="queue-filter">
          <legend id={ids.filter}>Weiterleitungen an</legend>
          {FILTERS.map((f) => (
            <label key={f}>
              <input type="radio" name={ids.filter} value={f} checked={filter === f} onChange={() => setFilter(f)} />
              {FILTER_LABELS[f]} ({view.counts[f]})
            </label>
          ))}
        </fieldset>
        <button type="button" className="primary" onClick={takeNext} disabled={view.waiting.length === 0 || actions.busy} aria-keyshortcuts="N">
          Nächste Person übernehmen <kbd>N</kbd>
        </button>
      </div>

      <p className="queue-summary">
        <span>
          <strong>{view.waiting.length}</strong> wartend
        </span>
        <span>
          <strong>{view.inService.length}</strong> in Bearbeitung
        </span>
        {view.waiting.length > 0 && <span>längste Wartezeit {formatMinutes(longest)}</span>}
        {sessionEnd && <span>Sprechzeit endet {formatTime(sessionEnd)} Uhr</span>}
      </p>

      {atRisk > 0 && (
        <p className="warning-box">
          <strong>Taggleich gefährdet:</strong> {atRisk === 1 ? 'Eine Person wartet' : `${atRisk} Personen warten`} noch. Bitte jetzt
          übernehmen oder mit der Teamleitung klären.
        </p>
      )}

      {actions.error && (
        <p id={ids.error} className="error" role="alert">
          {actions.error}
        </p>
      )}

      <p id={ids.keys} className="hint">
        <kbd>↑</kbd> <kbd>↓</kbd> auswählen · <kbd>Enter</kbd> übernehmen · <kbd>A</kbd> abschließen · <kbd>N</kbd> nächste Person
      </p>

      <h2 id={`${ids.waiting}-h`}>Wartend ({view.waiting.length})</h2>
      {view.waiting.length === 0 ? (
        <p className="notice">{loaded ? 'Niemand wartet. Neue Weiterleitungen von der Theke erscheinen hier sofort.' : 'Warteschlange wird geladen …'}</p>
      ) : (
        <>
          <QueueList
            id={ids.waiting}
            labelledBy={`${ids.waiting}-h`}
            describedBy={ids.keys}
            rows={view.waiting}
            selectedId={waitingId}
            listRef={waitingRef}
            keyShortcuts="Enter A"
            onSelect={(row, index) => setWaitSel({ id: row.handoff.id, index })}
            onEnter={(row) => void take(row)}
            onFinish={(row) => void finish(row)}
            renderRow={(row) => <QueueEntry row={row} showTarget={filter === 'all'} staffName={staffName} />}
          />
          {waitingRow && (
            <div className="queue-actions">
              <button type="button" onClick={() => void take(waitingRow)} disabled={actions.busy} aria-keyshortcuts="Enter">
                {waitingRow.handoff.label} übernehmen <kbd>Enter</kbd>
              </button>
              <button type="button" onClick={() => void finish(waitingRow)} disabled={actions.busy} aria-keyshortcuts="A">
                {waitingRow.handoff.label} direkt abschließen <kbd>A</kbd>
              </button>
            </div>
          )}
        </>
      )}

      <h2 id={`${ids.service}-h`}>In Bearbeitung ({view.inService.length})</h2>
      {view.inService.length === 0 ? (
        <p className="hint">Zurzeit wird niemand aus der Warteschlange bearbeitet.</p>
      ) : (
        <>
          <QueueList
            id={ids.service}
            labelledBy={`${ids.service}-h`}
            describedBy={ids.keys}
            rows={view.inService}
            selectedId={serviceId}
            listRef={serviceRef}
            keyShortcuts="Enter A"
            onSelect={(row, index) => setServiceSel({ id: row.handoff.id, index })}
            onEnter={(row) => void finish(row)}
            onFinish={(row) => void finish(row)}
            renderRow={(row) => <QueueEntry row={row} showTarget={filter === 'all'} staffName={staffName} />}
          />
          {serviceRow && (
            <div className="queue-actions">
              <button type="button" onClick={() => void finish(serviceRow)} disabled={actions.busy} aria-keyshortcuts="A">
                {serviceRow.handoff.label} abschließen <kbd>A</kbd>
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
