import { create } from 'zustand';

/**
 * Status messages for everyone: shown as a toast and read out by screen readers through one
 * aria-live region (WCAG 4.1.3). Errors use role="alert" where they occur, not here.
 */
export interface Announcement {
  id: number;
  text: string;
  tone: 'info' | 'success' | 'warning';
  /**
   * The text already stands on the screen (a form's outcome that stays): screen readers hear it,
   * but no toast repeats it (issue 10 item 8: "Abwesenheit erfasst" was shown twice).
   */
  onScreen?: boolean;
}

export interface AnnounceOptions {
  onScreen?: boolean;
}

interface AnnouncerState {
  items: Announcement[];
  announce: (text: string, tone?: Announcement['tone'], options?: AnnounceOptions) => void;
  dismiss: (id: number) => void;
}

let seq = 0;

export const useAnnouncer = create<AnnouncerState>()((set) => ({
  items: [],
  announce: (text, tone = 'info', options = {}) => {
    const id = ++seq;
    set((s) => ({ items: [...s.items.slice(-3), { id, text, tone, ...(options.onScreen ? { onScreen: true } : {}) }] }));
    setTimeout(() => set((s) => ({ items: s.items.filter((i) => i.id !== id) })), 8000);
  },
  dismiss: (id) => set((s) => ({ items: s.items.filter((i) => i.id !== id) })),
}));

export const announce = (text: string, tone?: Announcement['tone'], options?: AnnounceOptions) => useAnnouncer.getState().announce(text, tone, options);
