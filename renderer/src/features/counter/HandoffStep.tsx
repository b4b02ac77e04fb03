import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { TEXT_LIMITS, firstIssueMessage, handoffLabelSchema, type NewApplicationAnswer } from '@shared/model';
import { PersonFields, personFieldId } from '../newcustomers/PersonFields';
import { missingNewCustomer, type NewCustomerForm } from './triage-flow';
import { TextLimit } from '../../ui/TextLimit';
import { StepActions } from './StepActions';
import { submitOnEnter } from '../../lib/keyboard';
import { useShortcuts } from './use-shortcuts';

interface Props {
  kind: 'application' | 'benefits';
  acute: boolean;
  label: string;
  onAcute: (acute: boolean) => void;
  onToggleAcute: () => void;
  onLabel: (label: string) => void;
  onDone: () => void;
  /** Antragstellung (issue 9 item 1): the new-application answer and the new customer's data. */
  newApplication?: NewApplicationAnswer | null;
  person?: NewCustomerForm;
  onNewApplication?: (answer: NewApplicationAnswer) => void;
  onPerson?: (person: NewCustomerForm) => void;
}

/**
 * Step 2 of a hand-off to the Leistungsbereich (seed §4.4 "Antragstellung / akute Mittellosigkeit",
 * "Allgemeine Leistungsanliegen"): how the visitor will be called, and for an application whether
 * it is acute – then the visitor goes to the front of the queue (SPEC §3).
 */
export function HandoffStep({ kind, acute, label, onAcute, onToggleAcute, onLabel, onDone, newApplication = null, person, onNewApplication, onPerson }: Props) {
  const id = useId();
  const acuteBox = useRef<HTMLInputElement>(null);
  const labelInput = useRef<HTMLInputElement>(null);
  const nameInput = useRef<HTMLInputElement>(null);
  // Application: focus the acute mark so "A" works at once; benefits: straight into the name.
  useEffect(() => (kind === 'application' ? acuteBox.current : labelInput.current)?.focus(), [kind]);
  // Seed §1 "Neukunde": N – last benefit ended more than 2 months ago or never; K – within 2 months.
  const answer = (a: NewApplicationAnswer) => {
    onNewApplication?.(a);
    if (a === 'new') setTimeout(() => nameInput.current?.focus(), 0);
  };
  useShortcuts(kind === 'application' ? { A: onToggleAcute, N: () => answer('new'), K: () => answer('returning') } : {});
  const setPerson = (patch: Partial<NewCustomerForm>) => person && onPerson?.({ ...person, ...patch });

  // Issue 10 item 5: a name longer than the limit is refused with the schema's message, not cut.
  const [error, setError] = useState<string | null>(null);
  const [ncError, setNcError] = useState<string | null>(null);
  function submit(e: FormEvent) {
    e.preventDefault();
    const parsed = handoffLabelSchema.safeParse(label);
    if (!parsed.success) {
      setError(firstIssueMessage(parsed.error));
      labelInput.current?.focus();
      return;
    }
    if (kind === 'application' && person) {
      const missing = missingNewCustomer({ newApplication, person });
      if (missing) {
        setError(null);
        setNcError(missing);
        // Focus where the fix is: the date of birth / BG number, else the name, else the question.
        const target = newApplication !== 'new' ? acuteBox.current : /Geburtsdatum|BG-Nummer/.test(missing) ? document.getElementById(personFieldId(`${id}-nc`, 'birthDate')) : nameInput.current;
        target?.focus();
        return;
      }
    }
    setError(null);
    setNcError(null);
    onDone();
  }

  return (
    <form onSubmit={submit} onKeyDown={submitOnEnter} noValidate aria-label="Weiterleitung an den Leistungsbereich">
      <fieldset>
        <legend>Weiterleitung an den Leistungsbereich</legend>
        {kind === 'application' && (
          <div className="field checkbox">
            <input
              ref={acuteBox}
              id={`${id}-acute`}
              type="checkbox"
              checked={acute}
              onChange={(e) => onAcute(e.target.checked)}
              aria-keyshortcuts="A"
              aria-describedby={`${id}-acute-hint`}
            />
            <label htmlFor={`${id}-acute`}>
              <kbd aria-hidden="true">A</kbd> Akute Mittellosigkeit
            </label>
            <span id={`${id}-acute-hint`} className="hint">
              sofort weiterleiten – steht vorn in der Warteschlange
            </span>
          </div>
        )}
        <div className="field">
          <label htmlFor={`${id}-label`}>
            Name oder Aufrufnummer (freiwillig)
            <TextLimit max={TEXT_LIMITS.label} />
          </label>
          <input
            ref={labelInput}
            id={`${id}-label`}
            type="text"
            autoComplete="off"
            value={label}
            onChange={(e) => onLabel(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-label-hint ${id}-label-error` : `${id}-label-hint`}
          />
          <p id={`${id}-label-hint`} className="hint">
            Leer lassen: Die Anlaufstelle vergibt eine Aufrufnummer (z. B. „Nr. A 012“).
          </p>
          {error && (
            <p id={`${id}-label-error`} className="error" role="alert">
              {error}
            </p>
          )}
        </div>
      </fieldset>
      {kind === 'application' && person && (
        <fieldset className="new-application">
          <legend>Neuantrag? (Pflichtangabe)</legend>
          <div className="field radio">
            <input id={`${id}-new`} type="radio" name={`${id}-newapp`} checked={newApplication === 'new'} onChange={() => answer('new')} aria-keyshortcuts="N" />
            <label htmlFor={`${id}-new`}>
              <kbd aria-hidden="true">N</kbd> Neukunde: letzter Leistungsbezug im JC Rhein-Lahn endete vor mehr als 2 Monaten oder nie
            </label>
          </div>
          <div className="field radio">
            <input id={`${id}-returning`} type="radio" name={`${id}-newapp`} checked={newApplication === 'returning'} onChange={() => answer('returning')} aria-keyshortcuts="K" />
            <label htmlFor={`${id}-returning`}>
              <kbd aria-hidden="true">K</kbd> Kein Neukunde: Leistungsbezug endete innerhalb der letzten 2 Monate
            </label>
          </div>
          {newApplication === 'new' && (
            <div className="new-customer-fields">
              <p className="hint" id={`${id}-nc-hint`}>
                Der Neukunden-Eintrag entsteht mit der Weiterleitung; die Eingangszone erledigt die Schritte am selben Tag (Neukunden, <kbd>Alt+8</kbd>).
                Nur was die Aufnahme braucht: Name, Geburtsdatum oder BG-Nummer, Telefon (freiwillig).
              </p>
              <PersonFields idPrefix={`${id}-nc`} value={person} onChange={setPerson} nameRef={nameInput} />
            </div>
          )}
          {ncError && (
            <p className="error" role="alert">
              {ncError}
            </p>
          )}
        </fieldset>
      )}
      {acute && (
        <p className="warning-box">
          Akute Mittellosigkeit: Die Person wird unmittelbar in den Leistungsbereich weitergeleitet.
        </p>
      )}
      <StepActions submitLabel="Weiter" canGoBack />
    </form>
  );
}
