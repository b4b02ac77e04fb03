import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../db/db';
import { deskCodeFor } from '../../sync/desk-code';
import { updateSettings } from '../../app/session-actions';
import { useSession, useSites, useStaff } from '../../state/session';
import { announce } from '../../state/announcer';
import { PersonOptions } from '../../ui/PersonOptions';
import { SiteOptions } from '../../ui/SiteOptions';
import { setLeaveGuard } from '../../app/router';
import type { AppSettings } from '../../db/repositories/settings';
import { INITIAL_FOCUS, submitOnEnter } from '../../lib/keyboard';
import { useAuth } from '../../auth/auth';
import { PROFILE_LABELS } from '@shared/auth/permissions';

/** The fields this form edits: what "unsaved" is measured on. */
const EDITED = ['siteId', 'deskStaffId', 'deadlinePolicy', 'notifyMinutesBefore', 'retentionDays', 'demoData'] as const;
const changed = (draft: AppSettings, saved: AppSettings) => EDITED.some((k) => draft[k] !== saved[k]);

/**
 * Einstellungen of this desk. Enter saves from every field (issue 10 item 7). Leaving with unsaved
 * changes – Alt+key, a link – asks first instead of dropping them: a changed "Am Platz" left unsaved
 * would book the next work to the previous person. The question's first answer saves and goes on.
 */
export function SettingsScreen() {
  // Issue 7 item 8: on an enrolled PC the site is the enrollment's, the person the signed-in one,
  // and the Jobcenter's settings are the service's (ADMIN changes them in "Verwaltung").
  const enrolled = useAuth((s) => s.phase !== 'standalone');
  const device = useAuth((s) => s.device);
  const settings = useSession((s) => s.settings);
  const sites = useSites();
  const staff = useStaff();
  const [draft, setDraft] = useState(settings);
  const [error, setError] = useState<string | null>(null);
  const [leaving, setLeaving] = useState<(() => void) | null>(null);
  const id = useId();
  const f = (name: string) => `${id}-${name}`;
  const dirty = changed(draft, settings);
  const savedSiteId = settings.siteId;
  // Issue 6 item 6: the letter in front of this PC's call numbers, once the sync service gave it.
  const deskCode = useLiveQuery(async () => (savedSiteId ? deskCodeFor(getDb(), savedSiteId) : null), [savedSiteId]);

  // A save still under way (Enter, then at once Alt+4): the way on waits for it instead of asking.
  const pending = useRef<Promise<boolean> | null>(null);
  useEffect(() => {
    if (!dirty) return;
    return setLeaveGuard((proceed) => {
      const saving = pending.current;
      if (saving) void saving.then((ok) => (ok ? proceed() : setLeaving(() => proceed)));
      else setLeaving(() => proceed);
      return true;
    });
  }, [dirty]);

  function save(): Promise<boolean> {
    const run = (async () => {
      const message = await updateSettings(enrolled ? { demoData: draft.demoData } : draft);
      setError(message);
      if (!message) announce('Einstellungen gespeichert.', 'success');
      return !message;
    })();
    pending.current = run;
    void run.finally(() => {
      if (pending.current === run) pending.current = null;
    });
    return run;
  }
  async function submit(e: FormEvent) {
    e.preventDefault();
    await save();
  }

  return (
    <section aria-labelledby={f('h')}>
      <h1 id={f('h')}>Einstellungen</h1>
      <form onSubmit={submit} onKeyDown={submitOnEnter} noValidate className="settings-form">
        <fieldset>
          <legend>Arbeitsplatz</legend>
          {enrolled ? (
            <p>
              {device ? `${device.name}: ${sites.find((s) => s.id === device.siteId)?.name ?? '—'}, ${PROFILE_LABELS[device.profile]}.` : null} Standort und
              Profil legt die Administration bei der Einrichtung fest; wer hier arbeitet, meldet sich an.
            </p>
          ) : (
            <>
          <div className="field">
            <label htmlFor={f('site')}>Standort dieses Arbeitsplatzes</label>
            <select id={f('site')} {...INITIAL_FOCUS} value={draft.siteId ?? ''} onChange={(e) => setDraft({ ...draft, siteId: e.target.value || null })}>
              <SiteOptions sites={sites} />
            </select>
          </div>
          <div className="field">
            <label htmlFor={f('staff')}>Am Platz</label>
            <select id={f('staff')} value={draft.deskStaffId ?? ''} onChange={(e) => setDraft({ ...draft, deskStaffId: e.target.value || null })}>
              <PersonOptions people={staff.filter((p) => p.active)} sites={sites} />
            </select>
          </div>
            </>
          )}
          <p className="hint" data-testid="desk-code">
            {deskCode
              ? `Kennbuchstabe dieses Platzes: ${deskCode} – Aufrufnummern „Nr. ${deskCode} 001“ …, vom Sync-Dienst vergeben, damit kein anderer Platz dieselbe Nummer aufruft.`
              : 'Kennbuchstabe dieses Platzes: noch keiner – bis zur ersten Verbindung mit dem Sync-Dienst zählt der Platz „Nr. 001“ ….'}
          </p>
        </fieldset>
        <fieldset disabled={enrolled}>
          <legend>Rückruf-Tickets</legend>
          {enrolled && <p className="hint">Diese Werte gelten für das ganze Jobcenter; sie ändert die Administration in der Verwaltung.</p>}
          <div className="field">
            <label htmlFor={f('policy')}>Berechnung der 24-Stunden-Frist</label>
            <select
              id={f('policy')}
              value={draft.deadlinePolicy}
              onChange={(e) => setDraft({ ...draft, deadlinePolicy: e.target.value as typeof draft.deadlinePolicy })}
            >
              <option value="working-days">Arbeitstage (Mo–Fr ohne Feiertage in Rheinland-Pfalz) – Standard</option>
              <option value="calendar">Kalenderzeit (volle 24 Stunden)</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor={f('notify')}>Benachrichtigung vor Fristablauf (Minuten)</label>
            <input
              id={f('notify')}
              type="number"
              inputMode="numeric"
              value={draft.notifyMinutesBefore}
              onChange={(e) => setDraft({ ...draft, notifyMinutesBefore: Number(e.target.value) })}
            />
          </div>
          <div className="field">
            <label htmlFor={f('retention')}>Personenbezogene Daten anonymisieren nach (Tagen)</label>
            <input
              id={f('retention')}
              type="number"
              inputMode="numeric"
              value={draft.retentionDays}
              onChange={(e) => setDraft({ ...draft, retentionDays: Number(e.target.value) })}
            />
          </div>
        </fieldset>
        <fieldset>
          <legend>Demodaten</legend>
          <div className="field checkbox">
            <input id={f('demo')} type="checkbox" checked={draft.demoData} onChange={(e) => setDraft({ ...draft, demoData: e.target.checked })} />
            <label htmlFor={f('demo')}>Demodaten anzeigen (einige Wochen Beispielverlauf). Ausschalten entfernt nur die Beispieldaten.</label>
          </div>
        </fieldset>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary" aria-keyshortcuts="Enter">
          Speichern <kbd>Enter</kbd>
        </button>
      </form>
      {leaving && (
        <UnsavedDialog
          onSave={async () => {
            const go = leaving;
            setLeaving(null);
            if (await save()) go();
            else document.getElementById(f('site'))?.focus();
          }}
          onDiscard={() => {
            const go = leaving;
            setLeaving(null);
            setDraft(settings);
            go();
          }}
          onStay={() => setLeaving(null)}
        />
      )}
    </section>
  );
}

/** Leaving with unsaved settings: save and go on (Enter), discard (V) or stay (Esc). A modal dialog. */
function UnsavedDialog({ onSave, onDiscard, onStay }: { onSave: () => void; onDiscard: () => void; onStay: () => void }) {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const saveButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    saveButton.current?.focus();
  }, []);
  const decided = useRef(false);
  const decide = (choice: () => void) => {
    if (decided.current) return;
    decided.current = true;
    dialog.current?.close();
    choice();
  };
  function onKeyDown(e: KeyboardEvent<HTMLDialogElement>) {
    // Modal: no screen switch or shortcut behind it may act on these keys.
    e.stopPropagation();
    if (e.key === 'Escape') {
      e.preventDefault();
      decide(onStay);
    } else if (e.key.toUpperCase() === 'V' && !e.altKey && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      decide(onDiscard);
    }
  }
  return (
    <dialog ref={dialog} role="alertdialog" className="discard-dialog" aria-labelledby={`${id}-t`} aria-describedby={`${id}-d`} onKeyDown={onKeyDown} onClose={() => decide(onStay)}>
      <h2 id={`${id}-t`}>Einstellungen speichern?</h2>
      <p id={`${id}-d`}>Die Änderungen sind noch nicht gespeichert. Ohne Speichern gilt weiter die bisherige Einstellung, auch für die Person am Platz.</p>
      <div className="step-actions">
        <button ref={saveButton} type="button" className="primary" onClick={() => decide(onSave)} aria-keyshortcuts="Enter">
          Speichern und weiter <kbd aria-hidden="true">Enter</kbd>
        </button>
        <button type="button" onClick={() => decide(onDiscard)} aria-keyshortcuts="V">
          Verwerfen <kbd aria-hidden="true">V</kbd>
        </button>
        <button type="button" onClick={() => decide(onStay)} aria-keyshortcuts="Escape">
          Hier bleiben <kbd aria-hidden="true">Esc</kbd>
        </button>
      </div>
    </dialog>
  );
}
