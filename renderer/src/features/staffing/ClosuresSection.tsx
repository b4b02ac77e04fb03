import { useId, useState, type FormEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { addDays } from '@shared/domain/calendar';
import { formatSessionDate } from '@shared/domain/desk-sessions';
import { closureInputSchemaOn, STAFFING_TEXT_LIMITS } from '@shared/model';
import { writeContext } from '../../app/write-context';
import { getDb } from '../../db/db';
import { addClosure, closuresBetween, removeClosure } from '../../db/repositories/closures';
import { announce } from '../../state/announcer';
import { useSites } from '../../state/session';
import { fieldA11y, firstFieldError, type FieldError } from './form-errors';
import { draftAgainLater } from './use-week-draft';
import { SiteOptions } from '../../ui/SiteOptions';
import { writeErrorMessage } from '../../lib/use-write-action';
import { ScrollRegion } from '../../ui/ScrollRegion';
import { DateInput } from '../../ui/DateTimeInput';
import { TextLimit } from '../../ui/TextLimit';

const ALL = 'alle';

/**
 * Closure days of one site or of all sites (issue #3 item 2): no opening session, nothing to staff
 * or cover. Public holidays of Rhineland-Palatinate need no entry (SPEC §2) – the board shows them.
 */
export function ClosuresSection({ today, defaultSiteId }: { today: string; defaultSiteId: string }) {
  const id = useId();
  const f = (name: string) => `${id}-${name}`;
  const sites = useSites();
  const closures = useLiveQuery(() => closuresBetween(getDb(), today, addDays(today, 366)), [today]);
  const [draft, setDraft] = useState({ siteId: defaultSiteId, from: today, to: '', reason: '' });
  const [error, setError] = useState<FieldError | null>(null);
  const [busy, setBusy] = useState(false);
  const siteName = (siteId: string | null) => (siteId === null ? 'Alle Standorte' : (sites.find((s) => s.id === siteId)?.name ?? '?'));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const input = { siteId: draft.siteId === ALL ? null : draft.siteId, from: draft.from, to: draft.to || undefined, reason: draft.reason };
    const invalid = firstFieldError(closureInputSchemaOn(today), input);
    if (invalid) return fail(invalid);
    setBusy(true);
    try {
      const created = await addClosure(getDb(), input, writeContext());
      draftAgainLater();
      setError(null);
      setDraft({ ...draft, to: '', reason: '' });
      announce(`${siteName(input.siteId)}: ${created.length === 1 ? '1 Schließtag' : `${created.length} Schließtage`} eingetragen.`, 'success');
    } catch (err) {
      fail({ field: null, message: writeErrorMessage(err) });
    } finally {
      setBusy(false);
    }
  }
  function fail(err: FieldError) {
    setError(err);
    document.getElementById(err.field ? f(err.field) : f('error'))?.focus();
  }
  async function reopen(closureId: string, label: string) {
    try {
      await removeClosure(getDb(), closureId, writeContext());
      draftAgainLater();
      announce(`${label} wieder geöffnet.`, 'success');
    } catch (err) {
      setError({ field: null, message: writeErrorMessage(err) });
    }
  }

  const a11y = (field: string) => fieldA11y(error, field, f('error'));
  return (
    <section aria-labelledby={f('h')}>
      <h2 id={f('h')}>Schließtage</h2>
      <p className="hint">Feiertage in Rheinland-Pfalz sind bereits berücksichtigt und brauchen keinen Eintrag.</p>
      <form className="staffing-form" onSubmit={submit} noValidate aria-label="Schließtag eintragen">
        <div className="field-row">
          <div className="field">
            <label htmlFor={f('siteId')}>Standort</label>
            <select id={f('siteId')} value={draft.siteId} onChange={(e) => setDraft({ ...draft, siteId: e.target.value })} {...a11y('siteId')}>
              <option value={ALL}>Alle Standorte</option>
              <SiteOptions sites={sites} />
            </select>
          </div>
          <div className="field">
            <label htmlFor={f('from')}>Erster Schließtag</label>
            <DateInput id={f('from')} value={draft.from} onValueChange={(v) => setDraft({ ...draft, from: v })} {...a11y('from')} />
          </div>
          <div className="field">
            <label htmlFor={f('to')}>Letzter Schließtag (freiwillig)</label>
            <DateInput id={f('to')} value={draft.to} onValueChange={(v) => setDraft({ ...draft, to: v })} {...a11y('to')} />
          </div>
        </div>
        <div className="field">
          <label htmlFor={f('reason')}>
            Grund
            <TextLimit max={STAFFING_TEXT_LIMITS.closureReason} />
          </label>
          <input id={f('reason')} type="text" value={draft.reason} onChange={(e) => setDraft({ ...draft, reason: e.target.value })} {...a11y('reason')} />
        </div>
        {error && (
          <p id={f('error')} className="error" role="alert" tabIndex={-1}>
            {error.message}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          Schließtag eintragen
        </button>
      </form>
      {!closures ? (
        <p aria-busy="true">Wird geladen …</p>
      ) : closures.length === 0 ? (
        <p>Keine Schließtage eingetragen.</p>
      ) : (
        <ScrollRegion label="Eingetragene Schließtage ab heute">
        <table className="staffing-table">
          <caption>Eingetragene Schließtage ab heute</caption>
          <thead>
            <tr>
              <th scope="col">Tag</th>
              <th scope="col">Standort</th>
              <th scope="col">Grund</th>
              <th scope="col">Aktion</th>
            </tr>
          </thead>
          <tbody>
            {closures.map((c) => {
              const label = `${siteName(c.siteId)}, ${formatSessionDate(c.date)}`;
              return (
                <tr key={c.id}>
                  <th scope="row">{formatSessionDate(c.date)}</th>
                  <td>{siteName(c.siteId)}</td>
                  <td>{c.reason}</td>
                  <td>
                    <button type="button" onClick={() => void reopen(c.id, label)}>
                      Wieder öffnen<span className="visually-hidden">: {label}</span>
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
