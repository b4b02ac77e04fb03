import { CONCERN_LABELS } from '@shared/model';
import { formatDate, formatMinutes, formatTime } from '../../lib/format';
import { TARGET_LABELS, type QueueRow } from './queue-view';

/** The text of one queue entry. Every state is written out, never shown by colour alone. */
export function QueueEntry({ row, showTarget, staffName }: { row: QueueRow; showTarget: boolean; staffName: (id: string | null) => string }) {
  const h = row.handoff;
  return (
    <>
      <span className="queue-pos">{row.position !== null ? `${row.position}.` : '–'}</span>
      <span className="queue-main">
        <span className="queue-label">{h.label}</span>
        {h.acute && <span className="badge badge-acute">Akut mittellos</span>}
        {row.sameDay === 'at-risk' && <span className="badge badge-overdue">Taggleich gefährdet</span>}
        {row.sameDay === 'missed' && <span className="badge badge-overdue">Taggleich verfehlt</span>}
        <span className="queue-kind">
          {CONCERN_LABELS[h.concernKind]}
          {showTarget && <> · an {TARGET_LABELS[h.target]}</>}
        </span>
      </span>
      {h.status === 'waiting' ? (
        <span className="queue-time">
          <span className="queue-wait">Wartezeit {formatMinutes(row.minutes)}</span>
          <span className="queue-since">
            wartet seit {row.sameDay === 'missed' ? `${formatDate(h.waitingSince)}, ` : ''}
            {formatTime(h.waitingSince)}
          </span>
        </span>
      ) : (
        <span className="queue-time">
          <span className="queue-wait">In Bearbeitung bei {staffName(h.takenBy)}</span>
          <span className="queue-since">
            seit {h.takenAt ? formatTime(h.takenAt) : '–'} · wartete {formatMinutes(row.minutes)}
          </span>
        </span>
      )}
    </>
  );
}
