import { useId, useState, type FormEvent } from 'react';
import type { Site } from '@shared/model';
import { siteStaffingInputSchema } from '@shared/model';
import { writeContext } from '../../app/write-context';
import { getDb } from '../../db/db';
import { updateSiteStaffing } from '../../db/repositories/sites';
import { announce } from '../../state/announcer';
import { firstFieldError, type FieldError } from './form-errors';
import { WEEKDAYS, WEEKDAY_LABELS } from './staff-labels';
import { draftAgainLater } from './use-week-draft';
import { notifyWrite, refreshDirectory } from './write-helpers';
import { writeErrorMessage } from '../../lib/use-write-action';
import { ScrollRegion } from '../../ui/ScrollRegion';
import { TimeInput } from '../../ui/DateTimeInput';

interface SessionDraft {
  key: number;
  weekday: number;
  start: string;
  end: string;
}

/** Seed §4.1: free access Mon, Tue, Thu, Fri 08:00–12:00 – what a new row proposes. */
const NEW_SESSION = { weekday: 1, start: '08:00', end: '12:00' };

/**
 * Opening sessions and minimum staff of one site (issue #3 item 2; SPEC §6 "configurable minimum
 * (default 1 per session)"). Weeks already planned keep their roster; new sessions are drafted the
 * next time their week is opened.
 */
export function SiteSessionsForm({ site }: { site: Site }) {
  const id = useId();
  const f = (name: string) => `${id}-${name}`;
  const [minStaff, setMinStaff] = useState(String(site.minStaff));
  const [rows, setRows] = useState<SessionDraft[]>(() => site.sessions.map((s, i) => ({ key: i, ...s })));
  const [nextKey, setNextKey] = useState(site.sessions.length);
  const [error, setError] = useState<FieldError | null>(null);
  const [busy, setBusy] = useState(false);
  const update = (key: number, patch: Partial<SessionDraft>) => setRows((list) => list.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  function add() {
    setRows((list) => [...list, { key: nextKey, ...NEW_SESSION }]);
    setNextKey(nextKey + 1);
    // The new row's first control, once rendered.
    requestAnimationFrame(() => document.getElementById(`${f('weekday')}-${nextKey}`)?.focus());
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const input = { minStaff: minStaff.trim() === '' ? Number.NaN : Number(minStaff), sessions: rows.map(({ weekday, start, end }) => ({ weekday, start, end })) };
    const invalid = firstFieldError(siteStaffingInputSchema, input);
    if (invalid) {
      setError(invalid);
      document.getElementById(invalid.field === 'minStaff' ? f('minStaff') : f('error'))?.focus();
      return;
    }
    setBusy(true);
    try {
      const result = await updateSiteStaffing(getDb(), site.id, input, writeContext());
      await refreshDirectory();
      draftAgainLater();
      setError(null);
      announce(`Öffnungszeiten ${site.name} gespeichert.${notifyWrite(result)}`, 'success');
    } catch (err) {
      setError({ field: null, message: writeErrorMessage(err) });
      document.getElementById(f('error'))?.focus();
    } finally {
      setBusy(false);
    }
  }

  const minInvalid = error?.field === 'minStaff';
  return (
    <form className="staffing-form" onSubmit={submit} noValidate aria-labelledby={f('h')}>
      <h2 id={f('h')}>Öffnungszeiten und Mindestbesetzung {site.name}</h2>
      <div className="field">
        <label htmlFor={f('minStaff')}>Mindestbesetzung je Öffnungszeit (Personen)</label>
        <input
          id={f('minStaff')}
          type="number"
          inputMode="numeric"
          min={1}
          max={10}
          value={minStaff}
          onChange={(e) => setMinStaff(e.target.value)}
          aria-invalid={minInvalid ? true : undefined}
          aria-describedby={minInvalid ? f('error') : undefined}
        />
      </div>
      <ScrollRegion label={`Öffnungszeiten ${site.name} je Wochentag`}>
      <table className="staffing-table sessions-table">
        <caption>Öffnungszeiten (freier Zugang) je Wochentag</caption>
        <thead>
          <tr>
            <th scope="col">Wochentag</th>
            <th scope="col">Beginn</th>
            <th scope="col">Ende</th>
            <th scope="col">Aktion</th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={4}>Keine Öffnungszeiten – die Anlaufstelle hat keinen freien Zugang.</td>
            </tr>
          )}
          {rows.map((r, i) => (
            <tr key={r.key}>
              <td>
                <label className="visually-hidden" htmlFor={`${f('weekday')}-${r.key}`}>
                  Wochentag der {i + 1}. Öffnungszeit
                </label>
                <select id={`${f('weekday')}-${r.key}`} value={r.weekday} onChange={(e) => update(r.key, { weekday: Number(e.target.value) })}>
                  {WEEKDAYS.map((d) => (
                    <option key={d} value={d}>
                      {WEEKDAY_LABELS[d]}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <label className="visually-hidden" htmlFor={`${f('start')}-${r.key}`}>
                  Beginn der {i + 1}. Öffnungszeit
                </label>
                <TimeInput id={`${f('start')}-${r.key}`} value={r.start} onValueChange={(v) => update(r.key, { start: v })} />
              </td>
              <td>
                <label className="visually-hidden" htmlFor={`${f('end')}-${r.key}`}>
                  Ende der {i + 1}. Öffnungszeit
                </label>
                <TimeInput id={`${f('end')}-${r.key}`} value={r.end} onValueChange={(v) => update(r.key, { end: v })} />
              </td>
              <td>
                <button type="button" onClick={() => setRows((list) => list.filter((x) => x.key !== r.key))}>
                  Entfernen<span className="visually-hidden">: {i + 1}. Öffnungszeit ({WEEKDAY_LABELS[r.weekday]})</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      </ScrollRegion>
      {error && (
        <p id={f('error')} className="error" role="alert" tabIndex={-1}>
          {error.message}
        </p>
      )}
      <div className="form-actions">
        <button type="button" onClick={add}>
          Öffnungszeit hinzufügen
        </button>
        <button type="submit" className="primary" disabled={busy}>
          Öffnungszeiten speichern
        </button>
      </div>
    </form>
  );
}
