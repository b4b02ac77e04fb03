import { useImperativeHandle, useRef, type KeyboardEvent, type ReactNode, type Ref } from 'react';
import { clampPos, moveInGrid, type GridPos } from './grid-nav';
import type { SlotGrid } from './slot-grid';
import { ScrollRegion } from '../../ui/ScrollRegion';

export interface StaffingGridHandle {
  /** Puts focus back on the active cell (closing a detail with Esc). */
  focusActive: () => void;
}

export interface StaffingGridProps<T> {
  /** Accessible name of the grid. */
  label: string;
  /** id of the text that explains the keys (aria-describedby). */
  describedBy?: string;
  grid: SlotGrid<T>;
  active: GridPos;
  onActiveChange: (pos: GridPos) => void;
  /** The cell whose detail is open (aria-current), or null. */
  openPos: GridPos | null;
  /** Enter (or a click) on a cell. */
  onOpen: (pos: GridPos) => void;
  /** Keys the grid does not use itself (Bild↑/Bild↓ for the week). Return true when handled. */
  onOtherKey?: (e: KeyboardEvent<HTMLElement>) => boolean;
  renderCell: (item: T | null, pos: GridPos) => ReactNode;
  cellClass?: (item: T | null) => string;
  ref?: Ref<StaffingGridHandle>;
}

/**
 * A week × sites grid as an ARIA grid (APG "Data Grid"): a table with role="grid", a row per site
 * with its name as row header, a gridcell per opening session. Exactly one cell is in the tab order
 * (roving tabindex); the arrow keys, Pos1/Ende and Strg+Pos1/Strg+Ende move it (grid-nav.ts), Enter
 * opens the cell. The cell's text is its accessible name, so a screen reader reads the status in words.
 */
export function StaffingGrid<T>(props: StaffingGridProps<T>) {
  const { label, describedBy, grid, openPos, onActiveChange, onOpen, onOtherKey, renderCell, cellClass, ref } = props;
  const tableRef = useRef<HTMLTableElement>(null);
  const size = { rows: grid.rows.length, cols: grid.columns.length };
  const active = clampPos(props.active, size);

  const focusCell = (pos: GridPos) => {
    tableRef.current?.querySelector<HTMLElement>(`[data-row="${pos.row}"][data-col="${pos.col}"]`)?.focus();
  };
  useImperativeHandle(ref, () => ({ focusActive: () => focusCell(active) }), [active]);

  function onKeyDown(e: KeyboardEvent<HTMLTableElement>) {
    if (e.altKey) return;
    const next = moveInGrid(active, e, size);
    if (next) {
      e.preventDefault();
      onActiveChange(next);
      focusCell(next);
      return;
    }
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onOpen(active);
      return;
    }
    if (onOtherKey?.(e)) e.preventDefault();
  }

  if (size.rows === 0 || size.cols === 0) return null;
  return (
    <ScrollRegion label={label} focusable={false}>
    <table ref={tableRef} role="grid" aria-label={label} aria-describedby={describedBy} className="staffing-grid" onKeyDown={onKeyDown}>
      <thead>
        <tr>
          <th scope="col" role="columnheader">
            Standort
          </th>
          {grid.columns.map((c) => (
            <th key={c.key} scope="col" role="columnheader">
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {grid.rows.map((row, r) => (
          <tr key={row.siteId}>
            <th scope="row" role="rowheader">
              {row.siteName}
            </th>
            {row.cells.map((item, c) => {
              const isActive = r === active.row && c === active.col;
              return (
                <td
                  key={c}
                  role="gridcell"
                  data-row={r}
                  data-col={c}
                  tabIndex={isActive ? 0 : -1}
                  aria-current={openPos?.row === r && openPos.col === c ? 'true' : undefined}
                  className={cellClass?.(item) ?? ''}
                  onFocus={() => {
                    if (!isActive) onActiveChange({ row: r, col: c });
                  }}
                  onClick={() => onOpen({ row: r, col: c })}
                >
                  {renderCell(item, { row: r, col: c })}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
    </ScrollRegion>
  );
}
