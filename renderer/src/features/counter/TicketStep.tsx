import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useId, useRef } from 'react';
import { useForm, type DefaultValues, type FieldErrors } from 'react-hook-form';
import { callbackDueAt } from '@shared/domain/callback-deadline';
import type { TicketDraft, TicketDraftInput } from '@shared/model';
import { DEPARTMENT_LABELS, DEPARTMENTS, TEXT_LIMITS, ticketDraftSchema } from '@shared/model';
import { formatDeadline } from '../../lib/format';
import { useNow } from '../../lib/use-now';
import { useSettings } from '../../state/session';
import { StepActions } from './StepActions';
import type { TicketFormValues } from './triage-flow';
import { submitOnEnter, useCtrlEnterSubmits } from '../../lib/keyboard';
import { TextLimit } from '../../ui/TextLimit';

interface Props {
  /** The form as typed before (back from the checks, or back at the counter after looking elsewhere). */
  initial: TicketFormValues | null;
  /** Every change, so nothing typed is lost when the clerk leaves the counter mid-visit. */
  onEdit: (values: TicketFormValues) => void;
  onDone: (ticket: TicketDraftInput) => void;
}

type FieldName = keyof TicketDraftInput;

const EMPTY: TicketFormValues = { department: '', concern: '', customerName: '', phone: '', preferredTimes: '', customerNumber: '' };

/** Where the clerk goes on typing when the form opens: the first required field still empty. */
const REQUIRED_ORDER: FieldName[] = ['department', 'concern', 'customerName', 'phone', 'preferredTimes'];

/**
 * Step 2 of a Sonstige Anliegen: the callback ticket (SPEC §5, seed §4.4). The due time is shown
 * live before saving, so the clerk can tell the visitor when the callback comes.
 */
export function TicketStep({ initial, onEdit, onDone }: Props) {
  const id = useId();
  const settings = useSettings();
  const now = useNow(15_000);
  const dueAt = callbackDueAt(now, settings.deadlinePolicy);
  const {
    register,
    handleSubmit,
    getValues,
    setFocus,
    subscribe,
    formState: { errors },
  } = useForm<TicketDraftInput, unknown, TicketDraft>({
    resolver: zodResolver(ticketDraftSchema),
    // The form holds text (the select '' until chosen); the schema turns it into a TicketDraft.
    defaultValues: { ...EMPTY, ...initial } as DefaultValues<TicketDraftInput>,
    shouldFocusError: true,
  });
  useEffect(() => {
    const typed: TicketFormValues = getValues();
    setFocus(REQUIRED_ORDER.find((name) => !typed[name]?.trim()) ?? 'department');
  }, [getValues, setFocus]);
  // Project rule "nothing is ever lost": every keystroke goes to the counter's draft store.
  const editRef = useRef(onEdit);
  useEffect(() => {
    editRef.current = onEdit;
  });
  useEffect(() => subscribe({ formState: { values: true }, callback: ({ values }) => editRef.current({ ...values }) }), [subscribe]);

  const formRef = useRef<HTMLFormElement>(null);
  useCtrlEnterSubmits(formRef);

  const f = (name: FieldName) => `${id}-${name}`;
  const describe = (name: FieldName, hint?: boolean) =>
    [hint ? `${f(name)}-hint` : null, errors[name] ? `${f(name)}-error` : null].filter(Boolean).join(' ') || undefined;
  const invalid = (name: FieldName) => (errors[name] ? true : undefined);

  // The schema's output normalises (customer number → null); the flow keeps what was typed, so
  // "back" shows it again and recordTriage validates the same input once more.
  const valid = () => onDone(getValues());

  return (
    <form ref={formRef} onSubmit={handleSubmit(valid)} onKeyDown={submitOnEnter} noValidate aria-label="Rückruf-Ticket">
      <fieldset>
        <legend>Rückruf-Ticket für den Fachbereich</legend>
        <p className="notice due-preview">
          Rückruf bis <strong>{formatDeadline(dueAt)}</strong>
          <span className="hint"> (24 Stunden{settings.deadlinePolicy === 'working-days' ? ' an Arbeitstagen' : ''})</span>
        </p>
        <div className="field">
          <label htmlFor={f('department')}>Zuständiger Fachbereich</label>
          <select id={f('department')} {...register('department')} aria-invalid={invalid('department')} aria-describedby={describe('department')}>
            <option value="">– bitte wählen –</option>
            {DEPARTMENTS.map((d) => (
              <option key={d} value={d}>
                {DEPARTMENT_LABELS[d]}
              </option>
            ))}
          </select>
          <FieldError id={f('department')} errors={errors} name="department" />
        </div>
        <div className="field">
          <label htmlFor={f('concern')}>
            Anliegen
            <TextLimit max={TEXT_LIMITS.concern} />
          </label>
          <textarea id={f('concern')} {...register('concern')} rows={3} aria-invalid={invalid('concern')} aria-describedby={describe('concern', true)} />
          <p id={`${f('concern')}-hint`} className="hint">
            Kurz und sachlich. <kbd>Tab</kbd> zum nächsten Feld, <kbd>Strg+Enter</kbd> weiter zu den Prüfungen – aus jedem Feld.
          </p>
          <FieldError id={f('concern')} errors={errors} name="concern" />
        </div>
        <div className="field">
          <label htmlFor={f('customerName')}>
            Name der Kundin / des Kunden
            <TextLimit max={TEXT_LIMITS.customerName} />
          </label>
          <input
            id={f('customerName')}
            type="text"
            autoComplete="off"
            {...register('customerName')}
            aria-invalid={invalid('customerName')}
            aria-describedby={describe('customerName')}
          />
          <FieldError id={f('customerName')} errors={errors} name="customerName" />
        </div>
        <div className="field">
          <label htmlFor={f('phone')}>Rückrufnummer</label>
          <input
            id={f('phone')}
            type="tel"
            autoComplete="off"
            {...register('phone')}
            aria-invalid={invalid('phone')}
            aria-describedby={describe('phone')}
          />
          <FieldError id={f('phone')} errors={errors} name="phone" />
        </div>
        <div className="field">
          <label htmlFor={f('preferredTimes')}>
            Erreichbar (bevorzugte Rückrufzeiten)
            <TextLimit max={TEXT_LIMITS.preferredTimes} />
          </label>
          <input
            id={f('preferredTimes')}
            type="text"
            autoComplete="off"
            {...register('preferredTimes')}
            aria-invalid={invalid('preferredTimes')}
            aria-describedby={describe('preferredTimes', true)}
          />
          <p id={`${f('preferredTimes')}-hint`} className="hint">
            z. B. „vormittags“ oder „Mo–Mi ab 14 Uhr“
          </p>
          <FieldError id={f('preferredTimes')} errors={errors} name="preferredTimes" />
        </div>
        <div className="field">
          <label htmlFor={f('customerNumber')}>Kunden- oder BG-Nummer (freiwillig)</label>
          <input
            id={f('customerNumber')}
            type="text"
            autoComplete="off"
            {...register('customerNumber')}
            aria-invalid={invalid('customerNumber')}
            aria-describedby={describe('customerNumber')}
          />
          <FieldError id={f('customerNumber')} errors={errors} name="customerNumber" />
        </div>
      </fieldset>
      <StepActions submitLabel="Weiter zu den Prüfungen" canGoBack />
    </form>
  );
}

function FieldError({ id, errors, name }: { id: string; errors: FieldErrors<TicketDraftInput>; name: FieldName }) {
  const message = errors[name]?.message;
  if (!message) return null;
  return (
    <p id={`${id}-error`} className="error" role="alert">
      {message}
    </p>
  );
}
