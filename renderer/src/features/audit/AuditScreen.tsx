import { useId, useState, type FormEvent } from 'react';
import { berlinDate } from '@shared/domain/calendar';
import { formatDateTime } from '../../lib/format';
import { INITIAL_FOCUS, submitOnEnter } from '../../lib/keyboard';
import { platform } from '../../platform';
import { announce } from '../../state/announcer';
import { DateInput } from '../../ui/DateTimeInput';
import { ScrollRegion } from '../../ui/ScrollRegion';
import { callService, OFFLINE_SIGN_IN, useOnlineSignIn } from '../admin/service-call';
import { actionLabel, AUDIT_ACTION_LABELS, AUDIT_ACTIONS, AUDIT_LIMIT, auditFileName, auditQuery, EMPTY_SEARCH, tableLabel, type AuditRow, type AuditSearch } from './audit-model';

/** A German spreadsheet reads UTF-8 only with the byte-order mark (the response's text drops it). */
const withBom = (csv: string) => (csv.startsWith('\uFEFF') ? csv : `\uFEFF${csv}`);

/**
 * "Zugriffsprotokoll" (issue 7 item 7, DSB only): who did or looked at what, when, from which PC –
 * field names, never values. Searched by person, record, time range and action; newest first.
 * Reading and exporting the log is itself logged by the service.
 */
export function AuditScreen() {
  const id = useId();
  const f = (name: string) => `${id}-${name}`;
  const online = useOnlineSignIn();
  const [search, setSearch] = useState<AuditSearch>(EMPTY_SEARCH);
  const [rows, setRows] = useState<AuditRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const q = auditQuery(search);
    if (!q.ok) {
      setError(q.error);
      return;
    }
    setError(null);
    setBusy(true);
    const res = await callService<{ rows: AuditRow[] }>(`/v1/audit?${q.query}`);
    setBusy(false);
    if (!res.ok) {
      setError(res.error);
      return;
    }
    setRows(res.value.rows);
    const n = res.value.rows.length;
    announce(n === 0 ? 'Keine Einträge gefunden.' : `${n} Eintr${n === 1 ? 'ag' : 'äge'} gefunden${n >= AUDIT_LIMIT ? ` (die neuesten ${AUDIT_LIMIT}; bitte die Suche eingrenzen)` : ''}.`);
  }

  async function exportCsv() {
    const q = auditQuery(search, 'csv');
    if (!q.ok) {
      setError(q.error);
      return;
    }
    setError(null);
    const res = await callService<string>(`/v1/audit?${q.query}`, { raw: true });
    if (!res.ok) {
      setError(res.error);
      return;
    }
    const name = auditFileName(berlinDate(new Date()));
    const saved = await platform.saveFile({ suggestedName: name, content: withBom(res.value), mimeType: 'text/csv' });
    if (!saved.ok) announce(saved.error, 'warning');
    else if (saved.value.saved) announce(`${name} gespeichert.`, 'success');
  }

  return (
    <section className="audit" aria-labelledby={f('h')}>
      <h1 id={f('h')} tabIndex={-1}>
        Zugriffsprotokoll
      </h1>
      {!online ? (
        <p className="error" role="alert">
          {OFFLINE_SIGN_IN}
        </p>
      ) : (
        <>
          <p className="hint">Wer hat wann an welchem PC was getan oder angesehen – nur Feldnamen, nie Inhalte. Jede Suche und jeder Export wird selbst protokolliert.</p>
          <form onSubmit={submit} onKeyDown={submitOnEnter} noValidate className="audit-search" aria-label="Protokoll durchsuchen">
            <div className="field">
              <label htmlFor={f('person')}>Person (Benutzername oder Personal-Nr.)</label>
              <input
                id={f('person')}
                {...INITIAL_FOCUS}
                type="text"
                autoComplete="off"
                spellCheck={false}
                maxLength={120}
                value={search.person}
                onChange={(e) => setSearch({ ...search, person: e.target.value })}
              />
            </div>
            <div className="field">
              <label htmlFor={f('record')}>Datensatz (Nummer)</label>
              <input id={f('record')} type="text" autoComplete="off" spellCheck={false} maxLength={100} value={search.record} onChange={(e) => setSearch({ ...search, record: e.target.value })} />
            </div>
            <div className="field">
              <label htmlFor={f('from')}>Von (Tag)</label>
              <DateInput id={f('from')} value={search.from} onValueChange={(from) => setSearch({ ...search, from })} />
            </div>
            <div className="field">
              <label htmlFor={f('to')}>Bis (Tag, einschließlich)</label>
              <DateInput id={f('to')} value={search.to} onValueChange={(to) => setSearch({ ...search, to })} />
            </div>
            <div className="field">
              <label htmlFor={f('action')}>Aktion</label>
              <select id={f('action')} value={search.action} onChange={(e) => setSearch({ ...search, action: e.target.value as AuditSearch['action'] })}>
                <option value="">Alle Aktionen</option>
                {AUDIT_ACTIONS.map((a) => (
                  <option key={a} value={a}>
                    {AUDIT_ACTION_LABELS[a]}
                  </option>
                ))}
              </select>
            </div>
            {error && (
              <p className="error" role="alert">
                {error}
              </p>
            )}
            <button type="submit" className="primary" aria-keyshortcuts="Enter" disabled={busy}>
              Suchen <kbd>Enter</kbd>
            </button>{' '}
            <button type="button" onClick={() => void exportCsv()}>
              Als CSV exportieren
            </button>
          </form>
          {rows !== null &&
            (rows.length === 0 ? (
              <p role="status">Keine Einträge für diese Suche.</p>
            ) : (
              <ScrollRegion label="Protokolleinträge, neueste zuerst">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">Zeit</th>
                      <th scope="col">Aktion</th>
                      <th scope="col">Ergebnis</th>
                      <th scope="col">Benutzer</th>
                      <th scope="col">PC</th>
                      <th scope="col">Tabelle</th>
                      <th scope="col">Datensatz</th>
                      <th scope="col">Felder</th>
                      <th scope="col">Offline</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((r) => (
                      <tr key={r.seq}>
                        <td>{formatDateTime(r.at)}</td>
                        <td>
                          {actionLabel(r.action)}
                          {r.detail ? <span className="hint"> – {r.detail}</span> : null}
                        </td>
                        <td>{r.outcome === 'ok' ? 'ausgeführt' : 'abgelehnt'}</td>
                        <td>{r.username ?? r.staffId ?? '—'}</td>
                        <td title={r.deviceId ?? undefined}>{r.deviceName ?? r.deviceId ?? '—'}</td>
                        <td>{tableLabel(r.table) || '—'}</td>
                        <td>{r.recordId ?? '—'}</td>
                        <td>{r.fields.length > 0 ? r.fields.join(', ') : '—'}</td>
                        <td>{r.offline ? 'ja' : 'nein'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollRegion>
            ))}
        </>
      )}
    </section>
  );
}
