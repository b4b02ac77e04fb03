import { formatTime } from '../lib/format';
import { syncStatusText, useSyncStatus } from './status-store';

/**
 * The sync state in the header, in words, for every screen. Not a live region: the count of
 * waiting changes moves with every write and would talk over the clerk; a change the server
 * refuses is announced on its own (app/sync.ts).
 */
export function SyncStatusLine() {
  const status = useSyncStatus((s) => s.status);
  return (
    <span className={`sync-status sync-${status.mode}`} data-testid="sync-status">
      Sync: {syncStatusText(status, formatTime)}
    </span>
  );
}
