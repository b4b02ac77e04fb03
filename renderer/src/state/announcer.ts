import { create } from 'zustand';

/**
 * Status messages for everyone: shown as a toast and read out by screen readers through one
 * aria-live region (WCAG 4.1.3). Errors use role="alert" where they occur, not here.
 *
 * A message about one visitor belongs to that visitor (issue 10 item 8): it carries a `scope`, and
 * whoever starts with the next visitor dismisses the scope, so the last visitor's "weitergeleitet"
 * is not on screen while the next one is being typed. A toast may offer one action (an undo) for
 * as long as it is shown.
 */
export interface AnnouncementAction {
  label: string;
  /** aria-keyshortcuts of the same action elsewhere on the screen, e.g. "Control+Z". */
  keyShortcuts?: string;
  run: () => void;
}

export interface Announcement {
  id: number;
  text: string;
  tone: 'info' | 'success' | 'warning';
  scope: string | null;
  action: AnnouncementAction | null;
  /**
   * The text already stands on the screen (a form's outcome that stays): screen readers hear it,
   * but no toast repeats it (issue 10 item 8: "Abwesenheit erfasst" was shown twice).
   */
  onScreen?: boolean;
}

export interface AnnounceOptions {
  /** The text stands on the screen already: spoken, not toasted (see Announcement.onScreen). */
  onScreen?: boolean;
  /** What the message is about; dismissScope(scope) removes it early. */
  scope?: string;
  /** How long the toast stays (default 8 s). */
  durationMs?: number;
  action?: AnnouncementAction;
}

/** Messages about the visitor being recorded at the counter. */
export const COUNTER_VISIT_SCOPE = 'theke-vorsprache';

export const DEFAULT_TOAST_MS = 8000;

interface AnnouncerState {
  items: Announcement[];
  announce: (text: string, tone?: Announcement['tone'], options?: AnnounceOptions) => number;
  dismiss: (id: number) => void;
  dismissScope: (scope: string) => void;
}

let seq = 0;

export const useAnnouncer = create<AnnouncerState>()((set) => ({
  items: [],
  announce: (text, tone = 'info', options = {}) => {
    const id = ++seq;
    const item: Announcement = { id, text, tone, scope: options.scope ?? null, action: options.action ?? null, ...(options.onScreen ? { onScreen: true } : {}) };
    set((s) => ({ items: [...s.items.slice(-3), item] }));
    setTimeout(() => set((s) => ({ items: s.items.filter((i) => i.id !== id) })), options.durationMs ?? DEFAULT_TOAST_MS);
    return id;
  },
  dismiss: (id) => set((s) => ({ items: s.items.filter((i) => i.id !== id) })),
  dismissScope: (scope) => set((s) => ({ items: s.items.filter((i) => i.scope !== scope) })),
}));

export const announce = (text: string, tone?: Announcement['tone'], options?: AnnounceOptions) => useAnnouncer.getState().announce(text, tone, options);
export const dismissAnnouncement = (id: number) => useAnnouncer.getState().dismiss(id);
export const dismissScope = (scope: string) => useAnnouncer.getState().dismissScope(scope);

/**
 * Several lines said as one message: each ends as a sentence, so two lines never run together
 * ("… Warteschlange Vermittlungsfachkraft …", issue 10 item 8).
 */
export function asSentences(lines: readonly string[]): string {
  return lines
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .map((l) => (/[.!?…:]$/.test(l) ? l : `${l}.`))
    .join(' ');
}
