import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { TEXT_LIMITS, firstIssueMessage, handoffLabelSchema } from '@shared/model';
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
}

/**
 * Step 2 of a hand-off to the Leistungsbereich (seed §4.4 "Antragstellung / akute Mittellosigkeit",
 * "Allgemeine Leistungsanliegen"): how the visitor will be called, and for an application whether
 * it is acute – then the visitor goes to the front of the queue (SPEC §3).
 */
export function HandoffStep({ kind, acute, label, onAcute, onToggleAcute, onLabel, onDone }: Props) {
  const id = useId();
  const acuteBox = useRef<HTMLInputElement>(null);
  const labelInput = useRef<HTMLInputElement>(null);
  // Application: focus the acute mark so "A" works at once; benefits: straight into the name.
  useEffect(() => (kind === 'application' ? acuteBox.current : labelInput.current)?.focus(), [kind]);
  useShortcuts(kind === 'application' ? { A: onToggleAcute } : {});

  // Issue 10 item 5: a name longer than the limit is refused with the schema's message, not cut.
  const [error, setError] = useState<string | null>(null);
  function submit(e: FormEvent) {
    e.preventDefault();
    const parsed = handoffLabelSchema.safeParse(label);
    if (!parsed.success) {
      setError(firstIssueMessage(parsed.error));
      labelInput.current?.focus();
      return;
    }
    setError(null);
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
      {acute && (
        <p className="warning-box">
          Akute Mittellosigkeit: Die Person wird unmittelbar in den Leistungsbereich weitergeleitet.
        </p>
      )}
      <StepActions submitLabel="Weiter" canGoBack />
    </form>
  );
}
