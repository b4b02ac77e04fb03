import { useEffect, useId, useRef, useState } from 'react';
import { useWindowKeydown } from '../../lib/keyboard';
import { ABSENT_TEXT, canDecide, type BoardCell, type CoverageDecision } from '@shared/domain/coverage';
import { formatSessionDate } from '@shared/domain/desk-sessions';
import type { Staff } from '@shared/model';
import { ABSENCE_KIND_LABELS, COVER_SOURCE_LABELS, HALF_DAY_LABELS, SHIFT_SOURCE_LABELS, STAFFING_TEXT_LIMITS } from '@shared/model';
import { hrefTo } from '../../app/router';
import { useStaff } from '../../state/session';
import { STATUS_ICONS, STATUS_LABELS } from './board-labels';
import { ProposalList } from './ProposalList';
import { staffingSegments } from './staffing-routes';
import { useCoverActions } from './use-cover-actions';
import { TextLimit } from '../../ui/TextLimit';

/**
 * One opening session of the board (issue #3 items 5–6): status with the reason, who is at the desk
 * and who is missing, the §4.5 proposals with their deciders, decisions taken. Opens with focus on
 * its heading; Esc closes it and the board puts focus back on the cell.
 */
export function CellDetail({ cell, actor, onClose }: { cell: BoardCell; actor: Staff | null; onClose: () => void }) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [note, setNote] = useState('');
  const actions = useCoverActions();
  const staff = useStaff();
  const nameOf = (staffId: string) => staff.find((p) => p.id === staffId)?.name ?? 'Unbekannt';
  const title = `${cell.siteName} · ${formatSessionDate(cell.date)} · ${cell.sessionStart}–${cell.sessionEnd}`;

  useEffect(() => {
    heading.current?.focus();
  }, [cell.siteId, cell.date, cell.sessionStart]);

  // Esc closes from wherever the focus is – back in the grid too (issue 10 item 2).
  useWindowKeydown((e) => {
    if (e.key !== 'Escape' || e.defaultPrevented) return;
    e.preventDefault();
    onClose();
  });

  async function decide(kind: 'accept' | 'reject', p: BoardCell['proposals'][number]) {
    const ok = kind === 'accept' ? await actions.accept(cell, p, note) : await actions.reject(cell, p, note);
    if (ok) setNote('');
    // The answered proposal's buttons are gone: focus goes back to the heading, the outcome follows it.
    heading.current?.focus();
  }

  async function withdraw(decisionId: string, name: string) {
    const ok = await actions.withdraw(decisionId, name);
    heading.current?.focus();
    return ok;
  }

  const decidable = cell.proposals.length > 0 && !cell.past && cell.status !== 'closed';
  return (
    <section className={`cell-detail status-${cell.status}`} aria-labelledby={`${id}-h`}>
      <div className="cell-detail-head">
        <h2 id={`${id}-h`} tabIndex={-1} ref={heading}>
          {title}
        </h2>
        <button type="button" onClick={onClose} aria-keyshortcuts="Escape">
          Schließen <kbd>Esc</kbd>
        </button>
      </div>
      <p className="cell-detail-status">
        <span className="status-chip">
          <span aria-hidden="true">{STATUS_ICONS[cell.status]}</span> {STATUS_LABELS[cell.status]}
          {cell.gapKind ? ` – Lücke ${ABSENCE_KIND_LABELS[cell.gapKind]}` : ''}
        </span>{' '}
        {cell.reason}
      </p>
      {cell.past && cell.status !== 'closed' && <p className="hint">Diese Öffnungszeit ist vorbei – über Vertretung wird nicht mehr entschieden.</p>}

      {cell.status !== 'closed' && (
        <>
          <h3>An der Anlaufstelle</h3>
          <p className="hint">
            Mindestbesetzung {cell.minStaff}, anwesend {cell.present}.{' '}
            <a href={hrefTo(...staffingSegments({ view: 'plan', week: undefined, session: cell }))}>Im Besetzungsplan bearbeiten</a>
          </p>
          {cell.desk.length === 0 ? (
            <p>Niemand eingeteilt.</p>
          ) : (
            <ul className="desk-list">
              {cell.desk.map((d) => (
                <li key={d.shiftId}>
                  <strong>{d.name}</strong> – {d.coverSource ? `Vertretung: ${COVER_SOURCE_LABELS[d.coverSource]}` : SHIFT_SOURCE_LABELS[d.source]}
                  {d.absence && (
                    <span className="absent-mark">
                      {' '}
                      – {ABSENT_TEXT[d.absence.kind]}
                      {d.absence.halfDay !== 'none' ? `, ${HALF_DAY_LABELS[d.absence.halfDay]}` : ''}
                    </span>
                  )}
                </li>
              ))}
            </ul>
          )}
        </>
      )}

      {decidable && (
        <>
          <h3>Vorschläge zur Vertretung</h3>
          <p className="hint">
            Reihenfolge nach GA §4.5:{' '}
            {cell.gapKind === 'unplanned'
              ? 'kurzfristiger Ausfall – Eingangszone des Standorts, dann Leistungsbereich vor Ort, dann Eingangszone eines anderen Standorts.'
              : 'planbarer Ausfall – Eingangszone des Standorts, dann eines anderen Standorts, dann Leistungsbereich vor Ort.'}{' '}
            Nach der Entscheidung erhalten die zu informierenden Rollen eine Nachricht im Postfach; die Benachrichtigung erscheint sofort auf diesem
            PC, auf den PCs der Empfänger, sobald die Synchronisation eingerichtet ist.
          </p>
          <div className="field">
            <label htmlFor={`${id}-note`}>
              Notiz zur Entscheidung (freiwillig)
              <TextLimit max={STAFFING_TEXT_LIMITS.coverNote} />
            </label>
            <input id={`${id}-note`} type="text" value={note} onChange={(e) => setNote(e.target.value)} />
          </div>
          <ProposalList cell={cell} actor={actor} busy={actions.busy} onAccept={(p) => void decide('accept', p)} onReject={(p) => void decide('reject', p)} />
        </>
      )}
      {cell.escalateTo === 'GF' && cell.status === 'uncovered' && !cell.past && (
        <p className="warning-box">
          Keine vollständige Besetzung möglich: Die Geschäftsführung entscheidet über das weitere Vorgehen (GA §4.5). Sie ist benachrichtigt.
        </p>
      )}

      {actions.error && (
        <p className="error" role="alert">
          {actions.error}
        </p>
      )}
      {actions.outcome && <p className="notice">{actions.outcome}</p>}

      <Decisions title="Angenommene Vertretung" list={cell.accepted} cell={cell} actor={actor} nameOf={nameOf} onWithdraw={withdraw} busy={actions.busy} />
      <Decisions title="Abgelehnte Vorschläge" list={cell.rejected} cell={cell} actor={actor} nameOf={nameOf} onWithdraw={withdraw} busy={actions.busy} />
    </section>
  );
}

function Decisions(props: {
  title: string;
  list: CoverageDecision[];
  cell: BoardCell;
  actor: Staff | null;
  nameOf: (id: string) => string;
  onWithdraw: (decisionId: string, name: string) => Promise<boolean>;
  busy: boolean;
}) {
  const { title, list, cell, actor, nameOf, onWithdraw, busy } = props;
  if (list.length === 0) return null;
  return (
    <>
      <h3>{title}</h3>
      <ul className="decision-list">
        {list.map((d) => {
          const name = nameOf(d.staffId);
          const allowed = actor !== null && canDecide(actor, d.decidedBy, cell.siteId) && !cell.past;
          return (
            <li key={d.id}>
              <strong>{name}</strong> ({COVER_SOURCE_LABELS[d.source]}) – entschieden von {nameOf(d.decidedByStaffId)}
              {d.note ? `: „${d.note}“` : ''}{' '}
              {allowed && (
                <button type="button" disabled={busy} onClick={() => void onWithdraw(d.id, name)}>
                  Entscheidung zu {name} zurücknehmen
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}
