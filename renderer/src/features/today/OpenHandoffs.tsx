import { NOT_FOR_YOU, useAuditViews, useMayViewPersonal } from '../../auth/use-permission';
import type { Handoff } from '@shared/model';
import { hrefTo } from '../../app/router';
import { formatMinutes } from '../../lib/format';
import { buildQueueView, TARGET_LABELS } from '../queue/queue-view';

const SHOWN = 5;

/** Open hand-offs of the site (SPEC §4) in short: counts, the next few in line, a way to the queue. */
export function OpenHandoffs({ handoffs, now, sessionEnd }: { handoffs: readonly Handoff[] | undefined; now: Date; sessionEnd: Date | null }) {
  if (handoffs === undefined) return <p aria-busy="true">Weiterleitungen werden geladen …</p>;
  const view = buildQueueView(handoffs, 'all', now, sessionEnd);
  const atRisk = view.waiting.filter((r) => r.sameDay !== 'ok').length;
  const acute = view.waiting.filter((r) => r.handoff.acute).length;
  return (
    <>
      <dl className="cards today-handoffs">
        <div className="card">
          <dt>Wartend</dt>
          <dd className="stat">{view.waiting.length}</dd>
          {acute > 0 && <dd className="hint">davon akut mittellos: {acute}</dd>}
        </div>
        <div className="card">
          <dt>In Bearbeitung</dt>
          <dd className="stat">{view.inService.length}</dd>
        </div>
        <div className="card">
          <dt>Taggleich gefährdet</dt>
          <dd className="stat">{atRisk}</dd>
        </div>
      </dl>
      {view.waiting.length > 0 ? (
        <ol className="today-next" aria-label="Als Nächste an der Reihe">
          {view.waiting.slice(0, SHOWN).map((r) => (
            <li key={r.handoff.id}>
              <strong>
                <VisitorLabel handoff={r.handoff} />
              </strong>{' '}
              an {TARGET_LABELS[r.handoff.target]}
              {r.handoff.acute && <span className="badge badge-acute">Akut mittellos</span>}
              {r.sameDay !== 'ok' && <span className="badge badge-overdue">Taggleich gefährdet</span>} – wartet {formatMinutes(r.minutes)}
            </li>
          ))}
        </ol>
      ) : (
        <p className="hint">Niemand wartet auf eine Weiterleitung.</p>
      )}
      <p>
        <a href={hrefTo('warteschlange')} aria-keyshortcuts="Alt+2">
          Zur Warteschlange <kbd>Alt+2</kbd>
        </a>
      </p>
    </>
  );
}

const LABEL_FIELD = ['label'];

/** SPEC §8: a waiting visitor's name only for those who work the visit; each showing logged (issue 7 item 7). */
function VisitorLabel({ handoff }: { handoff: Handoff }) {
  const mayView = useMayViewPersonal()('handoffs', handoff as unknown as Record<string, unknown>);
  useAuditViews('handoffs', mayView ? [handoff.id] : [], LABEL_FIELD);
  return <>{mayView ? handoff.label : NOT_FOR_YOU}</>;
}
