import { useEffectEvent, useLayoutEffect } from 'react';

/**
 * A keyboard shortcut that works wherever the focus is (keyboard first, SPEC §10).
 *
 * The listener is registered in a layout effect, i.e. in the same commit that puts the screen's
 * DOM in place: once a screen is visible its shortcuts work – a key pressed right after a screen
 * appeared is never lost. The handler always sees the latest props and state (an effect event),
 * so the listener is registered once per mount instead of on every change.
 */
export function useWindowKeydown(handler: (e: KeyboardEvent) => void, enabled = true): void {
  const onKey = useEffectEvent(handler);
  useLayoutEffect(() => {
    if (!enabled) return;
    const listener = (e: KeyboardEvent) => onKey(e);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, [enabled]);
}

const NOT_TEXT_INPUTS = new Set(['radio', 'checkbox', 'button', 'submit', 'reset']);

/** Whether a key typed here is text: single-key shortcuts ("N", "1", "A") must not steal it. */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !NOT_TEXT_INPUTS.has(target.type);
}
