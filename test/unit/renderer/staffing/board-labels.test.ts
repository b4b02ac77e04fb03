import { describe, expect, it } from 'vitest';
import type { BoardCell, CellProposal, DeskEntry } from '@shared/domain/coverage';
import { actorText, cellSummary, deciderText, STATUS_ICONS, STATUS_LABELS } from '../../../../renderer/src/features/staffing/board-labels';

/** Issue #3 item 5: each session covered / at risk / uncovered, with the reason – as text, never colour alone. */
function cell(extra: Partial<BoardCell>): BoardCell {
  return {
    siteId: 'na',
    siteName: 'Nastätten',
    date: '2026-11-26',
    sessionStart: '08:00',
    sessionEnd: '12:00',
    status: 'covered',
    reason: '',
    minStaff: 1,
    present: 1,
    gapKind: null,
    desk: [],
    proposals: [],
    escalateTo: null,
    accepted: [],
    rejected: [],
    planned: true,
    past: false,
    ...extra,
  };
}
const desk = (name: string, absent = false): DeskEntry => ({
  shiftId: `s-${name}`,
  staffId: name,
  name,
  source: 'pattern',
  coverSource: null,
  absence: absent ? { id: 'a', kind: 'unplanned', halfDay: 'none' } : null,
});
const proposal = (name: string, source: CellProposal['source'], decidedBy: CellProposal['decidedBy']): CellProposal => ({
  staffId: name,
  name,
  homeSiteId: 'na',
  homeSiteName: 'Nastätten',
  source,
  decidedBy,
  inform: [],
  why: '',
});

describe('board cell words', () => {
  it('every status has its own word and symbol', () => {
    expect(Object.values(STATUS_LABELS)).toEqual(['Besetzt', 'Gefährdet', 'Nicht besetzt', 'Geschlossen']);
    expect(new Set(Object.values(STATUS_ICONS)).size).toBe(4);
  });

  it('covered: who is at the desk', () => {
    expect(cellSummary(cell({ desk: [desk('Anna Braun')] }))).toBe('Anna Braun');
  });

  it('at risk: who is missing and the first §4.5 proposal with its decider', () => {
    const c = cell({
      status: 'at-risk',
      present: 0,
      gapKind: 'unplanned',
      desk: [desk('Anna Braun', true)],
      proposals: [proposal('David Krüger', 'lb-same-site', 'TL_LB')],
    });
    expect(cellSummary(c)).toBe('Anna Braun fehlt. Vorschlag: David Krüger (Leistungsbereich vor Ort), entscheidet TL Leistung');
  });

  it('uncovered: the Geschäftsführung decides (§4.5 "entscheidet die Geschäftsführung")', () => {
    expect(cellSummary(cell({ status: 'uncovered', present: 0, desk: [desk('Anna Braun', true)], escalateTo: 'GF' }))).toBe(
      'Anna Braun fehlt. Geschäftsführung entscheidet',
    );
    expect(cellSummary(cell({ status: 'uncovered', present: 0, planned: false, escalateTo: 'GF' }))).toBe(
      'noch nicht eingeteilt. Geschäftsführung entscheidet',
    );
  });

  it('closed: the reason without the repeated "keine Öffnungszeit"', () => {
    expect(cellSummary(cell({ status: 'closed', reason: 'Feiertag (1. Weihnachtstag) – keine Öffnungszeit.' }))).toBe('Feiertag (1. Weihnachtstag)');
  });

  it('the site FM is named with the site; the acting person with all roles', () => {
    expect(deciderText('FM', 'Diez')).toBe('Standortverantwortliche/r Fallmanager/in Diez');
    expect(deciderText('TL_EZ', 'Diez')).toBe('Teamleitung Eingangszone');
    expect(actorText({ name: 'Katrin Schmidt', roles: ['GF', 'ADMIN'] })).toBe('Katrin Schmidt (Geschäftsführung, Administration)');
    expect(actorText(null)).toBe('niemand gewählt');
  });
});
