import { useSyncStatus } from '../../sync/status-store';
import { useEffect, useId, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { berlinDate } from '@shared/domain/calendar';
import { FINISH_UNDO_SECONDS } from '@shared/domain/handoff-queue';
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
import {
  buildQueueView,
  defaultQueueFilter,
  initialQueueFocus,
  queueKeyCommand,
  sameDayState,
  sameDayWarning,
  sessionHint,
  TARGET_LABELS,
  type QueueFilter,
  type QueueListName,
  type QueueRow,
  type SameDayState,
} from './queue-view';
import { useQueueActions } from './use-queue-actions';
import { useTodaysSessions } from './use-todays-sessions';
import './queue.css';

const EMPTY: Handoff[] = [];
const FILTERS: QueueFilter[] = ['all', 'LB', 'VERMITTLUNG'];
const FILTER_LABELS: Record<QueueFilter, string> = { all: 'Alle', ...TARGET_LABELS };
const WAITING_FOR: Record<QueueFilter, string> = { all: '', LB: ' auf den Leistungsbereich', VERMITTLUNG: ' auf die Vermittlung' };
/** `#/warteschlange/lb` and `#/warteschlange/vermittlung` open the queue filtered. */
const FILTER_PARAMS: Record<string, QueueFilter> = { lb: 'LB', vermittlung: 'VERMITTLUNG' };

interface Selection {
  id: string | null;
  index: number;
}

/**
 * Keeps the selection on the same visitor, or at the same place when that visitor left the list.
 * With nothing chosen yet, `preferred` picks the first row (in service: the clerk's own visitor).
 */
function selectedIn(rows: readonly QueueRow[], sel: Selection, preferred: (r: QueueRow) => boolean = () => false): string | null {
  if (rows.some((r) => r.handoff.id === sel.id)) return sel.id;
  if (sel.id === null) return (rows.find(preferred) ?? rows[0])?.handoff.id ?? null;
  return rows[Math.min(sel.index, rows.length - 1)]?.handoff.id ?? null;
}

/**
 * Hand-off queue of this site (SPEC §4): LB and Vermittlung see who waits – acute first, then
 * the longest waiting – take the next visitor over and finish. Visitors still waiting near the end
 * of the opening session are flagged ("taggleich" at risk); on holidays and closure days there is
 * no session to miss. The queue opens on the desk person's own target (LB or Vermittlung), so "N"
 * never hands an LB clerk a Vermittlung visitor.
 *
 * Issue 10 item 1: every key names its row – Enter and A act on the selected row of the list they
 * are pressed in (queueKeyCommand), and after a takeover the focus follows the visitor just taken
 * into "In Bearbeitung", so the next A closes that visitor and never the next one waiting. A close
 * can be taken back for FINISH_UNDO_SECONDS (Strg+Z or the toast's button).
 */
export function QueueScreen({ params }: { params: string[] }) {
  const syncMode = useSyncStatus((st) => st.status.mode);
  const site = useCurrentSite();
  const staff = useStaff();
  const deskStaff = useDeskStaff();
  const now = useNow(15_000);
  // A filter chosen here wins; else the link's (#/warteschlange/lb); else the person's role.
  const [chosen, setFilter] = useState<QueueFilter | null>(null);
  const filter = chosen ?? FILTER_PARAMS[params[0] ?? ''] ?? defaultQueueFilter(deskStaff?.roles ?? null);
  const [waitSel, setWaitSel] = useState<Selection>({ id: null, index: 0 });
  const [serviceSel, setServiceSel] = useState<Selection>({ id: null, index: 0 });
  const [keyRefusal, setKeyRefusal] = useState<string | null>(null);
  // Where the focus goes once the live query shows the row (a takeover or an undo is written first).
  const pendingFocus = useRef<{ list: QueueListName; id: string } | null>(null);
  const onUndone = (id: string) => {
    setServiceSel({ id, index: 0 });
    pendingFocus.current = { list: 'service', id };
  };
  const actions = useQueueActions(onUndone);
  const waitingRef = useRef<HTMLDivElement | null>(null);
  const serviceRef = useRef<HTMLDivElement | null>(null);
  const filterRef = useRef<HTMLFieldSetElement | null>(null);
  const ids = {
    waiting: useId(),
    service: useId(),
    keys: useId(),
    waitingKeys: useId(),
    serviceKeys: useId(),
    error: useId(),
    filter: useId(),
  };

  const siteId = site?.id ?? null;
  const handoffs = useLiveQuery(() => (siteId ? openHandoffs(getDb(), siteId) : Promise.resolve(EMPTY)), [siteId]);
  const todays = useTodaysSessions(site, berlinDate(now));
  const sessionEnd = relevantSessionEnd(todays, now);
  const view = buildQueueView(handoffs ?? EMPTY, filter, now, sessionEnd);
  const me = deskStaff?.id ?? null;
  const waitingId = selectedIn(view.waiting, waitSel);
  const serviceId = selectedIn(view.inService, serviceSel, (r) => r.handoff.takenBy === me);
  // People of the whole site, whatever the filter – and people, not hand-offs: one visitor may wait
  // for Vermittlung and for the Leistungsbereich.
  const peopleIn = (state: SameDayState) => new Set((handoffs ?? EMPTY).filter((h) => sameDayState(h, now, sessionEnd) === state).map((h) => h.visitId)).size;
  const atRisk = peopleIn('at-risk');
  const missed = peopleIn('missed');
  const warning = sameDayWarning(atRisk, missed, now, sessionEnd);
  const staffName = (id: string | null) => staff.find((p) => p.id === id)?.name ?? 'unbekannt';

  const focusTarget = (target: QueueListName | 'filter') => {
    if (target === 'waiting') waitingRef.current?.focus();
    else if (target === 'service') serviceRef.current?.focus();
    else filterRef.current?.querySelector<HTMLInputElement>('input:checked')?.focus();
  };

  // Keyboard first (issue 10 item 7): once the queue has loaded, the focus is where its keys work –
  // the waiting line, else those in service, else the filter.
  const loaded = handoffs !== undefined;
  useEffect(() => {
    if (loaded) focusTarget(initialQueueFocus(view));
    // Once, when the queue has loaded; later changes keep the clerk's focus.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loaded]);

  // A takeover or an undo moves the focus to that visitor as soon as the list shows them.
  useEffect(() => {
    const pending = pendingFocus.current;
    if (!pending) return;
    const rows = pending.list === 'waiting' ? view.waiting : view.inService;
    if (!rows.some((r) => r.handoff.id === pending.id)) return;
    pendingFocus.current = null;
    focusTarget(pending.list);
  });

  // SPEC §4: say it once when more visitors become at risk, not on every tick.
  const lastAtRisk = useRef(0);
  useEffect(() => {
    if (atRisk > lastAtRisk.current) {
      announce(`${atRisk === 1 ? 'Eine Person wartet' : `${atRisk} Personen warten`} noch – taggleiche Weiterleitung gefährdet.`, 'warning');
    }
    lastAtRisk.current = atRisk;
  }, [atRisk]);

  async function take(h: Handoff) {
    setKeyRefusal(null);
    if (h.status !== 'waiting') return;
    // The clerk called this visitor: the focus follows them, so the next A closes them.
    if (await actions.take(h)) {
      setServiceSel({ id: h.id, index: 0 });
      pendingFocus.current = { list: 'service', id: h.id };
    }
  }
  async function finish(h: Handoff) {
    setKeyRefusal(null);
    await actions.finish(h);
  }
  function onKey(key: 'Enter' | 'A', row: QueueRow | null) {
    if (actions.busy) return;
    const command = queueKeyCommand(key, row);
    if (command.kind === 'take') void take(command.handoff);
    else if (command.kind === 'finish') void finish(command.handoff);
    else if (command.kind === 'refuse') setKeyRefusal(command.message);
  }
  // The buttons under a list show A too: on them it means the same as in the list.
  function actionKey(e: ReactKeyboardEvent, row: QueueRow) {
    if (e.altKey || e.ctrlKey || e.metaKey || e.repeat || e.key.toLowerCase() !== 'a') return;
    e.preventDefault();
    onKey('A', row);
  }
  const takeNext = () => {
    if (actions.busy) return;
    const next = view.waiting[0];
    if (next) void take(next.handoff);
    else announce(`Niemand wartet${WAITING_FOR[filter]} – es gibt niemanden zu übernehmen.`, 'info');
  };

  // "N" takes the next visitor and Strg+Z takes back the last close, from anywhere on this screen
  // except while typing.
  useWindowKeydown((e) => {
    if (e.defaultPrevented || e.repeat || e.altKey || e.metaKey || isTextEntry(e.target)) return;
    const key = e.key.toLowerCase();
    if (e.ctrlKey && !e.shiftKey && key === 'z') {
      e.preventDefault();
      setKeyRefusal(null);
      void actions.undo();
      return;
    }
    if (e.ctrlKey || key !== 'n') return;
    e.preventDefault();
    takeNext();
  });

  // A list that empties while it has the focus leaves the focus nowhere: hand it on.
  const waitingEmpty = view.waiting.length === 0;
  const serviceEmpty = view.inService.length === 0;
  useEffect(() => {
    if (!loaded || (document.activeElement && document.activeElement !== document.body)) return;
    focusTarget(initialQueueFocus(view));
    // eslint-disable-next-line react-hooks/exhaustive-deps
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
  const sessionOver = sessionEnd !== null && now.getTime() >= sessionEnd.getTime();
  const error = keyRefusal ?? actions.error;

  return (
    <section className="queue-screen" aria-busy={!loaded}>
      <h1>Warteschlange {site.name}</h1>
      <p className="hint">{sessionHint(todays)}</p>

      <div className="queue-toolbar">
        <fieldset className="queue-filter" ref={filterRef}>
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
        {sessionEnd && <span>{sessionOver ? 'Sprechzeit endete' : 'Sprechzeit endet'} {formatTime(sessionEnd)} Uhr</span>}
      </p>

      {warning && (
        <p className="warning-box">
          <strong>{warning.title}</strong> {warning.text}
        </p>
      )}

      {error && (
        <p id={ids.error} className="error" role="alert">
          {error}
        </p>
      )}

      <p id={ids.keys} className="hint">
        <kbd>N</kbd> nächste Person übernehmen · <kbd>Strg+Z</kbd> letzten Abschluss rückgängig machen ({FINISH_UNDO_SECONDS} Sekunden lang)
      </p>

      <h2 id={`${ids.waiting}-h`}>Wartend ({view.waiting.length})</h2>
      {view.waiting.length === 0 ? (
        <p className="notice">
          {loaded
            ? syncMode === 'off'
              ? 'Niemand wartet. Hier erscheinen die Weiterleitungen, die an diesem Arbeitsplatz erfasst werden – von anderen Arbeitsplätzen erst, wenn es einen Abgleich zwischen ihnen gibt.'
              : 'Niemand wartet. Hier erscheinen die Weiterleitungen aller Plätze dieses Standorts, sobald sie erfasst sind (ohne Verbindung: sobald der Abgleich wieder läuft).'
            : 'Warteschlange wird geladen …'}
        </p>
      ) : (
        <>
          <p id={ids.waitingKeys} className="hint">
            <kbd>↑</kbd> <kbd>↓</kbd> auswählen · <kbd>Enter</kbd> übernehmen – abgeschlossen wird erst, wer in Bearbeitung ist
          </p>
          <QueueList
            id={ids.waiting}
            labelledBy={`${ids.waiting}-h`}
            describedBy={`${ids.waitingKeys} ${ids.keys}`}
            rows={view.waiting}
            selectedId={waitingId}
            listRef={waitingRef}
            keyShortcuts="Enter"
            onSelect={(row, index) => {
              setKeyRefusal(null);
              setWaitSel({ id: row.handoff.id, index });
            }}
            onKey={onKey}
            renderRow={(row) => <QueueEntry row={row} showTarget={filter === 'all'} staffName={staffName} />}
          />
          {waitingRow && (
            <div className="queue-actions" onKeyDown={(e) => actionKey(e, waitingRow)}>
              <button type="button" onClick={() => void take(waitingRow.handoff)} disabled={actions.busy} aria-keyshortcuts="Enter">
                {waitingRow.handoff.label} übernehmen <kbd>Enter</kbd>
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
          <p id={ids.serviceKeys} className="hint">
            <kbd>↑</kbd> <kbd>↓</kbd> auswählen · <kbd>A</kbd> abschließen
          </p>
          <QueueList
            id={ids.service}
            labelledBy={`${ids.service}-h`}
            describedBy={`${ids.serviceKeys} ${ids.keys}`}
            rows={view.inService}
            selectedId={serviceId}
            listRef={serviceRef}
            keyShortcuts="A"
            onSelect={(row, index) => {
              setKeyRefusal(null);
              setServiceSel({ id: row.handoff.id, index });
            }}
            onKey={onKey}
            renderRow={(row) => <QueueEntry row={row} showTarget={filter === 'all'} staffName={staffName} />}
          />
          {serviceRow && (
            <div className="queue-actions" onKeyDown={(e) => actionKey(e, serviceRow)}>
              <button type="button" onClick={() => void finish(serviceRow.handoff)} disabled={actions.busy} aria-keyshortcuts="A">
                {serviceRow.handoff.label} abschließen <kbd>A</kbd>
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
