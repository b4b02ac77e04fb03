import type { ComponentType } from 'react';
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
];
