import { weekStartOf } from '@shared/domain/desk-sessions';
import { shiftWeek, weekLabel, weekRelation } from './week';

/**
 * Previous / this / next week (issue #3 item 3). Bild↑ / Bild↓ / H do the same from anywhere on the
 * view (use-staffing-week.ts), so the week changes without leaving the grid; the buttons say so.
 */
export function WeekNav({ weekStart, today, onWeek }: { weekStart: string; today: string; onWeek: (week: string) => void }) {
  const relation = weekRelation(weekStart, today);
  return (
    <div className="week-nav" role="group" aria-label="Woche wählen">
      <button type="button" onClick={() => onWeek(shiftWeek(weekStart, -1))} aria-keyshortcuts="PageUp">
        ◀ Vorherige Woche <kbd>Bild↑</kbd>
      </button>
      <button type="button" onClick={() => onWeek(weekStartOf(today))} aria-keyshortcuts="H" disabled={relation === 'current'}>
        Diese Woche <kbd>H</kbd>
      </button>
      <button type="button" onClick={() => onWeek(shiftWeek(weekStart, 1))} aria-keyshortcuts="PageDown">
        Nächste Woche ▶ <kbd>Bild↓</kbd>
      </button>
      <p className="week-label" aria-live="polite">
        <strong>{weekLabel(weekStart)}</strong>
        {relation === 'current' ? ' (diese Woche)' : relation === 'past' ? ' (vergangen)' : ''}
      </p>
    </div>
  );
}
