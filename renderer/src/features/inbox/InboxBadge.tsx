import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../db/db';
import { unreadCount } from '../../db/repositories/inbox';
import { useDeskStaff } from '../../state/session';
import { unreadLabel } from './inbox-model';

/**
 * The unread count in the navigation label: "Postfach (2)" (issue #3 item 8). Shown only when
 * something is unread; a screen reader hears "2 ungelesene Nachrichten".
 */
export function InboxBadge() {
  const person = useDeskStaff();
  const count = useLiveQuery(
    () => (person ? unreadCount(getDb(), person) : Promise.resolve(0)),
    [person],
  );
  if (!count) return null;
  return (
    <span className="nav-badge">
      {' '}
      <span aria-hidden="true">({count})</span>
      <span className="visually-hidden">({unreadLabel(count)})</span>
    </span>
  );
}
