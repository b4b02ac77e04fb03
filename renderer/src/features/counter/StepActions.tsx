import type { Ref } from 'react';

interface Props {
  submitLabel: string;
  canGoBack?: boolean;
  busy?: boolean;
  buttonRef?: Ref<HTMLButtonElement>;
}

/** The footer of a step: its Enter action and the Esc hint (Esc goes one step back). */
export function StepActions({ submitLabel, canGoBack = false, busy = false, buttonRef }: Props) {
  return (
    <div className="step-actions">
      <button ref={buttonRef} type="submit" className="primary" aria-keyshortcuts="Enter" disabled={busy}>
        {submitLabel} <kbd aria-hidden="true">Enter</kbd>
      </button>
      {canGoBack && (
        <span className="hint">
          <kbd>Esc</kbd> einen Schritt zurück
        </span>
      )}
    </div>
  );
}
