import { useSwitchPersonHint } from '../../auth/auth';
import { GroupSessionFlags } from '../newcustomers/GroupSessionFlags';
import { useId, useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { BoardCell } from '@shared/domain/coverage';
import { getDb } from '../../db/db';
import { weekBoard } from '../../db/repositories/cover';
import { useCurrentSite, useDeskStaff } from '../../state/session';
import { actorText, cellSummary, STATUS_ICONS, STATUS_LABELS } from './board-labels';
import { CellDetail } from './CellDetail';
import type { GridPos } from './grid-nav';
import { slotGrid } from './slot-grid';
import { StaffingGrid } from './StaffingGrid';
import { StaffingNav } from './StaffingNav';
import { sessionKeyOf, type SessionKeyParts } from './staffing-routes';
import { useSlotSelection } from './use-slot-selection';
import { useStaffingWeek } from './use-staffing-week';
import { shortDate } from './week';
import { WeekNav } from './WeekNav';
import { BoardLegend } from './BoardLegend';

interface Props {
  week: string | undefined;
  session: SessionKeyParts | null;
  today: string;
  now: Date;
}

const slotOf = (c: BoardCell) => ({ siteId: c.siteId, date: c.date, start: c.sessionStart });

/**
 * The coverage board (issue #3 item 5, SPEC §6): a week × the four sites, each opening session
 * covered / at risk / uncovered with the reason. The site Fallmanager and the Teamleitungen see all
 * four sites. Enter on a cell opens its detail with the §4.5 proposals below the grid.
 */
export function BoardView({ week, session, today, now }: Props) {
  const switchHint = useSwitchPersonHint();
  const ids = { keys: useId() };
  const { weekStart, toWeek, toSession } = useStaffingWeek('uebersicht', week, session, today);
  const minute = now.getTime();
  const board = useLiveQuery(() => weekBoard(getDb(), weekStart, new Date(minute)), [weekStart, minute]);
  const grid = useMemo(() => (board ? slotGrid(board.dates, board.sites, board.cells, slotOf) : null), [board]);
  const actor = useDeskStaff();
  const site = useCurrentSite();
  const { pos, setActive, openPos, openItem: openCell, gridRef } = useSlotSelection(grid, session, site?.id ?? null, today);

  function open(p: GridPos) {
    const cell = grid?.rows[p.row]?.cells[p.col];
    setActive(p);
    if (cell) toSession({ siteId: cell.siteId, date: cell.date, sessionStart: cell.sessionStart });
  }
  function close() {
    toSession(null);
    gridRef.current?.focusActive();
  }

  return (
    <div className="staffing-screen board-view">
      <h1>Besetzung – Übersicht</h1>
      <StaffingNav current="uebersicht" />
      <p className="actor-line">
        Sie entscheiden als: <strong>{actorText(actor)}</strong>. <span className="hint">
          {switchHint.standalone ? (
            <>
              Person am Platz wechseln: Einstellungen (<kbd>Alt+0</kbd>).
            </>
          ) : (
            switchHint.sentence
          )}
        </span>
      </p>
      <GroupSessionFlags today={today} />
      <WeekNav weekStart={weekStart} today={today} onWeek={toWeek} />
      <p id={ids.keys} className="hint">
        <kbd>←</kbd> <kbd>→</kbd> <kbd>↑</kbd> <kbd>↓</kbd> Öffnungszeit wählen · <kbd>Enter</kbd> Einzelheiten und Vorschläge · <kbd>Bild↑</kbd>{' '}
        <kbd>Bild↓</kbd> Woche · <kbd>H</kbd> diese Woche
      </p>
      {!grid ? (
        <p aria-busy="true">Übersicht wird geladen …</p>
      ) : grid.columns.length === 0 ? (
        <p className="notice">In dieser Woche hat kein Standort eine Öffnungszeit.</p>
      ) : (
        <StaffingGrid
          ref={gridRef}
          label="Besetzung der Anlaufstellen"
          describedBy={ids.keys}
          grid={grid}
          active={pos}
          openPos={openPos}
          onActiveChange={setActive}
          onOpen={open}
          cellClass={(c) => `board-cell status-${c?.status ?? 'none'}${c?.past ? ' is-past' : ''}`}
          renderCell={(c) => <BoardCellContent cell={c} />}
        />
      )}
      {grid && grid.daysWithout.length > 0 && (
        <p className="hint">Ohne Öffnungszeit in dieser Woche: {grid.daysWithout.map(shortDate).join(', ')}</p>
      )}
      <BoardLegend />
      {session && openCell && <CellDetail key={sessionKeyOf(session)} cell={openCell} actor={actor} onClose={close} />}
      {session && grid && !openCell && (
        <p className="notice">Diese Öffnungszeit gibt es in dieser Woche nicht (geändert oder entfallen).</p>
      )}
    </div>
  );
}

function BoardCellContent({ cell }: { cell: BoardCell | null }) {
  if (!cell) return <span className="cell-empty">keine Öffnungszeit</span>;
  return (
    <>
      <span className="cell-status">
        <span aria-hidden="true" className="status-icon">
          {STATUS_ICONS[cell.status]}
        </span>{' '}
        {STATUS_LABELS[cell.status]}
        {cell.past && cell.status !== 'closed' ? ' (vorbei)' : ''}
      </span>
      <span className="cell-summary">{cellSummary(cell)}</span>
    </>
  );
}
