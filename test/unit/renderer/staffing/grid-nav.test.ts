import { describe, expect, it } from 'vitest';
import { clampPos, moveInGrid } from '../../../../renderer/src/features/staffing/grid-nav';

/** Issue #3 item 5: the coverage board is a real ARIA grid – arrow keys move between cells (APG Data Grid). */
const SIZE = { rows: 4, cols: 4 }; // four sites × four sessions (Mo, Di, Do, Fr – seed §4.1)

describe('grid keyboard model of the staffing grids (APG data grid, SPEC §10 keyboard first)', () => {
  it('arrow keys move one cell and stop at the edge (no wrap)', () => {
    expect(moveInGrid({ row: 1, col: 1 }, { key: 'ArrowRight' }, SIZE)).toEqual({ row: 1, col: 2 });
    expect(moveInGrid({ row: 1, col: 1 }, { key: 'ArrowLeft' }, SIZE)).toEqual({ row: 1, col: 0 });
    expect(moveInGrid({ row: 1, col: 1 }, { key: 'ArrowDown' }, SIZE)).toEqual({ row: 2, col: 1 });
    expect(moveInGrid({ row: 1, col: 1 }, { key: 'ArrowUp' }, SIZE)).toEqual({ row: 0, col: 1 });
    expect(moveInGrid({ row: 0, col: 3 }, { key: 'ArrowRight' }, SIZE)).toEqual({ row: 0, col: 3 });
    expect(moveInGrid({ row: 0, col: 0 }, { key: 'ArrowLeft' }, SIZE)).toEqual({ row: 0, col: 0 });
    expect(moveInGrid({ row: 3, col: 2 }, { key: 'ArrowDown' }, SIZE)).toEqual({ row: 3, col: 2 });
    expect(moveInGrid({ row: 0, col: 2 }, { key: 'ArrowUp' }, SIZE)).toEqual({ row: 0, col: 2 });
  });

  it('Pos1/Ende go to the row start/end, with Strg to the first/last cell of the grid', () => {
    expect(moveInGrid({ row: 2, col: 2 }, { key: 'Home' }, SIZE)).toEqual({ row: 2, col: 0 });
    expect(moveInGrid({ row: 2, col: 1 }, { key: 'End' }, SIZE)).toEqual({ row: 2, col: 3 });
    expect(moveInGrid({ row: 2, col: 2 }, { key: 'Home', ctrlKey: true }, SIZE)).toEqual({ row: 0, col: 0 });
    expect(moveInGrid({ row: 1, col: 1 }, { key: 'End', ctrlKey: true }, SIZE)).toEqual({ row: 3, col: 3 });
    expect(moveInGrid({ row: 1, col: 1 }, { key: 'End', metaKey: true }, SIZE)).toEqual({ row: 3, col: 3 });
  });

  it('other keys are not moves: Enter opens, Bild↑/Bild↓ change the week, letters pass through', () => {
    for (const key of ['Enter', ' ', 'PageUp', 'PageDown', 'h', 'Tab', 'Escape']) {
      expect(moveInGrid({ row: 0, col: 0 }, { key }, SIZE)).toBeNull();
    }
  });

  it('an empty grid has no moves', () => {
    expect(moveInGrid({ row: 0, col: 0 }, { key: 'ArrowRight' }, { rows: 0, cols: 4 })).toBeNull();
    expect(moveInGrid({ row: 0, col: 0 }, { key: 'ArrowDown' }, { rows: 4, cols: 0 })).toBeNull();
  });

  it('a remembered position is kept inside a smaller grid (a week with fewer sessions)', () => {
    expect(clampPos({ row: 3, col: 5 }, { rows: 4, cols: 3 })).toEqual({ row: 3, col: 2 });
    expect(clampPos({ row: -1, col: -2 }, SIZE)).toEqual({ row: 0, col: 0 });
    expect(moveInGrid({ row: 3, col: 5 }, { key: 'ArrowLeft' }, { rows: 4, cols: 3 })).toEqual({ row: 3, col: 1 });
  });
});
