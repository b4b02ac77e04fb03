import { useEffect, useRef, useState } from 'react';
import type { GridPos } from './grid-nav';
import { findSlot, type SlotGrid } from './slot-grid';
import { sessionKeyOf, type SessionKeyParts } from './staffing-routes';
import type { StaffingGridHandle } from './StaffingGrid';

export interface SlotSelection<T> {
  /** The cell in the tab order. */
  pos: GridPos;
  setActive: (pos: GridPos) => void;
  /** The cell whose detail the address opens, and its item. */
  openPos: GridPos | null;
  openItem: T | null;
  gridRef: React.RefObject<StaffingGridHandle | null>;
}

/**
 * Which cell of a staffing grid is active and which is open (the address names the open one). The
 * active cell starts on today's (or the week's next) session of this desk's site and follows the
 * opened cell; arriving on the screen puts focus into the grid so the arrow keys work at once.
 */
export function useSlotSelection<T>(
  grid: SlotGrid<T> | null,
  session: SessionKeyParts | null,
  siteId: string | null,
  today: string,
): SlotSelection<T> {
  const gridRef = useRef<StaffingGridHandle>(null);
  const openPos = grid && session ? findSlot(grid, session.siteId, session.date, session.sessionStart) : null;
  const openItem = openPos && grid ? (grid.rows[openPos.row]?.cells[openPos.col] ?? null) : null;

  const [active, setActive] = useState<GridPos | null>(null);
  const openKey = session ? sessionKeyOf(session) : null;
  const [followed, setFollowed] = useState<string | null>(null);
  if (openPos && openKey !== followed) {
    setFollowed(openKey);
    setActive(openPos);
  }
  const pos = active ?? (grid ? startPos(grid, siteId, today) : { row: 0, col: 0 });

  const focused = useRef(false);
  useEffect(() => {
    if (grid && grid.columns.length > 0 && !focused.current && !session) {
      focused.current = true;
      gridRef.current?.focusActive();
    }
  }, [grid, session]);

  return { pos, setActive, openPos, openItem, gridRef };
}

/** Today's session of the desk's site, else the week's next one, else the first. */
export function startPos<T>(grid: SlotGrid<T>, siteId: string | null, today: string): GridPos {
  const row = Math.max(0, grid.rows.findIndex((r) => r.siteId === siteId));
  const col = grid.columns.findIndex((c) => c.date >= today);
  return { row, col: col === -1 ? 0 : col };
}
