import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { ROLE_LABELS, ROLES, rolesText } from '@shared/model/vocabulary';
import { submitOnEnter } from '../../lib/keyboard';
import { announce } from '../../state/announcer';
import { useSites, useStaff } from '../../state/session';
import { PersonOptions } from '../../ui/PersonOptions';
import { ScrollRegion } from '../../ui/ScrollRegion';
import { SiteOptions } from '../../ui/SiteOptions';
import { accountDraft, accountRequest, EMPTY_ACCOUNT, MIN_PASSWORD, type AccountDraft, type AccountRow } from './admin-model';
import { callService } from './service-call';

/**
 * The accounts of the service's own directory (issue 7 item 8). With Active Directory the accounts
 * and their groups are kept there; this screen then only says so.
 */
export function AccountsSection() {
  const id = useId();
  const f = (name: string) => `${id}-${name}`;
  const sites = useSites();
  const staff = useStaff();
  const [listing, setListing] = useState<{ directory: string; accounts: AccountRow[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** null: no form open; '' a new account; else the user name being edited. */
  const [editing, setEditing] = useState<string | null>(null);

  // Bumped to read the list anew (after a save).
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let live = true;
    void callService<{ directory: string; accounts: AccountRow[] }>('/v1/admin/accounts').then((res) => {
      if (!live) return;
      if (res.ok) {
        setListing(res.value);
        setError(null);
      } else setError(res.error);
    });
    return () => {
      live = false;
    };
  }, [version]);

  const siteName = (siteId: string | null) => (siteId ? (sites.find((s) => s.id === siteId)?.name ?? 'unbekannter Standort') : '—');
  const personName = (staffId: string | null) => (staffId ? (staff.find((p) => p.id === staffId)?.name ?? 'unbekannte Person') : '—');
  const editedAccount = editing ? listing?.accounts.find((a) => a.username === editing) : undefined;

  return (
    <section aria-labelledby={f('h')}>
      <h2 id={f('h')} tabIndex={-1}>
        Konten
      </h2>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {listing === null ? (
        !error && <p role="status">Die Konten werden geladen …</p>
      ) : listing.directory !== 'embedded' ? (
        <p className="notice">
          Die Konten und ihre Rollen pflegt das Active Directory des Jobcenters (Gruppen). Hier ist nichts zu ändern: wer im Verzeichnis deaktiviert wird, kann sich
          bei der nächsten Anmeldung mit Verbindung nicht mehr anmelden.
        </p>
      ) : (
        <>
          <button type="button" onClick={() => setEditing('')}>
            Neues Konto
          </button>
          <ScrollRegion label="Konten">
            <table>
              <thead>
                <tr>
                  <th scope="col">Benutzername</th>
                  <th scope="col">Name</th>
                  <th scope="col">Person</th>
                  <th scope="col">Rollen</th>
                  <th scope="col">Standort</th>
                  <th scope="col">Status</th>
                  <th scope="col">Aktion</th>
                </tr>
              </thead>
              <tbody>
                {listing.accounts.map((a) => (
                  <tr key={a.username}>
                    <td>{a.username}</td>
                    <td>{a.displayName}</td>
                    <td>{personName(a.staffId)}</td>
                    <td>{rolesText(a.roles)}</td>
                    <td>{siteName(a.homeSiteId)}</td>
                    <td>{a.disabled ? 'deaktiviert' : a.hasPassword ? 'aktiv' : 'aktiv, ohne Kennwort'}</td>
                    <td>
                      <button type="button" aria-label={`Konto ${a.username} bearbeiten`} onClick={() => setEditing(a.username)}>
                        Bearbeiten
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          {editing !== null && (
            <AccountForm
              key={editing}
              formId={f('form')}
              initial={editedAccount ? accountDraft(editedAccount) : EMPTY_ACCOUNT}
              isNew={!editedAccount}
              onDone={(saved) => {
                setEditing(null);
                if (saved) setVersion((v) => v + 1);
                document.getElementById(f('h'))?.focus();
              }}
            />
          )}
        </>
      )}
    </section>
  );
}

function AccountForm({ formId, initial, isNew, onDone }: { formId: string; initial: AccountDraft; isNew: boolean; onDone: (saved: boolean) => void }) {
  const id = useId();
  const f = (name: string) => `${id}-${name}`;
  const sites = useSites();
  const staff = useStaff();
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  const choosePerson = (staffId: string) => {
    const person = staff.find((p) => p.id === staffId);
    setDraft((d) => ({
      ...d,
      staffId,
      // A linked person brings name and site along, unless they were typed already.
      displayName: d.displayName || person?.name || '',
      homeSiteId: d.homeSiteId || person?.homeSiteId || '',
    }));
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const request = accountRequest(draft, isNew);
    if (!request.ok) {
      setErrors(request.errors);
      return;
    }
    setErrors([]);
    setBusy(true);
    const res = await callService<{ account: unknown }>('/v1/admin/accounts', { method: 'PUT', body: request.value });
    setBusy(false);
    if (!res.ok) {
      setErrors([res.error]);
      return;
    }
    announce(`Konto ${request.value.account.username} gespeichert.`, 'success');
    onDone(true);
  }

  const title = isNew ? 'Neues Konto' : `Konto ${initial.username} bearbeiten`;
  return (
    <form
      id={formId}
      className="admin-form account-form"
      aria-labelledby={f('h')}
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onDone(false);
          return;
        }
        submitOnEnter(e);
      }}
      noValidate
    >
      <h3 id={f('h')}>{title}</h3>
      <div className="field">
        <label htmlFor={f('username')}>Benutzername</label>
        <input
          id={f('username')}
          ref={first}
          type="text"
          autoComplete="off"
          spellCheck={false}
          readOnly={!isNew}
          aria-describedby={f('username-hint')}
          value={draft.username}
          onChange={(e) => setDraft({ ...draft, username: e.target.value })}
        />
        <span id={f('username-hint')} className="field-format hint">
          {isNew ? 'vorname.nachname – Buchstaben, Ziffern, Punkt, Binde- und Unterstrich' : 'Der Benutzername bleibt; für einen anderen ein neues Konto anlegen.'}
        </span>
      </div>
      <div className="field">
        <label htmlFor={f('person')}>Person im Personalverzeichnis</label>
        <select id={f('person')} value={draft.staffId} onChange={(e) => choosePerson(e.target.value)}>
          <option value="">— keine —</option>
          <PersonOptions people={staff} sites={sites} />
        </select>
      </div>
      <div className="field">
        <label htmlFor={f('name')}>Name</label>
        <input id={f('name')} type="text" autoComplete="off" maxLength={80} value={draft.displayName} onChange={(e) => setDraft({ ...draft, displayName: e.target.value })} />
      </div>
      <fieldset>
        <legend>Rollen</legend>
        {ROLES.map((r) => (
          <div className="field checkbox" key={r}>
            <input
              id={f(`role-${r}`)}
              type="checkbox"
              checked={draft.roles.includes(r)}
              onChange={(e) => setDraft({ ...draft, roles: e.target.checked ? [...draft.roles, r] : draft.roles.filter((x) => x !== r) })}
            />
            <label htmlFor={f(`role-${r}`)}>{ROLE_LABELS[r]}</label>
          </div>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={f('site')}>Standort</label>
        <select id={f('site')} value={draft.homeSiteId} onChange={(e) => setDraft({ ...draft, homeSiteId: e.target.value })}>
          <option value="">— keiner —</option>
          <SiteOptions sites={sites} />
        </select>
      </div>
      <div className="field checkbox">
        <input id={f('disabled')} type="checkbox" checked={draft.disabled} onChange={(e) => setDraft({ ...draft, disabled: e.target.checked })} />
        <label htmlFor={f('disabled')}>Konto deaktiviert (die Person kann sich nicht mehr anmelden)</label>
      </div>
      <div className="field">
        <label htmlFor={f('password')}>{isNew ? 'Kennwort' : 'Neues Kennwort'}</label>
        <input
          id={f('password')}
          type="password"
          autoComplete="new-password"
          aria-describedby={f('password-hint')}
          value={draft.password}
          onChange={(e) => setDraft({ ...draft, password: e.target.value })}
        />
        <span id={f('password-hint')} className="field-format hint">
          Mindestens {MIN_PASSWORD} Zeichen.{isNew ? '' : ' Leer lassen: das bisherige Kennwort bleibt.'}
        </span>
      </div>
      {errors.length > 0 && (
        <p className="error" role="alert">
          {errors.join(' ')}
        </p>
      )}
      <button type="submit" className="primary" aria-keyshortcuts="Enter" disabled={busy}>
        Konto speichern <kbd>Enter</kbd>
      </button>{' '}
      <button type="button" aria-keyshortcuts="Escape" onClick={() => onDone(false)}>
        Abbrechen <kbd>Esc</kbd>
      </button>
    </form>
  );
}
