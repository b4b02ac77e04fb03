import { create } from 'zustand';
import type { Site, Staff } from '@shared/model';
import type { AppSettings } from '../db/repositories/settings';
import { DEFAULT_SETTINGS } from '../db/repositories/settings';

/**
 * Session state (STYLE 10): who is at which desk and the loaded settings. Persisted data stays in
 * Dexie; this store only mirrors what the UI needs synchronously.
 */
interface SessionState {
  ready: boolean;
  /** A German message when the app could not start (e.g. database newer than the app). */
  fatal: string | null;
  settings: AppSettings;
  sites: Site[];
  staff: Staff[];
  setReady: (data: { settings: AppSettings; sites: Site[]; staff: Staff[] }) => void;
  setFatal: (message: string) => void;
  setSettings: (settings: AppSettings) => void;
  setDirectory: (sites: Site[], staff: Staff[]) => void;
}

export const useSession = create<SessionState>()((set) => ({
  ready: false,
  fatal: null,
  settings: DEFAULT_SETTINGS,
  sites: [],
  staff: [],
  setReady: ({ settings, sites, staff }) => set({ ready: true, settings, sites, staff }),
  setFatal: (fatal) => set({ fatal }),
  setSettings: (settings) => set({ settings }),
  setDirectory: (sites, staff) => set({ sites, staff }),
}));

// Atomic selectors: components re-render only for what they read.
export const useSettings = () => useSession((s) => s.settings);
export const useCurrentSite = () => useSession((s) => s.sites.find((x) => x.id === s.settings.siteId) ?? null);
export const useDeskStaff = () => useSession((s) => s.staff.find((x) => x.id === s.settings.deskStaffId) ?? null);
export const useSites = () => useSession((s) => s.sites);
export const useStaff = () => useSession((s) => s.staff);
