import { useEffect, useId, useRef, type KeyboardEvent } from 'react';

interface Props {
  /** What is about to be thrown away, in words (e.g. the Anliegensart). */
  summary: string;
  onDiscard: () => void;
  onKeep: () => void;
}

/**
 * The confirm step before an unsaved visit is thrown away ("nothing is ever lost": only on
 * purpose). A modal dialog: focus starts on the safe choice, Esc keeps the visit, V discards.
 * Closing returns focus to where the clerk was (native <dialog> behaviour).
 */
export function DiscardDraftDialog({ summary, onDiscard, onKeep }: Props) {
  const titleId = useId();
  const textId = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const keepButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    keepButton.current?.focus();
  }, []);

  // The choice is passed on at once, not from the dialog's close event: that event comes later (a
  // task, which a busy page can hold back for seconds), and until then the counter would still hold
  // the dialog open – the "Vorsprache verwerfen" button, visible and focused again, would do nothing.
  const decided = useRef(false);
  function decide(discard: boolean) {
    if (decided.current) return;
    decided.current = true;
    dialog.current?.close();
    if (discard) onDiscard();
    else onKeep();
  }

  function onKeyDown(e: KeyboardEvent<HTMLDialogElement>) {
    // The dialog is modal: no step shortcut or screen switch behind it may act on these keys.
    e.stopPropagation();
    if (e.key === 'Escape') {
      e.preventDefault();
      decide(false);
    } else if (e.key.toUpperCase() === 'V' && !e.altKey && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      decide(true);
    }
  }

  return (
    <dialog
      ref={dialog}
      role="alertdialog"
      className="discard-dialog"
      aria-labelledby={titleId}
      aria-describedby={textId}
      onKeyDown={onKeyDown}
      // Closed some other way (not by the keys or buttons here): the visit is kept.
      onClose={() => decide(false)}
    >
      <h2 id={titleId}>Vorsprache verwerfen?</h2>
      <p id={textId}>
        Die angefangene Vorsprache ({summary}) wird nicht gespeichert; alles dazu Eingegebene wird gelöscht.
      </p>
      <div className="step-actions">
        <button ref={keepButton} type="button" className="primary" onClick={() => decide(false)} aria-keyshortcuts="Escape">
          Weiter erfassen <kbd aria-hidden="true">Esc</kbd>
        </button>
        <button type="button" className="danger" onClick={() => decide(true)} aria-keyshortcuts="V">
          Verwerfen <kbd aria-hidden="true">V</kbd>
        </button>
      </div>
    </dialog>
  );
}
