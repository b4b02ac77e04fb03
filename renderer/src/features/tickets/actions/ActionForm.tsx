import { useEffect, useRef, type ReactNode } from 'react';
import { useCtrlEnterSubmits } from '../../../lib/keyboard';
import type { FormError } from './use-action-submit';

export interface ActionFormProps {
  id: string;
  title: string;
  submitLabel: string;
  error: FormError | null;
  busy: boolean;
  onSubmit: () => void;
  onCancel: () => void;
  children: ReactNode;
}

/**
 * The frame of every ticket action form: heading, one error (role="alert") that focus moves to,
 * submit with Enter or Strg+Enter (also from a textarea), cancel with Esc (handled by the detail).
 */
export function ActionForm({ id, title, submitLabel, error, busy, onSubmit, onCancel, children }: ActionFormProps) {
  const formRef = useRef<HTMLFormElement>(null);
  const errorRef = useRef<HTMLParagraphElement>(null);
  // Strg+Enter from every field, and from the detail's buttons while the form is open.
  useCtrlEnterSubmits(formRef);

  // On open: focus the first control, so the clerk can type at once.
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('input:checked, input, select, textarea')?.focus();
  }, []);

  // On an error: focus the control it belongs to, else the message itself.
  useEffect(() => {
    if (!error) return;
    const field = error.fieldId ? document.getElementById(error.fieldId) : null;
    (field ?? errorRef.current)?.focus();
  }, [error]);

  return (
    <form
      ref={formRef}
      id={id}
      className="ticket-action-form"
      aria-labelledby={`${id}-title`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!busy) onSubmit();
      }}
    >
      <h2 id={`${id}-title`}>{title}</h2>
      {error && (
        <p id={`${id}-error`} ref={errorRef} className="error" role="alert" tabIndex={-1}>
          {error.message}
        </p>
      )}
      {children}
      <div className="form-buttons">
        <button type="submit" className="primary" disabled={busy} aria-keyshortcuts="Control+Enter">
          {submitLabel} <kbd>Strg+Enter</kbd>
        </button>
        <button type="button" onClick={onCancel} aria-keyshortcuts="Escape">
          Abbrechen <kbd>Esc</kbd>
        </button>
      </div>
    </form>
  );
}
