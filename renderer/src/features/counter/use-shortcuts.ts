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

