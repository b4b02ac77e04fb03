import { useState } from 'react';
import { isOnTime } from '@shared/domain/callback-deadline';
import { berlinInstant } from '@shared/domain/calendar';
import type { AppointmentForm, CallbackTicket, ContactInput } from '@shared/model';
import { APPOINTMENT_FORM_LABELS, APPOINTMENT_FORMS, TEXT_LIMITS } from '@shared/model';
import { writeContext } from '../../../app/write-context';
import { getDb } from '../../../db/db';
import { recordContact } from '../../../db/repositories/tickets';
import { ActionForm } from './ActionForm';
import { invalidProps, useActionSubmit } from './use-action-submit';
import { DateInput, TimeInput } from '../../../ui/DateTimeInput';
import { TextLimit } from '../../../ui/TextLimit';

const ID = 'ticket-contact';
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const TIME_RE = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * The first successful contact (SPEC §5): the customer was reached, or an appointment was given
 * with date, time and form (in person / video / phone). It stops the deadline clock; the verdict
 * "Fristgerecht" / "Frist überschritten" follows from isOnTime.
 */
export function ContactForm({ ticket, onDone, onCancel }: { ticket: CallbackTicket; onDone: () => void; onCancel: () => void }) {
  const [kind, setKind] = useState<ContactInput['kind']>('reached');
  const [date, setDate] = useState('');
  const [time, setTime] = useState('');
  const [form, setForm] = useState<AppointmentForm | ''>('');
  const [note, setNote] = useState('');
  const { error, busy, run, fail } = useActionSubmit(onDone);
  const errorId = `${ID}-error`;

  function submit() {
    const ctx = writeContext();
    let input: ContactInput;
    if (kind === 'appointment') {
      if (!DATE_RE.test(date)) return fail('Bitte das Datum des Termins angeben.', `${ID}-date`);
      if (!TIME_RE.test(time)) return fail('Bitte die Uhrzeit des Termins im Format HH:MM angeben.', `${ID}-time`);
      if (form === '') return fail('Bitte die Form des Termins wählen (persönlich, Video oder Telefon).', `${ID}-form-${APPOINTMENT_FORMS[0]}`);
      if (berlinInstant(date, time).getTime() <= ctx.now.getTime()) {
        return fail('Der Termin liegt in der Vergangenheit. Bitte einen künftigen Termin angeben.', `${ID}-date`);
      }
      input = { kind, note, appointment: { date, time, form } };
    } else {
      input = { kind, note };
    }
    const verdict = isOnTime(ctx.now.toISOString(), ticket.dueAt) ? 'Fristgerecht' : 'Frist überschritten';
    void run(() => recordContact(getDb(), ticket.id, input, ctx), `Kontakt zu ${ticket.ref} erfasst – ${verdict}.`);
  }

  return (
    <ActionForm id={ID} title="Kontakt erfassen" submitLabel="Kontakt speichern" error={error} busy={busy} onSubmit={submit} onCancel={onCancel}>
      <fieldset>
        <legend>Art des Kontakts</legend>
        <div className="field checkbox">
          <input id={`${ID}-reached`} type="radio" name={`${ID}-kind`} checked={kind === 'reached'} onChange={() => setKind('reached')} />
          <label htmlFor={`${ID}-reached`}>Erreicht – Rückruf geführt</label>
        </div>
        <div className="field checkbox">
          <input
            id={`${ID}-appointment`}
            type="radio"
            name={`${ID}-kind`}
            checked={kind === 'appointment'}
            onChange={() => setKind('appointment')}
          />
          <label htmlFor={`${ID}-appointment`}>Termin vereinbart</label>
        </div>
      </fieldset>
      {kind === 'appointment' && (
        <fieldset>
          <legend>Termin</legend>
          <div className="field">
            <label htmlFor={`${ID}-date`}>Datum</label>
            <DateInput id={`${ID}-date`} value={date} onValueChange={setDate} {...invalidProps(error, `${ID}-date`, errorId)} />
          </div>
          <div className="field">
            <label htmlFor={`${ID}-time`}>Uhrzeit</label>
            <TimeInput id={`${ID}-time`} value={time} onValueChange={setTime} {...invalidProps(error, `${ID}-time`, errorId)} />
          </div>
          <fieldset className="inline-radios" aria-describedby={error?.fieldId?.startsWith(`${ID}-form`) ? errorId : undefined}>
            <legend>Form des Termins</legend>
            {APPOINTMENT_FORMS.map((f) => (
              <div className="field checkbox" key={f}>
                <input id={`${ID}-form-${f}`} type="radio" name={`${ID}-form`} checked={form === f} onChange={() => setForm(f)} />
                <label htmlFor={`${ID}-form-${f}`}>{APPOINTMENT_FORM_LABELS[f]}</label>
              </div>
            ))}
          </fieldset>
        </fieldset>
      )}
      <div className="field">
        <label htmlFor={`${ID}-note`}>
          Notiz (optional)
          <TextLimit max={TEXT_LIMITS.contactNote} />
        </label>
        <textarea id={`${ID}-note`} value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
    </ActionForm>
  );
}
