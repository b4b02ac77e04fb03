import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { Role, Staff } from '@shared/model';
import { ROLES, ROLE_LABELS, staffInputSchema } from '@shared/model';
import { navigate } from '../../app/router';
import { writeContext } from '../../app/write-context';
import { getDb } from '../../db/db';
import { createStaff, deactivateStaff, DuplicatePersonError, reactivateStaff, updateStaff } from '../../db/repositories/staff';
import { announce } from '../../state/announcer';
import { useCurrentSite, useSites } from '../../state/session';
import { fieldA11y, firstFieldError, type FieldError } from './form-errors';
import { ROLE_HINTS, WEEKDAYS, WEEKDAY_LABELS } from './staff-labels';
import { staffingSegments } from './staffing-routes';
import { notifyWrite, refreshDirectory } from './write-helpers';
import { SiteOptions } from '../../ui/SiteOptions';
import { writeErrorMessage } from '../../lib/use-write-action';

interface Draft {
  name: string;
  homeSiteId: string;
  roles: Role[];
  weekdays: number[];
}

/**
 * Create or edit one person of the directory (issue #3 item 1). A new person is active; an existing
 * one is deactivated or reactivated with its own button, because deactivating also takes the person
 * off the roster from today on (staff.ts) and the clerk should see that said.
 */
export function StaffForm({ person }: { person: Staff | null }) {
  const id = useId();
  const f = (name: string) => `${id}-${name}`;
  const sites = useSites();
  const site = useCurrentSite();
  const heading = useRef<HTMLHeadingElement>(null);
  const [draft, setDraft] = useState<Draft>(
    person
      ? { name: person.name, homeSiteId: person.homeSiteId, roles: [...person.roles], weekdays: [...person.weekdays] }
      : { name: '', homeSiteId: site?.id ?? '', roles: ['EZ'], weekdays: [1, 2, 3, 4, 5] },
  );
  const [error, setError] = useState<FieldError | null>(null);
  const [busy, setBusy] = useState(false);
  // Issue 10 item 4: "Es gibt bereits … – trotzdem anlegen?" – asked for this name and site only.
  const [duplicate, setDuplicate] = useState<{ name: string; homeSiteId: string; question: string } | null>(null);
  const askedNow = duplicate !== null && duplicate.name === draft.name && duplicate.homeSiteId === draft.homeSiteId;
  const toggle = <T,>(list: T[], value: T) => (list.includes(value) ? list.filter((x) => x !== value) : [...list, value]);
  const backToList = () => navigate(...staffingSegments({ view: 'personal', staffId: null }));

  useEffect(() => {
    heading.current?.focus();
  }, []);

  async function write(action: () => Promise<string>, leave: boolean) {
    if (busy) return;
    setBusy(true);
    try {
      const text = await action();
      await refreshDirectory();
      setError(null);
      announce(text, 'success');
      if (leave) backToList();
    } catch (e) {
      if (e instanceof DuplicatePersonError) {
        setError(null);
        setDuplicate({ name: draft.name, homeSiteId: draft.homeSiteId, question: e.message });
        // After the render that shows it: the question is read out and Tab reaches its buttons.
        requestAnimationFrame(() => document.getElementById(f('duplicate'))?.focus());
        return;
      }
      setError({ field: null, message: writeErrorMessage(e) });
      document.getElementById(f('error'))?.focus();
    } finally {
      setBusy(false);
    }
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    save(false);
  }

  function save(confirmDuplicate: boolean) {
    const input = { ...draft, active: person?.active ?? true };
    const invalid = firstFieldError(staffInputSchema, input);
    if (invalid) {
      setError(invalid);
      const target = invalid.field === 'roles' ? `${f('roles')}-${ROLES[0]}` : invalid.field === 'weekdays' ? `${f('weekdays')}-1` : f(invalid.field ?? 'error');
      document.getElementById(target)?.focus();
      return;
    }
    void write(async () => {
      if (person) {
        const result = await updateStaff(getDb(), person.id, draft, writeContext(), { confirmDuplicate });
        return `${draft.name.trim()} gespeichert.${notifyWrite(result)}`;
      }
      await createStaff(getDb(), input, writeContext(), { confirmDuplicate });
      return `${draft.name.trim()} angelegt.`;
    }, true);
  }

  const a11y = (field: string) => fieldA11y(error, field, f('error'));
  const groupDescribedBy = (field: string) => ({ 'aria-describedby': a11y(field)['aria-describedby'] });
  return (
    <form className="staffing-form" onSubmit={submit} noValidate aria-labelledby={f('h')}>
      <h2 id={f('h')} tabIndex={-1} ref={heading}>
        {person ? `${person.name} bearbeiten` : 'Neue Person anlegen'}
      </h2>
      <div className="field">
        <label htmlFor={f('name')}>Name</label>
        <input id={f('name')} type="text" autoComplete="off" value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} {...a11y('name')} />
      </div>
      <div className="field">
        <label htmlFor={f('homeSiteId')}>Stammstandort</label>
        <select id={f('homeSiteId')} value={draft.homeSiteId} onChange={(e) => setDraft({ ...draft, homeSiteId: e.target.value })} {...a11y('homeSiteId')}>
          <option value="">– bitte wählen –</option>
          <SiteOptions sites={sites} />
        </select>
      </div>
      <fieldset {...groupDescribedBy('roles')}>
        <legend>Rollen (mehrere möglich)</legend>
        {ROLES.map((r) => (
          <div key={r} className="field checkbox">
            <input
              id={`${f('roles')}-${r}`}
              type="checkbox"
              checked={draft.roles.includes(r)}
              onChange={() => setDraft({ ...draft, roles: toggle(draft.roles, r) })}
              aria-describedby={`${f('roles')}-${r}-hint`}
            />
            <label htmlFor={`${f('roles')}-${r}`}>{ROLE_LABELS[r]}</label>
            <span id={`${f('roles')}-${r}-hint`} className="hint">
              – {ROLE_HINTS[r]}
            </span>
          </div>
        ))}
      </fieldset>
      <fieldset {...groupDescribedBy('weekdays')}>
        <legend>Arbeitstage (Teilzeit: nur die Tage, an denen die Person arbeitet)</legend>
        <div className="weekday-choices">
          {WEEKDAYS.map((d) => (
            <div key={d} className="field checkbox">
              <input
                id={`${f('weekdays')}-${d}`}
                type="checkbox"
                checked={draft.weekdays.includes(d)}
                onChange={() => setDraft({ ...draft, weekdays: toggle(draft.weekdays, d) })}
              />
              <label htmlFor={`${f('weekdays')}-${d}`}>{WEEKDAY_LABELS[d]}</label>
            </div>
          ))}
        </div>
      </fieldset>
      {error && (
        <p id={f('error')} className="error" role="alert" tabIndex={-1}>
          {error.message}
        </p>
      )}
      {askedNow && (
        <div className="notice" role="group" aria-labelledby={f('duplicate')}>
          <p id={f('duplicate')} role="alert" tabIndex={-1}>
            {duplicate.question}
          </p>
          <button type="button" disabled={busy} onClick={() => save(true)}>
            {person ? 'Trotzdem speichern' : 'Trotzdem anlegen'}
          </button>{' '}
          <button
            type="button"
            onClick={() => {
              setDuplicate(null);
              document.getElementById(f('name'))?.focus();
            }}
          >
            Nein, Namen ändern
          </button>
        </div>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {person ? 'Änderungen speichern' : 'Person anlegen'}
        </button>
        {person?.active && (
          <button
            type="button"
            disabled={busy}
            onClick={() =>
              void write(async () => {
                const result = await deactivateStaff(getDb(), person.id, writeContext());
                const { removedShifts } = result;
                return `${person.name} deaktiviert.${removedShifts > 0 ? ` ${removedShifts} Einträge im Besetzungsplan ab heute entfernt – die Übersicht zeigt die Lücken.` : ''}${notifyWrite(result)}`;
              }, false)
            }
          >
            Deaktivieren
          </button>
        )}
        {person && !person.active && (
          <button
            type="button"
            disabled={busy}
            onClick={() =>
              void write(async () => {
                await reactivateStaff(getDb(), person.id, writeContext());
                return `${person.name} wieder aktiv.`;
              }, false)
            }
          >
            Wieder aktivieren
          </button>
        )}
        <button type="button" onClick={backToList}>
          Abbrechen
        </button>
      </div>
      {person && <p className="hint">Status: {person.active ? 'aktiv' : 'inaktiv – wird nicht eingeplant und nicht vorgeschlagen'}.</p>}
    </form>
  );
}
