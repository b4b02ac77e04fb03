import { useEffect, useEffectEvent, useLayoutEffect, type KeyboardEvent as ReactKeyboardEvent, type RefObject } from 'react';

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

/**
 * The keydown handler of every form (issue 10 item 2): the form's Enter hint is true from each of
 * its fields. The browser submits on Enter only from a one-line text field; here Enter on a
 * select, radio or checkbox submits too, and Strg+Enter submits from every field – the textarea
 * included, where plain Enter starts a new line. Buttons and links keep their own Enter.
 */
export function submitOnEnter(e: ReactKeyboardEvent<HTMLFormElement>): void {
  if (e.key !== 'Enter' || e.altKey || e.shiftKey || e.defaultPrevented || e.nativeEvent.isComposing) return;
  const t = e.target;
  const modified = e.ctrlKey || e.metaKey;
  const choice = t instanceof HTMLInputElement && (t.type === 'radio' || t.type === 'checkbox');
  if (modified || choice || t instanceof HTMLSelectElement) {
    e.preventDefault();
    e.currentTarget.requestSubmit();
  }
}

/**
 * Strg+Enter submits `form` from anywhere on the screen, also with the focus outside the form (on
 * a button next to it): the hint "Strg+Enter" is true wherever the focus is. Inside the form
 * submitOnEnter already did it (defaultPrevented).
 */
export function useCtrlEnterSubmits(form: RefObject<HTMLFormElement | null>): void {
  useWindowKeydown((e) => {
    if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey) || e.altKey || e.defaultPrevented) return;
    if (e.target instanceof Element && e.target.closest('dialog')) return;
    const f = form.current;
    if (!f) return;
    e.preventDefault();
    f.requestSubmit();
  });
}

/** Marks the element a screen opens with the focus on (its first useful element). */
export const INITIAL_FOCUS = { 'data-initial-focus': '' } as const;

/**
 * Where the focus goes when a screen opens (issue 10 item 2: "every screen opens with the focus on
 * its first useful element"), one rule for all screens: the first element in `container` marked
 * with INITIAL_FOCUS, else the screen's h1. Many screens draw their target only once their data
 * has loaded (the inbox's messages, the queue's lists), so until the clerk acts (a key, a pointer)
 * or the target had the focus, every change of the screen's DOM is looked at again. Focus a screen
 * already put inside itself (a counter step's own field) is never taken away.
 */
export function useInitialFocus(container: RefObject<HTMLElement | null>, screenKey: string): void {
  useEffect(() => {
    const root = container.current;
    if (!root) return;
    let mine: Element | null = null;
    const ours = () => {
      const active = document.activeElement;
      return !active || active === document.body || active === root || !root.contains(active) || active === mine;
    };
    const place = () => {
      if (!ours()) return stop();
      const target = root.querySelector<HTMLElement>('[data-initial-focus]');
      if (target) {
        target.focus();
        if (document.activeElement === target) return stop();
      }
      const heading = root.querySelector<HTMLElement>('h1');
      if (heading && document.activeElement !== heading) {
        if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
        heading.focus();
      }
      mine = document.activeElement;
    };
    const observer = new MutationObserver(place);
    const stop = () => {
      observer.disconnect();
      window.removeEventListener('keydown', stop, true);
      window.removeEventListener('pointerdown', stop, true);
    };
    observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-initial-focus', 'disabled'] });
    window.addEventListener('keydown', stop, true);
    window.addEventListener('pointerdown', stop, true);
    place();
    return stop;
  }, [container, screenKey]);
}
