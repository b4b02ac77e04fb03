import type { NotificationRequest } from '@shared/bridge/contract';
import type { InboxMessage } from '@shared/model';
import { getDb } from '../../db/db';
import { listSites, listStaff } from '../../db/repositories/directory';
import { platform } from '../../platform';
import { announce } from '../../state/announcer';
import { useSession } from '../../state/session';
import { recipientText } from '../inbox/inbox-model';

/**
 * Hands the OS notifications of a staffing write to the platform bridge (issue #3 item 6). The
 * acting PC shows them now; the recipients' PCs get the inbox message through sync and show its
 * notification when it arrives (app/sync.ts, issue 6 item 3).
 */
export async function notifyAll(notifications: readonly NotificationRequest[]): Promise<void> {
  for (const n of notifications) {
    const result = await platform.notify(n);
    if (!result.ok) announce(result.error, 'warning');
  }
}

/**
 * After a write that may open or close a gap (seed §4.5 "so früh wie möglich"): hands its OS
 * notifications to the bridge and says who was informed (" Informiert: …."), or '' if nobody.
 */
export function notifyWrite(result: { messages: readonly InboxMessage[]; notifications: readonly NotificationRequest[] }): string {
  void notifyAll(result.notifications);
  return result.messages.length > 0 ? ` Informiert: ${recipientsText(result.messages)}.` : '';
}

/** "Teamleitung Leistung, Standortverantwortliche/r Fallmanager/in Nastätten" – who got a message. */
export function recipientsText(messages: readonly InboxMessage[]): string {
  const { sites, staff } = useSession.getState();
  const name = (id: string) => sites.find((s) => s.id === id)?.name;
  const person = (id: string) => staff.find((p) => p.id === id)?.name;
  return [...new Set(messages.map((m) => recipientText(m, name, person)))].join(', ');
}

/** After a directory write: the counter and the header read sites and staff from the session. */
export async function refreshDirectory(): Promise<void> {
  const db = getDb();
  useSession.getState().setDirectory(await listSites(db), await listStaff(db));
}
