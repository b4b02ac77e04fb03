import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { LdapMappingResponse } from '@shared/model/ldap-mapping';
import { ROLE_LABELS, ROLES } from '@shared/model/vocabulary';
import { submitOnEnter } from '../../lib/keyboard';
import { announce } from '../../state/announcer';
import { useSites } from '../../state/session';
import { ScrollRegion } from '../../ui/ScrollRegion';
import { SiteOptions } from '../../ui/SiteOptions';
import { emptyRoleRow, emptySiteRow, mappingDraft, mappingRequest, sameMapping, type MappingDraft, type MappingError, type RowKind } from './ldap-mapping-model';
import { callService } from './service-call';

const PATH = '/v1/admin/ldap-mapping';

/**
 * "Active-Directory-Gruppen" (issue 7 item 8, SPEC §8): which AD groups give which roles and which
 * home site. ldap.json holds the start value; what ADMIN saves here replaces it on the service and
 * counts from the next sign-in. With the service's own directory there is nothing to map.
 */
export function LdapMappingSection() {
  const id = useId();
  const f = (name: string) => `${id}-${name}`;
  const [answer, setAnswer] = useState<LdapMappingResponse | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void callService<LdapMappingResponse>(PATH).then((res) => {
      if (!live) return;
      if (res.ok) setAnswer(res.value);
      else setLoadError(res.error);
    });
    return () => {
      live = false;
    };
  }, []);

  return (
    <section aria-labelledby={f('h')}>
      <h2 id={f('h')} tabIndex={-1}>
        Active-Directory-Gruppen
      </h2>
      {loadError && (
        <p className="error" role="alert">
          {loadError}
        </p>
      )}
      {answer === null ? (
        !loadError && <p role="status">Die Zuordnung der Gruppen wird geladen …</p>
      ) : answer.directory === 'embedded' || !answer.mapping ? (
        <p className="notice">
          Der Sync-Dienst verwendet sein eingebautes Verzeichnis, nicht das Active Directory: Rollen und Standort stehen an den Konten (siehe „Konten“).
        </p>
      ) : (
        <MappingForm key={JSON.stringify(answer)} answer={answer} onSaved={setAnswer} />
      )}
    </section>
  );
}

function MappingForm({ answer, onSaved }: { answer: LdapMappingResponse; onSaved: (a: LdapMappingResponse) => void }) {
  const id = useId();
  const f = (name: string) => `${id}-${name}`;
  const sites = useSites();
  const current = answer.mapping!;
  const [draft, setDraft] = useState<MappingDraft>(() => mappingDraft(current));
  const [errors, setErrors] = useState<MappingError[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** The element to focus once the rows have rendered (after adding or removing one). */
  const focusNext = useRef<string | null>(null);
  useEffect(() => {
    if (focusNext.current) document.getElementById(focusNext.current)?.focus();
    focusNext.current = null;
  });

  const fieldId = (kind: RowKind, key: string, field: string) => f(`${kind}-${key}-${field}`);
  const invalid = (kind: RowKind, index: number, field: 'group' | 'siteId') => errors.some((e) => e.row?.kind === kind && e.row.index === index && e.row.field === field);

  const setRole = (index: number, patch: Partial<MappingDraft['roleGroups'][number]>) =>
    setDraft((d) => ({ ...d, roleGroups: d.roleGroups.map((r, i) => (i === index ? { ...r, ...patch } : r)) }));
  const setSite = (index: number, patch: Partial<MappingDraft['siteGroups'][number]>) =>
    setDraft((d) => ({ ...d, siteGroups: d.siteGroups.map((r, i) => (i === index ? { ...r, ...patch } : r)) }));

  function add(kind: RowKind) {
    const row = kind === 'roleGroups' ? emptyRoleRow() : emptySiteRow();
    focusNext.current = fieldId(kind, row.key, 'group');
    setDraft((d) => (kind === 'roleGroups' ? { ...d, roleGroups: [...d.roleGroups, row as MappingDraft['roleGroups'][number]] } : { ...d, siteGroups: [...d.siteGroups, row as MappingDraft['siteGroups'][number]] }));
  }
  function remove(kind: RowKind, index: number) {
    const rows = draft[kind];
    // The focus goes to the row that takes this one's place, or to the button that adds one.
    const next = rows[index + 1] ?? rows[index - 1];
    focusNext.current = next ? fieldId(kind, next.key, 'group') : f(`add-${kind}`);
    setErrors([]);
    setDraft((d) => (kind === 'roleGroups' ? { ...d, roleGroups: d.roleGroups.filter((_, i) => i !== index) } : { ...d, siteGroups: d.siteGroups.filter((_, i) => i !== index) }));
    announce(`Zeile ${index + 1} entfernt (noch nicht gespeichert).`);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setFailure(null);
    const request = mappingRequest(draft);
    if (!request.ok) {
      setErrors(request.errors);
      const first = request.errors.find((x) => x.row)?.row;
      if (first) {
        const row = draft[first.kind][first.index];
        if (row) document.getElementById(fieldId(first.kind, row.key, first.field === 'roles' ? `role-${ROLES[0]}` : first.field))?.focus();
      }
      return;
    }
    setErrors([]);
    if (sameMapping(request.value, current)) {
      announce('Nichts geändert: die Zuordnung der Gruppen ist schon so.');
      return;
    }
    setBusy(true);
    const res = await callService<LdapMappingResponse>(PATH, { method: 'PUT', body: request.value });
    setBusy(false);
    if (!res.ok) {
      setFailure(res.error);
      return;
    }
    announce('Zuordnung der Gruppen gespeichert. Sie gilt ab der nächsten Anmeldung.', 'success');
    onSaved(res.value);
  }

  async function backToFile() {
    if (busy) return;
    setBusy(true);
    const res = await callService<LdapMappingResponse>(`${PATH}/reset`, { method: 'POST', body: {} });
    setBusy(false);
    if (!res.ok) {
      setFailure(res.error);
      return;
    }
    announce('Es gilt wieder die Zuordnung aus der Datei ldap.json, ab der nächsten Anmeldung.', 'success');
    onSaved(res.value);
  }

  const messages = failure ? [failure] : errors.map((e) => e.message);
  const siteKnown = (siteId: string) => siteId === '' || sites.some((s) => s.id === siteId);
  return (
    <form className="admin-form ldap-mapping" aria-labelledby={f('h')} onSubmit={submit} onKeyDown={submitOnEnter} noValidate>
      <h3 id={f('h')} className="visually-hidden">
        Zuordnung der Active-Directory-Gruppen
      </h3>
      <p className="hint">
        {answer.source === 'service'
          ? 'Es gilt die hier gespeicherte Zuordnung; sie ersetzt die Gruppen aus der Datei ldap.json des Sync-Dienstes.'
          : 'Es gilt die Zuordnung aus der Datei ldap.json des Sync-Dienstes. Was Sie hier speichern, ersetzt sie.'}{' '}
        Gruppen mit vollem DN (z. B. „CN=GG-Anlaufstelle-EZ,OU=Gruppen,DC=jobcenter,DC=local“) oder nur mit ihrem CN; Groß- und Kleinschreibung zählen nicht.
        Änderungen gelten ab der nächsten Anmeldung.
      </p>

      <ScrollRegion label="Rollen aus Gruppen" focusable={false}>
        <table className="mapping-table">
          <caption>Rollen aus Gruppen</caption>
          <thead>
            <tr>
              <th scope="col">Gruppe (CN oder DN)</th>
              <th scope="col">Rollen</th>
              <th scope="col">Aktion</th>
            </tr>
          </thead>
          <tbody>
            {draft.roleGroups.map((row, i) => (
              <tr key={row.key}>
                <GroupCell id={fieldId('roleGroups', row.key, 'group')} label={`Gruppe, Rollen-Zeile ${i + 1}`} invalid={invalid('roleGroups', i, 'group')} value={row.group} onChange={(group) => setRole(i, { group })} />
                <td>
                  <fieldset className="mapping-roles">
                    <legend className="visually-hidden">Rollen der Rollen-Zeile {i + 1}</legend>
                    {ROLES.map((r) => (
                      <span className="field checkbox" key={r}>
                        <input
                          id={fieldId('roleGroups', row.key, `role-${r}`)}
                          type="checkbox"
                          checked={row.roles.includes(r)}
                          onChange={(e) => setRole(i, { roles: e.target.checked ? [...row.roles, r] : row.roles.filter((x) => x !== r) })}
                        />
                        <label htmlFor={fieldId('roleGroups', row.key, `role-${r}`)}>{ROLE_LABELS[r]}</label>
                      </span>
                    ))}
                  </fieldset>
                </td>
                <RemoveCell label={`Rollen-Zeile ${i + 1} entfernen`} onRemove={() => remove('roleGroups', i)} />
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <button type="button" id={f('add-roleGroups')} onClick={() => add('roleGroups')}>
        Rollengruppe hinzufügen
      </button>

      <ScrollRegion label="Stammstandort aus Gruppen" focusable={false}>
        <table className="mapping-table">
          <caption>Stammstandort aus Gruppen (gehört jemand zu mehreren, gilt die obere Zeile)</caption>
          <thead>
            <tr>
              <th scope="col">Gruppe (CN oder DN)</th>
              <th scope="col">Standort</th>
              <th scope="col">Aktion</th>
            </tr>
          </thead>
          <tbody>
            {draft.siteGroups.length === 0 && (
              <tr>
                <td colSpan={3}>Keine Standortgruppe: den Stammstandort gibt dann nicht das Active Directory an.</td>
              </tr>
            )}
            {draft.siteGroups.map((row, i) => (
              <tr key={row.key}>
                <GroupCell id={fieldId('siteGroups', row.key, 'group')} label={`Gruppe, Standort-Zeile ${i + 1}`} invalid={invalid('siteGroups', i, 'group')} value={row.group} onChange={(group) => setSite(i, { group })} />
                <td>
                  <select
                    id={fieldId('siteGroups', row.key, 'siteId')}
                    aria-label={`Standort, Standort-Zeile ${i + 1}`}
                    aria-invalid={invalid('siteGroups', i, 'siteId') || undefined}
                    value={row.siteId}
                    onChange={(e) => setSite(i, { siteId: e.target.value })}
                  >
                    <option value="">— Standort wählen —</option>
                    {!siteKnown(row.siteId) && <option value={row.siteId}>unbekannter Standort ({row.siteId})</option>}
                    <SiteOptions sites={sites} />
                  </select>
                </td>
                <RemoveCell label={`Standort-Zeile ${i + 1} entfernen`} onRemove={() => remove('siteGroups', i)} />
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <button type="button" id={f('add-siteGroups')} onClick={() => add('siteGroups')}>
        Standortgruppe hinzufügen
      </button>

      {messages.length > 0 && (
        <div className="error" role="alert">
          <p>Nicht gespeichert:</p>
          <ul>
            {messages.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </div>
      )}
      <p>
        <button type="submit" className="primary" aria-keyshortcuts="Enter" disabled={busy}>
          Zuordnung speichern <kbd>Enter</kbd>
        </button>{' '}
        {answer.source === 'service' && (
          <button type="button" onClick={() => void backToFile()} disabled={busy} aria-describedby={f('file-hint')}>
            Zur Datei zurückkehren
          </button>
        )}
      </p>
      {answer.source === 'service' && (
        <p id={f('file-hint')} className="hint">
          „Zur Datei zurückkehren“ löscht die hier gespeicherte Zuordnung; dann gelten wieder die Gruppen aus ldap.json.
        </p>
      )}
    </form>
  );
}

/** The group of a row (CN or DN), as both tables have it. */
function GroupCell({ id, label, invalid, value, onChange }: { id: string; label: string; invalid: boolean; value: string; onChange: (group: string) => void }) {
  return (
    <td>
      <input id={id} type="text" autoComplete="off" spellCheck={false} aria-label={label} aria-invalid={invalid || undefined} value={value} onChange={(e) => onChange(e.target.value)} />
    </td>
  );
}

function RemoveCell({ label, onRemove }: { label: string; onRemove: () => void }) {
  return (
    <td>
      <button type="button" aria-label={label} onClick={onRemove}>
        Entfernen
      </button>
    </td>
  );
}
