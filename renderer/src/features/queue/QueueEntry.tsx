import { CONCERN_LABELS } from '@shared/model';
import { NOT_FOR_YOU, useAuditViews, useMayViewPersonal } from '../../auth/use-permission';
import { formatDate, formatMinutes, formatTime } from '../../lib/format';
import { TARGET_LABELS, type QueueRow } from './queue-view';

const LABEL_FIELD = ['label'];

/** The text of one queue entry. Every state is written out, never shown by colour alone. */
export function QueueEntry({ row, showTarget, staffName }: { row: QueueRow; showTarget: boolean; staffName: (id: string | null) => string }) {
  const h = row.handoff;
  // SPEC §8: the name a visitor gave only for those who work the visit; showing it is logged (issue 7 item 7).
  const mayView = useMayViewPersonal()('handoffs', h as unknown as Record<string, unknown>);
  useAuditViews('handoffs', mayView ? [h.id] : [], LABEL_FIELD);
  return (
    <>
      <span className="queue-pos">{row.position !== null ? `${row.position}.` : '–'}</span>
      <span className="queue-main">
        <span className="queue-label">{mayView ? h.label : NOT_FOR_YOU}</span>
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
