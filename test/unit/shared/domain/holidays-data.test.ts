import { data } from 'date-holidays/data';
import { describe, expect, it } from 'vitest';
import shipped from '../../../../shared/domain/holidays-de.data.json';
// @ts-expect-error – a plain .mjs script without type declarations
import { extractGermany } from '../../../../scripts/extract-holidays-de.mjs';

describe('DE holiday rules shipped with the app (SPEC §2: a maintained holiday library, never hand-coded)', () => {
  it('equal the installed date-holidays data for Germany – run scripts/extract-holidays-de.mjs after an upgrade', () => {
    expect(shipped).toEqual(JSON.parse(JSON.stringify(extractGermany(data))));
  });

  it('hold Rhineland-Palatinate rules, including Fronleichnam', () => {
    const de = (shipped.holidays as Record<string, { states?: Record<string, { days?: Record<string, unknown> }> }>).DE;
    expect(Object.keys(de?.states?.RP?.days ?? {})).toContain('easter 60');
  });
});
