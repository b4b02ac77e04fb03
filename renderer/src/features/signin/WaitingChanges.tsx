import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useAuth } from '../../auth/auth';
import { grantHolder, proofOf } from '../../auth/grant';
import { getDb } from '../../db/db';
import { formatDateTime } from '../../lib/format';
import { confirmWaiting, waitingFor } from '../../sync/engine';
import { announce } from '../../state/announcer';
import { syncNow } from '../../app/sync';
import { tableLabel } from '../audit/audit-model';

/**
 * Issue 7 item 3: changes in the signed-in person's name that this PC holds without a proof of her
 * sign-in (written while her password was not entered here – e.g. sent again after the service was
 * restored, or put into the PC's database behind her back) go only when she confirms them, having
 * seen what they are. Until then they stay on this PC; nothing is lost, nothing goes in her name
 * without her.
 */
export function WaitingChanges() {
  const staffId = useAuth((s) => (s.phase === 'signed-in' ? (s.user?.staffId ?? null) : null));
  const rows = useLiveQuery(() => (staffId ? waitingFor(getDb(), staffId) : Promise.resolve([])), [staffId]);
  const [busy, setBusy] = useState(false);
  if (!staffId || !rows || rows.length === 0) return null;
  // Her proof needs her grant: after an offline sign-in without one, she signs in with a connection first.
  const canConfirm = grantHolder() === staffId;
  const confirm = async () => {
    setBusy(true);
    const n = await confirmWaiting(getDb(), staffId, proofOf);
    setBusy(false);
    syncNow();
    announce(`${n === 1 ? 'Eine Änderung wird' : `${n} Änderungen werden`} in Ihrem Namen gesendet.`, 'info');
  };
  return (
    <section className="notice waiting-changes" aria-labelledby="waiting-changes-title">
      <h2 id="waiting-changes-title">In Ihrem Namen wartet {rows.length === 1 ? 'eine Änderung' : `${rows.length} Änderungen`}</h2>
      <p>
        An diesem PC {rows.length === 1 ? 'liegt eine Änderung' : 'liegen Änderungen'} in Ihrem Namen, für die der PC Ihre Anmeldung nicht nachweisen kann. Sie{' '}
        {rows.length === 1 ? 'geht' : 'gehen'} erst an den Sync-Dienst, wenn Sie sie bestätigen.
      </p>
      <ul>
        {rows.map((r) => (
          <li key={r.id}>
            {tableLabel(r.table)} · {formatDateTime(r.at)}
          </li>
        ))}
      </ul>
      {canConfirm ? (
        <button type="button" onClick={() => void confirm()} disabled={busy}>
          Bestätigen und senden
        </button>
      ) : (
        <p>Zum Bestätigen bitte mit Verbindung zum Sync-Dienst anmelden.</p>
      )}
    </section>
  );
}
