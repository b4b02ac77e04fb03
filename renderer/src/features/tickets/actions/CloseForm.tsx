import { useState } from 'react';
import type { CallbackTicket } from '@shared/model';
import { writeContext } from '../../../app/write-context';
import { getDb } from '../../../db/db';
import { closeTicket } from '../../../db/repositories/tickets';
import { ActionForm } from './ActionForm';
import { invalidProps, useActionSubmit } from './use-action-submit';
import { TextLimit } from '../../../ui/TextLimit';
import { TEXT_LIMITS } from '@shared/model';

const ID = 'ticket-close';

/** Closing a contacted ticket (SPEC §5 lifecycle: contacted → closed). */
export function CloseForm({ ticket, onDone, onCancel }: { ticket: CallbackTicket; onDone: () => void; onCancel: () => void }) {
  const [note, setNote] = useState('');
  const { error, busy, run } = useActionSubmit(onDone);

  function submit() {
    void run(() => closeTicket(getDb(), ticket.id, { note }, writeContext()), `Ticket ${ticket.ref} abgeschlossen.`);
  }

  return (
    <ActionForm id={ID} title="Ticket abschließen" submitLabel="Abschließen" error={error} busy={busy} onSubmit={submit} onCancel={onCancel}>
      <p className="hint" id={`${ID}-hint`}>
        Ein abgeschlossenes Ticket kann nicht mehr geändert werden. Personenbezogene Daten werden nach der Aufbewahrungsfrist
        entfernt.
      </p>
      <div className="field">
        <label htmlFor={`${ID}-note`}>
          Abschlussnotiz (optional)
          <TextLimit max={TEXT_LIMITS.closeNote} />
        </label>
        <textarea
          id={`${ID}-note`}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          {...invalidProps(error, `${ID}-note`, `${ID}-error`, `${ID}-hint`)}
        />
      </div>
    </ActionForm>
  );
}
