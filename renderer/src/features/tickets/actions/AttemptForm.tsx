import { useState } from 'react';
import type { CallbackTicket } from '@shared/model';
import { writeContext } from '../../../app/write-context';
import { getDb } from '../../../db/db';
import { logCallbackAttempt } from '../../../db/repositories/tickets';
import { formatDeadline } from '../../../lib/format';
import { ActionForm } from './ActionForm';
import { invalidProps, useActionSubmit } from './use-action-submit';
import { TextLimit } from '../../../ui/TextLimit';
import { TEXT_LIMITS } from '@shared/model';

const ID = 'ticket-attempt';
/** The note of a failed attempt the clerk did not describe. */
export const DEFAULT_ATTEMPT_NOTE = 'Nicht erreicht';

/** A failed callback attempt (SPEC §5): logged with time and note; the deadline clock keeps running. */
export function AttemptForm({ ticket, onDone, onCancel }: { ticket: CallbackTicket; onDone: () => void; onCancel: () => void }) {
  // Starts empty (issue 10 item 7): a pre-filled note with the cursor before it merged what was typed
  // into "Mailbox…Nicht erreicht". The usual note is the placeholder and is what an empty field saves.
  const [note, setNote] = useState('');
  const { error, busy, run } = useActionSubmit(onDone);

  function submit() {
    void run(
      () => logCallbackAttempt(getDb(), ticket.id, { note: note.trim() || DEFAULT_ATTEMPT_NOTE }, writeContext()),
      `Rückrufversuch zu ${ticket.ref} erfasst. Die Frist läuft weiter bis ${formatDeadline(ticket.dueAt)}.`,
    );
  }

  return (
    <ActionForm id={ID} title="Rückrufversuch erfassen" submitLabel="Versuch erfassen" error={error} busy={busy} onSubmit={submit} onCancel={onCancel}>
      <p className="notice" id={`${ID}-hint`}>
        Ein erfolgloser Versuch hält die Frist nicht an: Die Rückruffrist läuft weiter bis{' '}
        <strong>{formatDeadline(ticket.dueAt)}</strong>. Erst ein Kontakt (erreicht oder Termin vereinbart) erfüllt sie.
      </p>
      <div className="field">
        <label htmlFor={`${ID}-note`}>
          Notiz zum Versuch (leer: „{DEFAULT_ATTEMPT_NOTE}“)
          <TextLimit max={TEXT_LIMITS.attemptNote} />
        </label>
        <textarea
          id={`${ID}-note`}
          value={note}
          placeholder={DEFAULT_ATTEMPT_NOTE}
          onChange={(e) => setNote(e.target.value)}
          {...invalidProps(error, `${ID}-note`, `${ID}-error`, `${ID}-hint`)}
        />
      </div>
    </ActionForm>
  );
}
