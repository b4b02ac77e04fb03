/**
 * Keyboard model of the staffing grids (coverage board, roster): an ARIA grid in the APG sense –
 * one cell in the tab order (roving tabindex), the arrow keys move between cells. Pure, so the
 * rules are unit-tested without a DOM.
 *
 * Keys: ←/→/↑/↓ one cell (no wrap: the edge is where the grid ends, as in a spreadsheet),
 * Pos1/Ende first/last cell of the row, Strg+Pos1/Strg+Ende first/last cell of the grid.
 * Bild↑/Bild↓ are not moves – the screens use them for the previous/next week.
 */

export interface GridPos {
  row: number;
  col: number;
}

export interface GridSize {
  rows: number;
  cols: number;
}

export interface GridKey {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
}

/** The position after `key`, or null when the key is not a grid move (let it through). */
export function moveInGrid(pos: GridPos, key: GridKey, size: GridSize): GridPos | null {
  if (size.rows <= 0 || size.cols <= 0) return null;
  const at = clampPos(pos, size);
  const lastRow = size.rows - 1;
  const lastCol = size.cols - 1;
  const ctrl = key.ctrlKey === true || key.metaKey === true;
  switch (key.key) {
    case 'ArrowRight':
      return { row: at.row, col: Math.min(at.col + 1, lastCol) };
    case 'ArrowLeft':
      return { row: at.row, col: Math.max(at.col - 1, 0) };
    case 'ArrowDown':
      return { row: Math.min(at.row + 1, lastRow), col: at.col };
    case 'ArrowUp':
      return { row: Math.max(at.row - 1, 0), col: at.col };
    case 'Home':
      return ctrl ? { row: 0, col: 0 } : { row: at.row, col: 0 };
    case 'End':
      return ctrl ? { row: lastRow, col: lastCol } : { row: at.row, col: lastCol };
    default:
      return null;
  }
}

/** Keeps a remembered position inside a grid whose size changed (another week, fewer sessions). */
export function clampPos(pos: GridPos, size: GridSize): GridPos {
  return {
    row: Math.min(Math.max(pos.row, 0), Math.max(size.rows - 1, 0)),
    col: Math.min(Math.max(pos.col, 0), Math.max(size.cols - 1, 0)),
  };
}
