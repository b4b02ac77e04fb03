import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { addDays } from '@shared/domain/calendar';
import type { Absence } from '@shared/model';
import { ABSENCE_KIND_LABELS, absenceReasonText } from '@shared/model';
import { writeContext } from '../../app/write-context';
import { getDb } from '../../db/db';
import { absencesBetween, cancelAbsence, updateAbsence } from '../../db/repositories/absences';
import { formatDateTime } from '../../lib/format';
import { announce } from '../../state/announcer';
import { useSites, useStaff } from '../../state/session';
import { absenceSpan, absenceText } from './absence-text';
import { notifyAll } from './write-helpers';
import { writeErrorMessage } from '../../lib/use-write-action';
import { ScrollRegion } from '../../ui/ScrollRegion';

/**
 * Current and coming absences (issue #3 item 4) with the kind as stored – "von Hand" when someone
 * marked it – and two actions: mark the other kind (the "unless marked otherwise" of the rule),
 * and withdraw. Accepted cover for a withdrawn absence stays on the roster (absences.ts).
 */
export function AbsenceList({ today }: { today: string }) {
  const rows = useLiveQuery(() => absencesBetween(getDb(), today, addDays(today, 366)), [today]);
  const staff = useStaff();
  const sites = useSites();
  const [error, setError] = useState<string | null>(null);
  const person = (id: string) => staff.find((p) => p.id === id);
  const siteName = (id: string | undefined) => sites.find((s) => s.id === id)?.name ?? '?';

  async function run(action: () => Promise<string>) {
    try {
      announce(await action(), 'success');
      setError(null);
    } catch (e) {
      setError(writeErrorMessage(e));
    }
  }
  const toggleKind = (a: Absence, name: string) =>
    run(async () => {
      const kind = a.kind === 'planned' ? 'unplanned' : 'planned';
      const result = await updateAbsence(getDb(), a.id, { kind }, writeContext());
      void notifyAll(result.notifications);
      return `${absenceText(a, name)}: als ${ABSENCE_KIND_LABELS[kind]} markiert.`;
    });
  const cancel = (a: Absence, name: string) =>
    run(async () => {
      const result = await cancelAbsence(getDb(), a.id, writeContext());
      void notifyAll(result.notifications);
      return `Abwesenheit zurückgenommen: ${absenceText(a, name)}.`;
    });

  return (
    <section aria-labelledby="absence-list-h">
      <h2 id="absence-list-h">Eingetragene Abwesenheiten ab heute</h2>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {!rows ? (
        <p aria-busy="true">Wird geladen …</p>
      ) : rows.length === 0 ? (
        <p>Keine Abwesenheiten eingetragen.</p>
      ) : (
        <ScrollRegion label="Eingetragene Abwesenheiten">
        <table className="staffing-table">
          <caption className="visually-hidden">Eingetragene Abwesenheiten ab heute</caption>
          <thead>
            <tr>
              <th scope="col">Person</th>
              <th scope="col">Zeitraum</th>
              <th scope="col">Grund</th>
              <th scope="col">Art</th>
              <th scope="col">Gemeldet</th>
              <th scope="col">Aktionen</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((a) => {
              const p = person(a.staffId);
              const name = p?.name ?? 'Unbekannt';
              const other = a.kind === 'planned' ? 'ungeplant' : 'geplant';
              return (
                <tr key={a.id}>
                  <th scope="row">
                    {name} <span className="hint">({siteName(p?.homeSiteId)})</span>
                  </th>
                  <td>{absenceSpan(a)}</td>
                  <td className="free-text">
                    {absenceReasonText(a)}
                    {a.note ? <span className="hint"> – {a.note}</span> : null}
                  </td>
                  <td>
                    <span className={`badge ${a.kind === 'unplanned' ? 'badge-due-soon' : 'badge-neutral'}`}>{ABSENCE_KIND_LABELS[a.kind]}</span>
                    {a.kindOverridden ? ' (von Hand)' : ''}
                  </td>
                  <td>{formatDateTime(a.registeredAt)}</td>
                  <td className="row-actions">
                    <button type="button" onClick={() => void toggleKind(a, name)}>
                      Als {other} markieren<span className="visually-hidden">: {absenceText(a, name)}</span>
                    </button>{' '}
                    <button type="button" onClick={() => void cancel(a, name)}>
                      Zurücknehmen<span className="visually-hidden">: {absenceText(a, name)}</span>
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        </ScrollRegion>
      )}
    </section>
  );
}
