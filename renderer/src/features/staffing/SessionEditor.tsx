import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useWindowKeydown } from '../../lib/keyboard';
import { useLiveQuery } from 'dexie-react-hooks';
import { absenceCoversSession, formatSessionDate } from '@shared/domain/desk-sessions';
import type { Absence, DeskShift } from '@shared/model';
import { COVER_SOURCE_LABELS, SHIFT_SOURCE_LABELS } from '@shared/model';
import { hrefTo } from '../../app/router';
import { writeContext } from '../../app/write-context';
import { getDb } from '../../db/db';
import { assignCandidates, assignShift, replaceShift, unassignShift, type AssignCandidate, type RosterSession } from '../../db/repositories/roster';
import { announce } from '../../state/announcer';
import { useSites, useStaff } from '../../state/session';
import { candidateText } from './roster-labels';
import { staffingSegments } from './staffing-routes';
import { notifyWrite } from './write-helpers';
import { writeErrorMessage } from '../../lib/use-write-action';

const NO_CANDIDATES: AssignCandidate[] = [];

/**
 * Edits one session of the roster by keyboard (issue #3 item 3): the people on duty with Ersetzen
 * and Entfernen, and a picker listing who can be put on the desk, best first (roster.ts
 * assignCandidates: EZ of the site, LB of the site, EZ of other sites, everyone else). The first
 * candidate is preselected, so Tab, Enter assigns the best one. Esc closes.
 */
export function SessionEditor({ session, absences, onClose }: { session: RosterSession; absences: readonly Absence[]; onClose: () => void }) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const picker = useRef<HTMLSelectElement>(null);
  const sites = useSites();
  const staff = useStaff();
  const [replacing, setReplacing] = useState<DeskShift | null>(null);
  const [chosen, setChosen] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ref = { siteId: session.siteId, date: session.date, sessionStart: session.start };
  const candidates =
    useLiveQuery(
      () => assignCandidates(getDb(), { siteId: session.siteId, date: session.date, sessionStart: session.start }),
      [session.siteId, session.date, session.start],
    ) ?? NO_CANDIDATES;
  const siteName = (siteId: string) => sites.find((s) => s.id === siteId)?.name ?? '?';
  const nameOf = (staffId: string) => staff.find((p) => p.id === staffId)?.name ?? 'Unbekannt';
  const title = `${siteName(session.siteId)} · ${formatSessionDate(session.date)} · ${session.start}–${session.end}`;
  // Preselected: the best candidate who is present and free in this session.
  const best = candidates.find((c) => !c.absent && c.onDutyAt === null) ?? candidates[0];
  const selected = candidates.some((c) => c.staff.id === chosen) ? chosen : (best?.staff.id ?? '');

  useEffect(() => {
    heading.current?.focus();
  }, [session.siteId, session.date, session.start]);

  async function write(action: () => Promise<string>) {
    if (busy) return;
    setBusy(true);
    try {
      announce(await action(), 'success');
      setError(null);
      setReplacing(null);
      setChosen('');
      picker.current?.focus();
    } catch (e) {
      setError(writeErrorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!selected) return;
    const name = nameOf(selected);
    const where = `${siteName(session.siteId)}, ${formatSessionDate(session.date)}, ${session.start}`;
    void write(async () => {
      if (replacing) {
        const result = await replaceShift(getDb(), replacing.id, selected, writeContext());
        return `${nameOf(replacing.staffId)} durch ${name} ersetzt (${where}).${notifyWrite(result)}`;
      }
      const result = await assignShift(getDb(), { ...ref, staffId: selected }, writeContext());
      return `${name} eingeteilt (${where}).${notifyWrite(result)}`;
    });
  }

  // Esc from wherever the focus is – back in the grid too (issue 10 item 2).
  useWindowKeydown((e) => {
    if (e.key !== 'Escape' || e.defaultPrevented) return;
    e.preventDefault();
    if (replacing) {
      setReplacing(null);
      picker.current?.focus();
    } else onClose();
  });

  const absent = (staffId: string) => absences.some((a) => a.staffId === staffId && absenceCoversSession(a, session.date, session.start, session.end));
  return (
    <section className="cell-detail session-editor" aria-labelledby={`${id}-h`}>
      <div className="cell-detail-head">
        <h2 id={`${id}-h`} tabIndex={-1} ref={heading}>
          {title}
        </h2>
        <button type="button" onClick={onClose} aria-keyshortcuts="Escape">
          Schließen <kbd>Esc</kbd>
        </button>
      </div>
      {session.closed ? (
        <p className="notice">{session.closed} – an diesem Tag wird niemand eingeteilt.</p>
      ) : (
        <>
          <h3>Eingeteilt</h3>
          {session.shifts.length === 0 ? (
            <p>Niemand eingeteilt.</p>
          ) : (
            <ul className="desk-list">
              {session.shifts.map((s) => {
                const name = nameOf(s.staffId);
                return (
                  <li key={s.id}>
                    <strong>{name}</strong> – {s.coverSource ? `Vertretung: ${COVER_SOURCE_LABELS[s.coverSource]}` : SHIFT_SOURCE_LABELS[s.source]}
                    {absent(s.staffId) ? ' – fehlt (abwesend)' : ''}{' '}
                    <button type="button" disabled={busy} onClick={() => { setReplacing(s); picker.current?.focus(); }}>
                      {name} ersetzen
                    </button>{' '}
                    <button
                      type="button"
                      disabled={busy}
                      onClick={() => void write(async () => {
                        const result = await unassignShift(getDb(), s.id, writeContext());
                        return `${name} aus der Besetzung entfernt.${notifyWrite(result)}`;
                      })}
                    >
                      {name} entfernen
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
          <form className="assign-form" onSubmit={submit} noValidate>
            <div className="field">
              <label htmlFor={`${id}-pick`}>{replacing ? `${nameOf(replacing.staffId)} ersetzen durch` : 'Person einteilen'}</label>
              <select
                id={`${id}-pick`}
                ref={picker}
                value={selected}
                onChange={(e) => setChosen(e.target.value)}
                aria-describedby={error ? `${id}-err` : `${id}-pick-hint`}
                aria-invalid={error ? true : undefined}
              >
                {candidates.map((c) => (
                  <option key={c.staff.id} value={c.staff.id}>
                    {candidateText(c, siteName)}
                  </option>
                ))}
              </select>
              <p id={`${id}-pick-hint`} className="hint">
                {candidates.length === 0 ? 'Keine weitere Kraft der Eingangszone dieses Standorts. ' : 'Die Eingangszone des Standorts, anwesende zuerst. '}
                Vertretung aus anderen Standorten oder durch den Leistungsbereich entscheiden die Zuständigen über die Vorschläge in der
                Übersicht (GA §4.5).
              </p>
            </div>
            {error && (
              <p id={`${id}-err`} className="error" role="alert">
                {error}
              </p>
            )}
            <button type="submit" className="primary" disabled={busy || !selected}>
              {replacing ? 'Ersetzen' : 'Einteilen'}
            </button>{' '}
            {replacing && (
              <button type="button" onClick={() => setReplacing(null)}>
                Abbrechen
              </button>
            )}
          </form>
          <p>
            <a href={hrefTo(...staffingSegments({ view: 'uebersicht', week: undefined, session: { siteId: session.siteId, date: session.date, sessionStart: session.start } }))}>
              Deckung und Vertretungsvorschläge in der Übersicht
            </a>
          </p>
        </>
      )}
    </section>
  );
}
