import type { KeyboardEvent as ReactKeyboardEvent } from 'react';
import { isTextEntry, useWindowKeydown } from '../../lib/keyboard';

/**
 * Single-key shortcuts of one counter step (keyboard first, SPEC §10): digits and letters act only
 * when focus is not in a text field, never with Alt/Ctrl/Meta (Alt+digit switches screens).
 * Keys are matched case-insensitively ("a" and "A"); function keys by name ("F2").
 */
export function useShortcuts(map: Record<string, () => void>, enabled = true): void {
  useWindowKeydown((e) => {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.repeat) return;
    if (isTextEntry(e.target)) return;
    const action = map[e.key.length === 1 ? e.key.toUpperCase() : e.key];
    if (!action) return;
    e.preventDefault();
    action();
  }, enabled);
}

/**
 * Enter on a radio, checkbox or select submits its step form (text fields already do): the clerk
 * confirms a step with Enter wherever focus is. Ctrl+Enter submits from a textarea.
 */
export function submitOnEnter(e: ReactKeyboardEvent<HTMLFormElement>): void {
  if (e.key !== 'Enter' || e.altKey || e.shiftKey || e.metaKey) return;
  const t = e.target;
  const choice = t instanceof HTMLInputElement && (t.type === 'radio' || t.type === 'checkbox');
  const ctrlInTextarea = t instanceof HTMLTextAreaElement && e.ctrlKey;
  if (choice || t instanceof HTMLSelectElement || ctrlInTextarea) {
    e.preventDefault();
    e.currentTarget.requestSubmit();
  }
}
