import { create } from 'zustand';
import type { Role, Site, Staff } from '@shared/model';
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
  /**
   * Issue 7: the signed-in person's roles as the sign-in gave them (Active Directory groups or the
   * service's directory). They decide what the UI offers, as they decide what the service accepts.
   * null: no sign-in (the local demo uses the staff list's roles).
   */
  accountRoles: readonly Role[] | null;
  setAccountRoles: (roles: readonly Role[] | null) => void;
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
  accountRoles: null,
  setAccountRoles: (accountRoles) => set({ accountRoles }),
}));

// Atomic selectors: components re-render only for what they read.
export const useSettings = () => useSession((s) => s.settings);
export const useCurrentSite = () => useSession((s) => s.sites.find((x) => x.id === s.settings.siteId) ?? null);
/** The person at this PC: the signed-in person (with the roles of the sign-in), or the demo's choice. */
export const useDeskStaff = () => useSession(deskPerson);

let memo: { person: Staff | null; roles: readonly Role[] | null; out: Staff | null } | null = null;
/** Same, outside React (the same object while nothing changed: a stable snapshot for the store). */
export function deskPerson(s: Pick<SessionState, 'staff' | 'settings' | 'accountRoles'> = useSession.getState()): Staff | null {
  const person = s.staff.find((x) => x.id === s.settings.deskStaffId) ?? null;
  if (memo && memo.person === person && memo.roles === s.accountRoles) return memo.out;
  const out = person && s.accountRoles ? { ...person, roles: [...s.accountRoles] } : person;
  memo = { person, roles: s.accountRoles, out };
  return out;
}
export const useSites = () => useSession((s) => s.sites);
export const useStaff = () => useSession((s) => s.staff);
