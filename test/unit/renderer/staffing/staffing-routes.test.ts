import { describe, expect, it } from 'vitest';
import { boardCellSegments, parseStaffingRoute, sessionKeyOf, staffingSegments } from '../../../../renderer/src/features/staffing/staffing-routes';

/** Issue #3: the staffing screen's sub-views are routed as #/besetzung/<view>/… (one address each). */
const BE = '5b1f0f9e-0c57-4d36-9d43-0a7e3c1b0e01';

describe('Besetzung addresses', () => {
  it('no view is the board of this week', () => {
    expect(parseStaffingRoute([])).toEqual({ view: 'uebersicht', week: undefined, session: null });
    expect(parseStaffingRoute(['unbekannt'])).toEqual({ view: 'uebersicht', week: undefined, session: null });
  });

  it('board and roster carry the week and optionally one session', () => {
    expect(parseStaffingRoute(['uebersicht', '2026-11-23'])).toEqual({ view: 'uebersicht', week: '2026-11-23', session: null });
    expect(parseStaffingRoute(['plan', '2026-11-23', BE, '2026-11-26', '08:00'])).toEqual({
      view: 'plan',
      week: '2026-11-23',
      session: { siteId: BE, date: '2026-11-26', sessionStart: '08:00' },
    });
    // A malformed session part is ignored rather than shown as an error page.
    expect(parseStaffingRoute(['uebersicht', '2026-11-23', BE, '26.11.2026', '08:00']).view).toBe('uebersicht');
    expect(parseStaffingRoute(['uebersicht', '2026-11-23', BE, '2026-11-26', '8 Uhr'])).toMatchObject({ session: null });
    expect(parseStaffingRoute(['uebersicht', 'naechste'])).toMatchObject({ week: undefined });
  });

  it('the other views', () => {
    expect(parseStaffingRoute(['abwesenheiten'])).toEqual({ view: 'abwesenheiten' });
    expect(parseStaffingRoute(['personal'])).toEqual({ view: 'personal', staffId: null });
    expect(parseStaffingRoute(['personal', 'neu'])).toEqual({ view: 'personal', staffId: 'neu' });
    expect(parseStaffingRoute(['oeffnungszeiten'])).toEqual({ view: 'oeffnungszeiten' });
  });

  it('segments round-trip, and a session link names the week of its date', () => {
    const session = { siteId: BE, date: '2026-12-03', sessionStart: '08:00' };
    expect(boardCellSegments(session)).toEqual(['besetzung', 'uebersicht', '2026-11-30', BE, '2026-12-03', '08:00']);
    expect(parseStaffingRoute(boardCellSegments(session).slice(1))).toEqual({ view: 'uebersicht', week: '2026-11-30', session });
    expect(staffingSegments({ view: 'plan', week: undefined, session: null })).toEqual(['besetzung', 'plan']);
    expect(staffingSegments({ view: 'personal', staffId: 'neu' })).toEqual(['besetzung', 'personal', 'neu']);
    expect(staffingSegments({ view: 'abwesenheiten' })).toEqual(['besetzung', 'abwesenheiten']);
    expect(sessionKeyOf(session)).toBe(`${BE}|2026-12-03|08:00`);
  });
});
