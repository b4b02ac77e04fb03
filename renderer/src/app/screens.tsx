import type { ComponentType } from 'react';
import type { Role } from '@shared/model';
import { AdminScreen } from '../features/admin/AdminScreen';
import { AuditScreen } from '../features/audit/AuditScreen';
import { CounterScreen } from '../features/counter/CounterScreen';
import { InboxBadge } from '../features/inbox/InboxBadge';
import { InboxScreen } from '../features/inbox/InboxScreen';
import { NewCustomersScreen } from '../features/newcustomers/NewCustomersScreen';
import { QueueScreen } from '../features/queue/QueueScreen';
import { ReportsScreen } from '../features/reports/ReportsScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { StaffingScreen } from '../features/staffing/StaffingScreen';
import { TicketsScreen } from '../features/tickets/TicketsScreen';
import { TodayScreen } from '../features/today/TodayScreen';

/**
 * The app's screens, in navigation order. Alt + key jumps to a screen from anywhere.
 * `params` are the route segments after the screen's path (e.g. a ticket id).
 */
export interface Screen {
  path: string;
  label: string;
  key: string;
  component: ComponentType<{ params: string[] }>;
  /** Shown after the label in the navigation, e.g. the inbox's unread count. */
  badge?: ComponentType;
  /**
   * Issue 7: who may open the screen, by the sign-in's roles. A screen with it needs the sync
   * service: in the local demo without sign-in it is not offered at all.
   */
  allowed?: (roles: readonly Role[]) => boolean;
}

export const SCREENS: Screen[] = [
  { path: 'theke', label: 'Theke', key: '1', component: CounterScreen },
  { path: 'warteschlange', label: 'Warteschlange', key: '2', component: QueueScreen },
  { path: 'tickets', label: 'Tickets', key: '3', component: TicketsScreen },
  { path: 'heute', label: 'Heute', key: '4', component: TodayScreen },
  { path: 'besetzung', label: 'Besetzung', key: '5', component: StaffingScreen },
  { path: 'postfach', label: 'Postfach', key: '6', component: InboxScreen, badge: InboxBadge },
  { path: 'auswertungen', label: 'Auswertungen', key: '7', component: ReportsScreen },
  { path: 'neukunden', label: 'Neukunden', key: '8', component: NewCustomersScreen },
  { path: 'einstellungen', label: 'Einstellungen', key: '0', component: SettingsScreen },
  // Issue 7 items 7 and 8: the service checks the role again on every request of these screens.
  { path: 'verwaltung', label: 'Verwaltung', key: '9', component: AdminScreen, allowed: (roles) => roles.includes('ADMIN') },
  { path: 'zugriffsprotokoll', label: 'Zugriffsprotokoll', key: 'P', component: AuditScreen, allowed: (roles) => roles.includes('DSB') },
];

/** Whether the person at this PC may open `screen` (`signedIn`: with the sync service, not the local demo). */
export function screenAllowed(screen: Pick<Screen, 'allowed'>, roles: readonly Role[] | null, signedIn: boolean): boolean {
  if (!screen.allowed) return true;
  return signedIn && roles !== null && screen.allowed(roles);
}

/** Alt + the screen's key: a digit by the key typed, a letter by its place (Alt+P types "π" on a Mac). */
export function screenForKey(e: Pick<KeyboardEvent, 'key' | 'code'>): Screen | undefined {
  return SCREENS.find((s) => (/^[A-Z]$/.test(s.key) ? e.code === `Key${s.key}` : s.key === e.key));
}
