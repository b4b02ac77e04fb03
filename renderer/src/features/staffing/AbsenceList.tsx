import { useMay } from '../../auth/use-permission';
import { useId, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Absence } from '@shared/model';
import { ABSENCE_KIND_LABELS, absenceReasonText } from '@shared/model';
import { writeContext } from '../../app/write-context';
import { getDb } from '../../db/db';
import { cancelAbsence, listAbsences, updateAbsence, type AbsenceWindow } from '../../db/repositories/absences';
import { formatDateTime } from '../../lib/format';
import { announce } from '../../state/announcer';
import { useSites, useStaff } from '../../state/session';
import { kindDaysText } from './absence-kind-text';
import { absenceSpan, absenceText } from './absence-text';
import { notifyAll } from './write-helpers';
import { writeErrorMessage } from '../../lib/use-write-action';
import { PersonOptions } from '../../ui/PersonOptions';
import { ScrollRegion } from '../../ui/ScrollRegion';

const WINDOWS: { value: AbsenceWindow; label: string; heading: string }[] = [
  { value: 'current', label: 'Aktuell und künftig', heading: 'Aktuelle und künftige Abwesenheiten' },
  { value: 'past', label: 'Vergangen', heading: 'Vergangene Abwesenheiten' },
  { value: 'all', label: 'Alle', heading: 'Alle Abwesenheiten' },
];

/**
 * Absences (issue #3 item 4) with the kind as stored – "von Hand" when someone marked it – and two
 * actions: mark the other kind (the "unless marked otherwise" of the rule, then for every day), and
 * withdraw. The stored kind is the first working day's; when later days differ (issue 7 item 9:
 * each day by its own notice) the cell says so: "ungeplant am 07.12., ab 08.12. geplant". Accepted
 * cover for a withdrawn absence stays on the roster (absences.ts). Issue 10 item 4: every absence
 * can be found to withdraw it – current and coming ones however far ahead, past ones, all, and
 * per person.
 */
export function AbsenceList({ today }: { today: string }) {
  const id = useId();
  const [when, setWhen] = useState<AbsenceWindow>('current');
  const [staffId, setStaffId] = useState('');
  const listed = useLiveQuery(() => listAbsences(getDb(), { when, today, ...(staffId ? { staffId } : {}) }), [when, today, staffId]);
  const rows = listed?.rows;
  const staff = useStaff();
  const sites = useSites();
  const [error, setError] = useState<string | null>(null);
  const person = (id: string) => staff.find((p) => p.id === id);
  // SPEC §8: absence reasons (health data of staff) only for the person and those who keep the directory.
  const may = useMay();
  const seesReason = (a: Absence) => a.restricted !== true && may({ kind: 'view-absence-reason', absence: a });
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

  const window_ = WINDOWS.find((w) => w.value === when)!;
  const heading = `${window_.heading}${staffId ? ` – ${person(staffId)?.name ?? ''}` : ''}`;
  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Eingetragene Abwesenheiten</h2>
      <div className="field-row absence-filters">
        <div className="field">
          <label htmlFor={`${id}-when`}>Zeitraum anzeigen</label>
          <select id={`${id}-when`} value={when} onChange={(e) => setWhen(e.target.value as AbsenceWindow)}>
            {WINDOWS.map((w) => (
              <option key={w.value} value={w.value}>
                {w.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-person`}>Person anzeigen</label>
          <select id={`${id}-person`} value={staffId} onChange={(e) => setStaffId(e.target.value)}>
            <option value="">Alle Personen</option>
            <PersonOptions people={staff} sites={sites} />
          </select>
        </div>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {!rows ? (
        <p aria-busy="true">Wird geladen …</p>
      ) : rows.length === 0 ? (
        <p role="status">{heading}: keine eingetragen.</p>
      ) : (
        <>
          <p role="status" className="hint">
            {heading}: {rows.length === 1 ? '1 Eintrag' : `${rows.length} Einträge`}
            {listed?.more ? ' – es gibt weitere; bitte nach Person eingrenzen.' : '.'}
          </p>
          <ScrollRegion label={heading}>
          <table className="staffing-table">
            <caption className="visually-hidden">{heading}</caption>
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
                // Issue 7 item 9: a late-registered long absence is unplanned on its first days only.
                const days = kindDaysText(a);
                return (
                  <tr key={a.id}>
                    <th scope="row">
                      {name} <span className="hint">({siteName(p?.homeSiteId)})</span>
                    </th>
                    <td>{absenceSpan(a)}</td>
                    <td className="free-text">
                      {seesReason(a) ? (
                        <>
                          {absenceReasonText(a)}
                          {a.note ? <span className="hint"> – {a.note}</span> : null}
                        </>
                      ) : (
                        <span className="hint">Grund nur für die Person und die Administration</span>
                      )}
                    </td>
                    <td>
                      <span className={`badge ${a.kind === 'unplanned' ? 'badge-due-soon' : 'badge-neutral'}`}>{ABSENCE_KIND_LABELS[a.kind]}</span>
                      {a.kindOverridden ? ' (von Hand)' : ''}
                      {days ? <span className="hint kind-days"> – {days}</span> : null}
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
        </>
      )}
    </section>
  );
}
