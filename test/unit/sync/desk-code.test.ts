import { describe, expect, it } from 'vitest';
import { DESK_CODE_PATTERN, callNumberOf, codedCallNumber, deskCodeAt } from '@shared/sync/desk-code';

describe('desk codes (issue 6 item 6: call numbers and ticket references unique across PCs)', () => {
  it('the first 22 PCs of a site get one letter each, then two letters; never I, L, O or U', () => {
    const codes = Array.from({ length: 22 * 23 }, (_, i) => deskCodeAt(i));
    expect(codes.slice(0, 3)).toEqual(['A', 'B', 'C']);
    expect(codes[21]).toBe('Z');
    expect(codes.slice(22, 24)).toEqual(['AA', 'AB']);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of codes) {
      expect(c).toMatch(DESK_CODE_PATTERN);
      expect(c).not.toMatch(/[ILOU]/);
    }
    expect(() => deskCodeAt(-1)).toThrow(RangeError);
  });

  it('a coded call number reads "Nr. A 005" and is recognised only under its own code', () => {
    expect(codedCallNumber('A', 5)).toBe('Nr. A 005');
    expect(codedCallNumber('AB', 1234)).toBe('Nr. AB 1234');
    expect(callNumberOf('Nr. A 005', 'A')).toBe(5);
    expect(callNumberOf('Nr. A 005', 'B')).toBeNull();
    expect(callNumberOf('Nr. 005', 'A')).toBeNull();
    expect(callNumberOf('Frau Muster', 'A')).toBeNull();
  });
});
