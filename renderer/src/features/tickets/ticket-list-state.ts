import { create } from 'zustand';
import { DEFAULT_SORTING, type TicketFilters, type TicketSorting } from './ticket-table-model';

/**
 * UI state of the ticket list (STYLE 10: zustand for UI state only). Kept outside the component so
 * filters, sorting and the active row survive a visit to the detail and back (Esc).
 */
export interface TicketListFilters extends Omit<TicketFilters, 'siteId'> {
  /** null = this desk's own site (the default view: its Ticketverteilung list, SPEC §5/seed §4.5). */
  siteId: string | 'all' | null;
}

interface TicketListState {
  filters: TicketListFilters;
  sorting: TicketSorting;
  /** The ticket last opened from the list: focus returns to its row (keyboard first, SPEC §10). */
  lastOpenedId: string | null;
  setFilter: <K extends keyof TicketListFilters>(key: K, value: TicketListFilters[K]) => void;
  setSorting: (sorting: TicketSorting) => void;
  setLastOpened: (id: string | null) => void;
  reset: () => void;
}

export const DEFAULT_LIST_FILTERS: TicketListFilters = {
  status: 'active',
  department: 'all',
  siteId: null,
  due: 'all',
  text: '',
  assigned: 'all',
};

export const useTicketList = create<TicketListState>()((set) => ({
  filters: DEFAULT_LIST_FILTERS,
  sorting: DEFAULT_SORTING,
  lastOpenedId: null,
  setFilter: (key, value) => set((s) => ({ filters: { ...s.filters, [key]: value } })),
  setSorting: (sorting) => set({ sorting }),
  setLastOpened: (lastOpenedId) => set({ lastOpenedId }),
  reset: () => set({ filters: DEFAULT_LIST_FILTERS, sorting: DEFAULT_SORTING }),
}));
