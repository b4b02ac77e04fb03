import { describe, it, expect } from 'vitest';
import { planDeskCover } from '../../../../shared/domain/desk-cover';
import type { DeskCoverInput, DeskCoverPlan } from '../../../../shared/domain/desk-cover';

// Scenario builders: a site map (id → minStaff), people by role, the roster, and who is absent.
type Staff = DeskCoverInput['staff'][number];
const ez = (id: string, home: string): Staff => ({ id, homeSiteId: home, roles: ['EZ'] });
const lb = (id: string, home: string): Staff => ({ id, homeSiteId: home, roles: ['LB'] });
const person = (id: string, home: string, ...roles: string[]): Staff => ({ id, homeSiteId: home, roles });

function scenario(parts: {
  sites: Record<string, number>;
  staff: Staff[];
  rostered?: Record<string, string[]>;
  planned?: string[];
  unplanned?: string[];
}): DeskCoverInput {
  return {
    date: '2026-03-02',
    sites: Object.entries(parts.sites).map(([id, minStaff]) => ({ id, minStaff })),
    staff: parts.staff,
    rostered: parts.rostered ?? {},
    absences: [
      ...(parts.planned ?? []).map((staffId) => ({ staffId, kind: 'planned' as const })),
      ...(parts.unplanned ?? []).map((staffId) => ({ staffId, kind: 'unplanned' as const })),
    ],
  };
}

const COVERED = { status: 'covered', proposals: [], escalateTo: null } as const;

describe('planDeskCover — Besetzung der Anlaufstelle (§4.5)', () => {
  describe('Besetzung durch die Eingangszone', () => {
    it('§4.5 "Die Besetzung der Anlaufstelle wird durch die Mitarbeitenden der Eingangszone sichergestellt": a fully rostered desk is covered, no proposals', () => {
      const plan = planDeskCover(
        scenario({ sites: { 'bad-ems': 1 }, staff: [ez('ems-ez1', 'bad-ems'), ez('ems-ez2', 'bad-ems')], rostered: { 'bad-ems': ['ems-ez1'] } }),
      );
      expect(plan).toEqual({ 'bad-ems': COVERED });
    });

    it('§4.5 "auch bei Fehlzeiten": absences that leave the desk at its minimum need no cover', () => {
      const plan = planDeskCover(
        scenario({
          sites: { 'bad-ems': 1 },
          staff: [ez('ems-ez1', 'bad-ems'), ez('ems-ez2', 'bad-ems'), ez('ems-ez3', 'bad-ems')],
          rostered: { 'bad-ems': ['ems-ez1', 'ems-ez2'] },
          planned: ['ems-ez3'],
          unplanned: ['ems-ez2'],
        }),
      );
      expect(plan).toEqual({ 'bad-ems': COVERED });
    });

    it('§4.5 "so dass die Besetzung auch bei Fehlzeiten i.d.R. innerhalb des Standortes sichergestellt werden kann": planned absence → EZ clerk of the same site, decided by the site FM', () => {
      const plan = planDeskCover(
        scenario({
          sites: { 'bad-ems': 1, diez: 1 },
          staff: [ez('ems-ez1', 'bad-ems'), ez('ems-ez2', 'bad-ems'), lb('ems-lb1', 'bad-ems'), ez('diez-ez1', 'diez'), ez('diez-ez2', 'diez')],
          rostered: { 'bad-ems': ['ems-ez1'], diez: ['diez-ez1'] },
          planned: ['ems-ez1'],
        }),
      );
      expect(plan).toEqual({
        'bad-ems': {
          status: 'at-risk',
          proposals: [{ staffId: 'ems-ez2', source: 'ez-same-site', decidedBy: 'FM', inform: [] }],
          escalateTo: null,
        },
        diez: COVERED,
      });
    });

    it('§4.5 FM "Sicherstellung von Vertretungen bei geplanten oder ungeplanten Abwesenheiten in der Eingangszone": unplanned absence also takes the free EZ clerk of the same site before LB', () => {
      const plan = planDeskCover(
        scenario({
          sites: { 'bad-ems': 1 },
          staff: [ez('ems-ez1', 'bad-ems'), ez('ems-ez2', 'bad-ems'), lb('ems-lb1', 'bad-ems')],
          rostered: { 'bad-ems': ['ems-ez1'] },
          unplanned: ['ems-ez1'],
        }),
      );
      expect(plan).toEqual({
        'bad-ems': {
          status: 'at-risk',
          proposals: [{ staffId: 'ems-ez2', source: 'ez-same-site', decidedBy: 'FM', inform: [] }],
          escalateTo: null,
        },
      });
    });
  });

  describe('planned absences: EZ of another site before LB', () => {
    it('§4.5 "Bei planbaren Personalausfällen … durch die Mitarbeitenden der Eingangszonen, bei Bedarf auch standortübergreifend": EZ of another site before LB of the same site, decided by TL_EZ, FM informed', () => {
      const plan = planDeskCover(
        scenario({
          sites: { 'bad-ems': 1, diez: 1 },
          staff: [ez('ems-ez1', 'bad-ems'), lb('ems-lb1', 'bad-ems'), ez('diez-ez1', 'diez'), ez('diez-ez2', 'diez')],
          rostered: { 'bad-ems': ['ems-ez1'], diez: ['diez-ez1'] },
          planned: ['ems-ez1'],
        }),
      );
      expect(plan).toEqual({
        'bad-ems': {
          status: 'at-risk',
          proposals: [{ staffId: 'diez-ez2', source: 'ez-other-site', decidedBy: 'TL_EZ', inform: ['FM'] }],
          escalateTo: null,
        },
        diez: COVERED,
      });
    });

    it('§4.5 "Sollte eine Vertretung durch die Eingangszone nicht möglich sein … durch den Leistungsbereich" + "Teamleitung Leistung so früh wie möglich zu informieren": planned gap falls to LB, TL_LB coordinates and is informed', () => {
      const plan = planDeskCover(
        scenario({
          sites: { 'bad-ems': 1, diez: 1 },
          staff: [ez('ems-ez1', 'bad-ems'), lb('ems-lb1', 'bad-ems'), ez('diez-ez1', 'diez')],
          rostered: { 'bad-ems': ['ems-ez1'], diez: ['diez-ez1'] },
          planned: ['ems-ez1'],
        }),
      );
      expect(plan).toEqual({
        'bad-ems': {
          status: 'at-risk',
          proposals: [{ staffId: 'ems-lb1', source: 'lb-same-site', decidedBy: 'TL_LB', inform: ['TL_LB', 'FM', 'TL_EZ'] }],
          escalateTo: null,
        },
        diez: COVERED,
      });
    });

    it('§4.5 "bei planbaren Personalausfällen": a desk rostered below its minimum with nobody absent is a planned gap (EZ other site before LB)', () => {
      const plan = planDeskCover(
        scenario({
          sites: { 'bad-ems': 2, diez: 1 },
          staff: [ez('ems-ez1', 'bad-ems'), lb('ems-lb1', 'bad-ems'), ez('diez-ez1', 'diez'), ez('diez-ez2', 'diez')],
          rostered: { 'bad-ems': ['ems-ez1'], diez: ['diez-ez1'] },
        }),
      );
      expect(plan).toEqual({
        'bad-ems': {
          status: 'at-risk',
          proposals: [{ staffId: 'diez-ez2', source: 'ez-other-site', decidedBy: 'TL_EZ', inform: ['FM'] }],
          escalateTo: null,
        },
        diez: COVERED,
      });
    });
  });

  describe('unplanned absences: LB on site first', () => {
    it('§4.5 "bei ungeplanten Vertretungssituationen ist die Besetzung der Anlaufstelle zunächst durch den Leistungsbereich vor Ort sicherzustellen": LB same site before EZ of another site', () => {
      const plan = planDeskCover(
        scenario({
          sites: { 'bad-ems': 1, diez: 1 },
          staff: [ez('ems-ez1', 'bad-ems'), lb('ems-lb1', 'bad-ems'), ez('diez-ez1', 'diez'), ez('diez-ez2', 'diez')],
          rostered: { 'bad-ems': ['ems-ez1'], diez: ['diez-ez1'] },
          unplanned: ['ems-ez1'],
        }),
      );
      expect(plan).toEqual({
        'bad-ems': {
          status: 'at-risk',
          proposals: [{ staffId: 'ems-lb1', source: 'lb-same-site', decidedBy: 'TL_LB', inform: ['TL_LB', 'FM', 'TL_EZ'] }],
          escalateTo: null,
        },
        diez: COVERED,
      });
    });

    it('§4.5 "Die Teamleitung Eingangszone entscheidet auch … inwiefern eine standortübergreifende Vertretung möglich ist": unplanned gap with no LB on site → EZ of another site, TL_EZ decides', () => {
      const plan = planDeskCover(
        scenario({
          sites: { 'bad-ems': 1, diez: 1 },
          staff: [ez('ems-ez1', 'bad-ems'), ez('diez-ez1', 'diez'), ez('diez-ez2', 'diez')],
          rostered: { 'bad-ems': ['ems-ez1'], diez: ['diez-ez1'] },
          unplanned: ['ems-ez1'],
        }),
      );
      expect(plan).toEqual({
        'bad-ems': {
          status: 'at-risk',
          proposals: [{ staffId: 'diez-ez2', source: 'ez-other-site', decidedBy: 'TL_EZ', inform: ['FM'] }],
          escalateTo: null,
        },
        diez: COVERED,
      });
    });

    it('§4.5 "Dies gilt auch für kurzfristige Ausfälle": one unplanned absence among planned ones makes the gap unplanned (LB first)', () => {
      const plan = planDeskCover(
        scenario({
          sites: { 'bad-ems': 1, diez: 1 },
          staff: [ez('ems-ez1', 'bad-ems'), ez('ems-ez2', 'bad-ems'), lb('ems-lb1', 'bad-ems'), ez('diez-ez1', 'diez'), ez('diez-ez2', 'diez')],
          rostered: { 'bad-ems': ['ems-ez1', 'ems-ez2'], diez: ['diez-ez1'] },
          planned: ['ems-ez1'],
          unplanned: ['ems-ez2'],
        }),
      );
      expect(plan).toEqual({
        'bad-ems': {
          status: 'at-risk',
          proposals: [{ staffId: 'ems-lb1', source: 'lb-same-site', decidedBy: 'TL_LB', inform: ['TL_LB', 'FM', 'TL_EZ'] }],
          escalateTo: null,
        },
        diez: COVERED,
      });
    });

    it('§4.5 "kurzfristige Ausfälle": a person with a planned and an unplanned entry for the day counts as unplanned', () => {
      const input = scenario({
        sites: { 'bad-ems': 1, diez: 1 },
        staff: [ez('ems-ez1', 'bad-ems'), lb('ems-lb1', 'bad-ems'), ez('diez-ez1', 'diez'), ez('diez-ez2', 'diez')],
        rostered: { 'bad-ems': ['ems-ez1'], diez: ['diez-ez1'] },
        planned: ['ems-ez1'],
        unplanned: ['ems-ez1'],
      });
      expect(planDeskCover(input)['bad-ems']).toEqual({
        status: 'at-risk',
        proposals: [{ staffId: 'ems-lb1', source: 'lb-same-site', decidedBy: 'TL_LB', inform: ['TL_LB', 'FM', 'TL_EZ'] }],
        escalateTo: null,
      });
    });
  });

  describe('lending limits', () => {
    it('§4.5 "nur noch ein/e Mitarbeiter/in der Eingangszone anwesend" (inverse): a site with exactly two EZ present — both on its desk of minimum 1 — may lend one', () => {
      const plan = planDeskCover(
        scenario({
          sites: { 'bad-ems': 1, diez: 1 },
          staff: [ez('ems-ez1', 'bad-ems'), ez('diez-ez1', 'diez'), ez('diez-ez2', 'diez')],
          rostered: { 'bad-ems': ['ems-ez1'], diez: ['diez-ez1', 'diez-ez2'] },
          planned: ['ems-ez1'],
        }),
      );
      expect(plan).toEqual({
        'bad-ems': {
          status: 'at-risk',
          proposals: [{ staffId: 'diez-ez1', source: 'ez-other-site', decidedBy: 'TL_EZ', inform: ['FM'] }],
          escalateTo: null,
        },
        diez: COVERED,
      });
    });

    it('§4.5 "weil z.B. an den anderen Standorten nur noch ein/e Mitarbeiter/in der Eingangszone anwesend ist": a site with one EZ present (the other absent) does not lend; LB covers', () => {
      const plan = planDeskCover(
        scenario({
          sites: { 'bad-ems': 1, diez: 1 },
          staff: [ez('ems-ez1', 'bad-ems'), lb('ems-lb1', 'bad-ems'), ez('diez-ez1', 'diez'), ez('diez-ez2', 'diez')],
          rostered: { 'bad-ems': ['ems-ez1'], diez: ['diez-ez1'] },
          planned: ['ems-ez1', 'diez-ez2'],
        }),
      );
      expect(plan).toEqual({
        'bad-ems': {
          status: 'at-risk',
          proposals: [{ staffId: 'ems-lb1', source: 'lb-same-site', decidedBy: 'TL_LB', inform: ['TL_LB', 'FM', 'TL_EZ'] }],
          escalateTo: null,
        },
        diez: COVERED,
      });
    });

    it('§4.5 "dass die Anlaufstellen an allen Standorten zu den Öffnungszeiten besetzt sind": a lender whose desk would drop below its minimum (2 of 2) lends nobody', () => {
      const plan = planDeskCover(
        scenario({
          sites: { 'bad-ems': 1, diez: 2 },
          staff: [ez('ems-ez1', 'bad-ems'), ez('diez-ez1', 'diez'), ez('diez-ez2', 'diez')],
          rostered: { 'bad-ems': ['ems-ez1'], diez: ['diez-ez1', 'diez-ez2'] },
          planned: ['ems-ez1'],
        }),
      );
      expect(plan).toEqual({
        'bad-ems': { status: 'uncovered', proposals: [], escalateTo: 'GF' },
        diez: COVERED,
      });
    });

    it('§4.5 "an allen Standorten … besetzt": a lender at minimum 2 may still lend a present clerk who is not on its desk', () => {
      const plan = planDeskCover(
        scenario({
          sites: { 'bad-ems': 1, diez: 2 },
          staff: [ez('ems-ez1', 'bad-ems'), ez('diez-ez1', 'diez'), ez('diez-ez2', 'diez'), ez('diez-ez3', 'diez')],
          rostered: { 'bad-ems': ['ems-ez1'], diez: ['diez-ez1', 'diez-ez2'] },
          planned: ['ems-ez1'],
        }),
      );
      expect(plan).toEqual({
        'bad-ems': {
          status: 'at-risk',
          proposals: [{ staffId: 'diez-ez3', source: 'ez-other-site', decidedBy: 'TL_EZ', inform: ['FM'] }],
          escalateTo: null,
        },
        diez: COVERED,
      });
    });

    it('§4.5 "an allen Standorten … besetzt": a lender gives a clerk who is off its desk before one who is rostered there, even with a lower id', () => {
      const plan = planDeskCover(
        scenario({
          sites: { 'bad-ems': 1, diez: 1 },
          staff: [ez('ems-ez1', 'bad-ems'), ez('diez-ez1', 'diez'), ez('diez-ez2', 'diez'), ez('diez-ez3', 'diez')],
          rostered: { 'bad-ems': ['ems-ez1'], diez: ['diez-ez1', 'diez-ez2'] },
          planned: ['ems-ez1'],
        }),
      );
      expect(plan['bad-ems']!.proposals).toEqual([
        { staffId: 'diez-ez3', source: 'ez-other-site', decidedBy: 'TL_EZ', inform: ['FM'] },
      ]);
    });

    it('§4.5 "nur noch ein/e Mitarbeiter/in der Eingangszone anwesend": once a site is left with one EZ clerk it lends no more; the next gap (equal need, higher site id) escalates', () => {
      const plan = planDeskCover(
        scenario({
          sites: { 'bad-ems': 1, diez: 1, lahnstein: 1 },
          staff: [ez('ems-ez1', 'bad-ems'), ez('diez-ez1', 'diez'), ez('diez-ez2', 'diez'), ez('lahn-ez1', 'lahnstein')],
          rostered: { 'bad-ems': ['ems-ez1'], diez: ['diez-ez1'], lahnstein: ['lahn-ez1'] },
          planned: ['ems-ez1', 'lahn-ez1'],
        }),
      );
      expect(plan).toEqual({
        'bad-ems': {
          status: 'at-risk',
          proposals: [{ staffId: 'diez-ez2', source: 'ez-other-site', decidedBy: 'TL_EZ', inform: ['FM'] }],
          escalateTo: null,
        },
        diez: COVERED,
        lahnstein: { status: 'uncovered', proposals: [], escalateTo: 'GF' },
      });
    });

    it('§4.5 "Leistungsbereich vor Ort" / "am Standort": a desk clerk working at another site is not pulled back home, and LB of another site never covers', () => {
      const plan = planDeskCover(
        scenario({
          sites: { 'bad-ems': 1, diez: 1 },
          staff: [ez('ems-ez1', 'bad-ems'), ez('ems-ez2', 'bad-ems'), lb('diez-lb1', 'diez')],
          rostered: { 'bad-ems': ['ems-ez1'], diez: ['ems-ez2'] },
          unplanned: ['ems-ez1'],
        }),
      );
      expect(plan).toEqual({
        'bad-ems': { status: 'uncovered', proposals: [], escalateTo: 'GF' },
        diez: COVERED,
      });
    });
  });

  describe('several gaps competing for the same lender', () => {
    it('§4.5 "zunächst durch den Leistungsbereich vor Ort" + GF only "im Ausnahmefall": the only lendable clerk goes to the unplanned gap without LB; the planned gap falls back on its LB', () => {
      const plan = planDeskCover(
        scenario({
          sites: { 'bad-ems': 1, diez: 1, nastaetten: 1 },
          staff: [ez('ems-ez1', 'bad-ems'), lb('ems-lb1', 'bad-ems'), ez('diez-ez1', 'diez'), ez('diez-ez2', 'diez'), ez('nast-ez1', 'nastaetten')],
          rostered: { 'bad-ems': ['ems-ez1'], diez: ['diez-ez1'], nastaetten: ['nast-ez1'] },
          planned: ['ems-ez1'],
          unplanned: ['nast-ez1'],
        }),
      );
      expect(plan).toEqual({
        'bad-ems': {
          status: 'at-risk',
          proposals: [{ staffId: 'ems-lb1', source: 'lb-same-site', decidedBy: 'TL_LB', inform: ['TL_LB', 'FM', 'TL_EZ'] }],
          escalateTo: null,
        },
        diez: COVERED,
        nastaetten: {
          status: 'at-risk',
          proposals: [{ staffId: 'diez-ez2', source: 'ez-other-site', decidedBy: 'TL_EZ', inform: ['FM'] }],
          escalateTo: null,
        },
      });
    });

    it('§4.5 "Sollte im Ausnahmefall keine Besetzung der Anlaufstelle möglich sein": between two planned gaps the one with no LB fallback gets the clerk, even with the higher site id', () => {
      const plan = planDeskCover(
        scenario({
          sites: { 'bad-ems': 1, diez: 1, lahnstein: 1 },
          staff: [ez('ems-ez1', 'bad-ems'), lb('ems-lb1', 'bad-ems'), ez('diez-ez1', 'diez'), ez('diez-ez2', 'diez'), ez('lahn-ez1', 'lahnstein')],
          rostered: { 'bad-ems': ['ems-ez1'], diez: ['diez-ez1'], lahnstein: ['lahn-ez1'] },
          planned: ['ems-ez1', 'lahn-ez1'],
        }),
      );
      expect(plan).toEqual({
        'bad-ems': {
          status: 'at-risk',
          proposals: [{ staffId: 'ems-lb1', source: 'lb-same-site', decidedBy: 'TL_LB', inform: ['TL_LB', 'FM', 'TL_EZ'] }],
          escalateTo: null,
        },
        diez: COVERED,
        lahnstein: {
          status: 'at-risk',
          proposals: [{ staffId: 'diez-ez2', source: 'ez-other-site', decidedBy: 'TL_EZ', inform: ['FM'] }],
          escalateTo: null,
        },
      });
    });

    it('§4.5 "Dies gilt auch für kurzfristige Ausfälle": with equal need and no LB anywhere, the unplanned gap is served before the planned one', () => {
      const plan = planDeskCover(
        scenario({
          sites: { 'bad-ems': 1, diez: 1, nastaetten: 1 },
          staff: [ez('ems-ez1', 'bad-ems'), ez('diez-ez1', 'diez'), ez('diez-ez2', 'diez'), ez('nast-ez1', 'nastaetten')],
          rostered: { 'bad-ems': ['ems-ez1'], diez: ['diez-ez1'], nastaetten: ['nast-ez1'] },
          planned: ['ems-ez1'],
          unplanned: ['nast-ez1'],
        }),
      );
      expect(plan).toEqual({
        'bad-ems': { status: 'uncovered', proposals: [], escalateTo: 'GF' },
        diez: COVERED,
        nastaetten: {
          status: 'at-risk',
          proposals: [{ staffId: 'diez-ez2', source: 'ez-other-site', decidedBy: 'TL_EZ', inform: ['FM'] }],
          escalateTo: null,
        },
      });
    });

    it('§4.5 GF only "im Ausnahmefall": the smaller gap is filled completely first, the larger one gets the partial rest and escalates', () => {
      const plan = planDeskCover(
        scenario({
          sites: { 'bad-ems': 2, diez: 1, lahnstein: 1 },
          staff: [
            ez('ems-ez1', 'bad-ems'),
            ez('ems-ez2', 'bad-ems'),
            ez('diez-ez1', 'diez'),
            ez('diez-ez2', 'diez'),
            ez('diez-ez3', 'diez'),
            ez('lahn-ez1', 'lahnstein'),
          ],
          rostered: { 'bad-ems': ['ems-ez1', 'ems-ez2'], diez: ['diez-ez1'], lahnstein: ['lahn-ez1'] },
          planned: ['ems-ez1', 'ems-ez2', 'lahn-ez1'],
        }),
      );
      expect(plan).toEqual({
        'bad-ems': {
          status: 'uncovered',
          proposals: [{ staffId: 'diez-ez3', source: 'ez-other-site', decidedBy: 'TL_EZ', inform: ['FM'] }],
          escalateTo: 'GF',
        },
        diez: COVERED,
        lahnstein: {
          status: 'at-risk',
          proposals: [{ staffId: 'diez-ez2', source: 'ez-other-site', decidedBy: 'TL_EZ', inform: ['FM'] }],
          escalateTo: null,
        },
      });
    });

    it('§4.5 "nur noch ein/e … anwesend" kept far away: lend from the site with most spare clerks, then by site id; nobody is proposed twice', () => {
      const plan = planDeskCover(
        scenario({
          sites: { 'bad-ems': 1, diez: 1, lahnstein: 1, nastaetten: 1 },
          staff: [
            ez('ems-ez1', 'bad-ems'),
            ez('diez-ez1', 'diez'),
            ez('diez-ez2', 'diez'),
            ez('lahn-ez1', 'lahnstein'),
            ez('lahn-ez2', 'lahnstein'),
            ez('lahn-ez3', 'lahnstein'),
            ez('nast-ez1', 'nastaetten'),
          ],
          rostered: { 'bad-ems': ['ems-ez1'], diez: ['diez-ez1'], lahnstein: ['lahn-ez1'], nastaetten: ['nast-ez1'] },
          planned: ['ems-ez1', 'nast-ez1'],
        }),
      );
      expect(plan).toEqual({
        'bad-ems': {
          status: 'at-risk',
          proposals: [{ staffId: 'lahn-ez2', source: 'ez-other-site', decidedBy: 'TL_EZ', inform: ['FM'] }],
          escalateTo: null,
        },
        diez: COVERED,
        lahnstein: COVERED,
        nastaetten: {
          status: 'at-risk',
          proposals: [{ staffId: 'diez-ez2', source: 'ez-other-site', decidedBy: 'TL_EZ', inform: ['FM'] }],
          escalateTo: null,
        },
      });
    });

    it('§4.5 "bei Bedarf auch standortübergreifend": nobody is proposed twice — three gaps, one lender with two spare clerks, the third gap gets its LB', () => {
      const plan = planDeskCover(
        scenario({
          sites: { 'bad-ems': 1, diez: 1, lahnstein: 1, nastaetten: 1 },
          staff: [
            ez('ems-ez1', 'bad-ems'),
            lb('ems-lb1', 'bad-ems'),
            ez('diez-ez1', 'diez'),
            ez('diez-ez2', 'diez'),
            ez('diez-ez3', 'diez'),
            ez('lahn-ez1', 'lahnstein'),
            ez('nast-ez1', 'nastaetten'),
          ],
          rostered: { 'bad-ems': ['ems-ez1'], diez: ['diez-ez1'], lahnstein: ['lahn-ez1'], nastaetten: ['nast-ez1'] },
          planned: ['ems-ez1', 'lahn-ez1', 'nast-ez1'],
        }),
      );
      const proposed = Object.values(plan).flatMap((site) => site.proposals.map((p) => p.staffId));
      expect(proposed).toEqual(['ems-lb1', 'diez-ez2', 'diez-ez3']);
      expect(new Set(proposed).size).toBe(proposed.length);
    });
  });

  describe('who may be proposed', () => {
    it('§4.5 "bei geplanten oder ungeplanten Abwesenheiten": absent staff are never proposed, whether EZ or LB', () => {
      const plan = planDeskCover(
        scenario({
          sites: { 'bad-ems': 1 },
          staff: [ez('ems-ez1', 'bad-ems'), ez('ems-ez2', 'bad-ems'), lb('ems-lb1', 'bad-ems'), lb('ems-lb2', 'bad-ems')],
          rostered: { 'bad-ems': ['ems-ez1'] },
          planned: ['ems-ez2', 'ems-lb1'],
          unplanned: ['ems-ez1'],
        }),
      );
      expect(plan).toEqual({
        'bad-ems': {
          status: 'at-risk',
          proposals: [{ staffId: 'ems-lb2', source: 'lb-same-site', decidedBy: 'TL_LB', inform: ['TL_LB', 'FM', 'TL_EZ'] }],
          escalateTo: null,
        },
      });
    });

    it('§4.5 "durch die Mitarbeitenden der Eingangszone sichergestellt": a person with EZ and LB roles is an EZ clerk — proposed as EZ, counted as EZ for lending', () => {
      const plan = planDeskCover(
        scenario({
          sites: { 'bad-ems': 1, diez: 1, lahnstein: 1 },
          staff: [
            ez('ems-ez1', 'bad-ems'),
            person('ems-mix', 'bad-ems', 'LB', 'EZ'),
            ez('diez-ez1', 'diez'),
            person('diez-mix', 'diez', 'EZ', 'LB'),
            ez('lahn-ez1', 'lahnstein'),
          ],
          rostered: { 'bad-ems': ['ems-ez1'], diez: ['diez-ez1'], lahnstein: ['lahn-ez1'] },
          unplanned: ['ems-ez1', 'lahn-ez1'],
        }),
      );
      expect(plan).toEqual({
        'bad-ems': {
          status: 'at-risk',
          proposals: [{ staffId: 'ems-mix', source: 'ez-same-site', decidedBy: 'FM', inform: [] }],
          escalateTo: null,
        },
        diez: COVERED,
        lahnstein: {
          status: 'at-risk',
          proposals: [{ staffId: 'diez-mix', source: 'ez-other-site', decidedBy: 'TL_EZ', inform: ['FM'] }],
          escalateTo: null,
        },
      });
    });

    it('§4.5 names only "Eingangszone" and "Leistungsbereich": Vermittlung, Fallmanager and Teamleitung roles alone are never proposed', () => {
      const plan = planDeskCover(
        scenario({
          sites: { 'bad-ems': 1 },
          staff: [
            ez('ems-ez1', 'bad-ems'),
            person('ems-verm', 'bad-ems', 'VERMITTLUNG'),
            person('ems-fm', 'bad-ems', 'FM'),
            person('ems-tl', 'bad-ems', 'TL_EZ', 'TL_LB'),
          ],
          rostered: { 'bad-ems': ['ems-ez1'] },
          unplanned: ['ems-ez1'],
        }),
      );
      expect(plan).toEqual({ 'bad-ems': { status: 'uncovered', proposals: [], escalateTo: 'GF' } });
    });
  });

  describe('escalation and gaps of more than one', () => {
    it('§4.5 "Sollte im Ausnahmefall keine Besetzung der Anlaufstelle möglich sein, entscheidet die Geschäftsführung über das weitere Vorgehen": nobody available → uncovered, escalate to GF', () => {
      const plan = planDeskCover(
        scenario({
          sites: { 'bad-ems': 1, diez: 1 },
          staff: [ez('ems-ez1', 'bad-ems'), ez('diez-ez1', 'diez')],
          rostered: { 'bad-ems': ['ems-ez1'], diez: ['diez-ez1'] },
          planned: ['ems-ez1'],
        }),
      );
      expect(plan).toEqual({
        'bad-ems': { status: 'uncovered', proposals: [], escalateTo: 'GF' },
        diez: COVERED,
      });
    });

    it('§4.5 "bei Bedarf auch standortübergreifend": minStaff 2 with two planned absences → same-site EZ, then EZ of another site', () => {
      const plan = planDeskCover(
        scenario({
          sites: { 'bad-ems': 2, diez: 1 },
          staff: [
            ez('ems-ez1', 'bad-ems'),
            ez('ems-ez2', 'bad-ems'),
            ez('ems-ez3', 'bad-ems'),
            lb('ems-lb1', 'bad-ems'),
            ez('diez-ez1', 'diez'),
            ez('diez-ez2', 'diez'),
          ],
          rostered: { 'bad-ems': ['ems-ez1', 'ems-ez2'], diez: ['diez-ez1'] },
          planned: ['ems-ez1', 'ems-ez2'],
        }),
      );
      expect(plan).toEqual({
        'bad-ems': {
          status: 'at-risk',
          proposals: [
            { staffId: 'ems-ez3', source: 'ez-same-site', decidedBy: 'FM', inform: [] },
            { staffId: 'diez-ez2', source: 'ez-other-site', decidedBy: 'TL_EZ', inform: ['FM'] },
          ],
          escalateTo: null,
        },
        diez: COVERED,
      });
    });

    it('§4.5 "zunächst durch den Leistungsbereich vor Ort": minStaff 2 with two unplanned absences → LB on site, then EZ of another site for the rest', () => {
      const plan = planDeskCover(
        scenario({
          sites: { 'bad-ems': 2, diez: 1 },
          staff: [ez('ems-ez1', 'bad-ems'), ez('ems-ez2', 'bad-ems'), lb('ems-lb1', 'bad-ems'), ez('diez-ez1', 'diez'), ez('diez-ez2', 'diez')],
          rostered: { 'bad-ems': ['ems-ez1', 'ems-ez2'], diez: ['diez-ez1'] },
          unplanned: ['ems-ez1', 'ems-ez2'],
        }),
      );
      expect(plan).toEqual({
        'bad-ems': {
          status: 'at-risk',
          proposals: [
            { staffId: 'ems-lb1', source: 'lb-same-site', decidedBy: 'TL_LB', inform: ['TL_LB', 'FM', 'TL_EZ'] },
            { staffId: 'diez-ez2', source: 'ez-other-site', decidedBy: 'TL_EZ', inform: ['FM'] },
          ],
          escalateTo: null,
        },
        diez: COVERED,
      });
    });

    it('§4.5 "entscheidet die Geschäftsführung": a gap of two that can be filled only by one stays uncovered, escalates to GF, and lists the partial proposal', () => {
      const plan = planDeskCover(
        scenario({
          sites: { 'bad-ems': 2 },
          staff: [ez('ems-ez1', 'bad-ems'), ez('ems-ez2', 'bad-ems'), ez('ems-ez3', 'bad-ems')],
          rostered: { 'bad-ems': ['ems-ez1', 'ems-ez2'] },
          planned: ['ems-ez1'],
          unplanned: ['ems-ez2'],
        }),
      );
      expect(plan).toEqual({
        'bad-ems': {
          status: 'uncovered',
          proposals: [{ staffId: 'ems-ez3', source: 'ez-same-site', decidedBy: 'FM', inform: [] }],
          escalateTo: 'GF',
        },
      });
    });
  });

  describe('determinism', () => {
    const base = scenario({
      sites: { 'bad-ems': 2, diez: 1, lahnstein: 1, nastaetten: 1 },
      staff: [
        ez('ems-ez1', 'bad-ems'),
        ez('ems-ez2', 'bad-ems'),
        lb('ems-lb1', 'bad-ems'),
        ez('diez-ez1', 'diez'),
        ez('diez-ez2', 'diez'),
        ez('diez-ez3', 'diez'),
        lb('diez-lb1', 'diez'),
        ez('lahn-ez1', 'lahnstein'),
        ez('lahn-ez2', 'lahnstein'),
        ez('nast-ez1', 'nastaetten'),
        lb('nast-lb1', 'nastaetten'),
        lb('nast-lb2', 'nastaetten'),
      ],
      rostered: { 'bad-ems': ['ems-ez1', 'ems-ez2'], diez: ['diez-ez1', 'diez-ez2'], lahnstein: ['lahn-ez1'], nastaetten: ['nast-ez1'] },
      planned: ['ems-ez1', 'lahn-ez1'],
      unplanned: ['ems-ez2', 'nast-ez1'],
    });

    // A fixed permutation generator (no Math.random): the same shuffles on every run.
    function shuffled<T>(items: readonly T[], seed: number): T[] {
      const out = [...items];
      let state = seed;
      for (let i = out.length - 1; i > 0; i -= 1) {
        state = (state * 1103515245 + 12345) % 2147483648;
        const j = state % (i + 1);
        [out[i], out[j]] = [out[j]!, out[i]!];
      }
      return out;
    }

    it('§4.5 "Durch die Teamleitung wird sichergestellt, dass die Anlaufstellen an allen Standorten … besetzt sind": the plan for all four sites is the expected one', () => {
      expect(planDeskCover(base)).toEqual({
        'bad-ems': {
          status: 'at-risk',
          proposals: [
            { staffId: 'ems-lb1', source: 'lb-same-site', decidedBy: 'TL_LB', inform: ['TL_LB', 'FM', 'TL_EZ'] },
            { staffId: 'diez-ez3', source: 'ez-other-site', decidedBy: 'TL_EZ', inform: ['FM'] },
          ],
          escalateTo: null,
        },
        diez: COVERED,
        lahnstein: {
          status: 'at-risk',
          proposals: [{ staffId: 'lahn-ez2', source: 'ez-same-site', decidedBy: 'FM', inform: [] }],
          escalateTo: null,
        },
        nastaetten: {
          status: 'at-risk',
          proposals: [{ staffId: 'nast-lb1', source: 'lb-same-site', decidedBy: 'TL_LB', inform: ['TL_LB', 'FM', 'TL_EZ'] }],
          escalateTo: null,
        },
      });
    });

    it('§4.5 (same situation, same answer): the plan does not depend on the order of sites, staff, roster or absences in the input', () => {
      const expected = JSON.stringify(planDeskCover(base));
      for (let seed = 1; seed <= 20; seed += 1) {
        const input: DeskCoverInput = {
          date: base.date,
          sites: shuffled(base.sites, seed),
          staff: shuffled(base.staff, seed + 100),
          rostered: Object.fromEntries(
            shuffled(Object.entries(base.rostered), seed + 200).map(([site, ids]) => [site, shuffled(ids, seed + 300)]),
          ),
          absences: shuffled(base.absences, seed + 400),
        };
        // JSON also pins the order of keys and proposals.
        expect(JSON.stringify(planDeskCover(input))).toBe(expected);
      }
    });

    it('§4.5 proposals go to the deciding role to accept or change: every plan is a fresh object, editing one does not change the next', () => {
      const first: DeskCoverPlan = planDeskCover(base);
      first['bad-ems']!.proposals[0]!.inform.push('GF');
      expect(planDeskCover(base)['bad-ems']!.proposals[0]!.inform).toEqual(['TL_LB', 'FM', 'TL_EZ']);
    });
  });

  describe('notProposable (a rejected proposal, decision 10)', () => {
    // Diez has two EZ clerks rostered (minimum 1), Bad Ems' only EZ clerk is on vacation, no LB.
    const base = scenario({
      sites: { 'bad-ems': 1, diez: 1 },
      staff: [ez('ems-ez1', 'bad-ems'), ez('diez-ez1', 'diez'), ez('diez-ez2', 'diez')],
      rostered: { 'bad-ems': ['ems-ez1'], diez: ['diez-ez1', 'diez-ez2'] },
      planned: ['ems-ez1'],
    });

    it('§4.5 "Die Teamleitung Eingangszone entscheidet … inwiefern eine standortübergreifende Vertretung möglich ist": after TL EZ rejects one Diez clerk, the other is proposed – Diez still has two EZ clerks present, so no escalation to GF', () => {
      expect(planDeskCover(base)['bad-ems']!.proposals.map((p) => p.staffId)).toEqual(['diez-ez1']);
      const plan = planDeskCover({ ...base, notProposable: ['diez-ez1'] });
      expect(plan['bad-ems']).toMatchObject({ status: 'at-risk', escalateTo: null });
      expect(plan['bad-ems']!.proposals.map((p) => [p.staffId, p.source])).toEqual([['diez-ez2', 'ez-other-site']]);
      expect(plan.diez).toEqual(COVERED);
    });

    it('§4.5 "nur noch ein/e Mitarbeiter/in der Eingangszone anwesend": a rejected clerk still counts as present, but a desk with one clerk never lends', () => {
      const single = { ...base, staff: base.staff.filter((p) => p.id !== 'diez-ez2'), rostered: { 'bad-ems': ['ems-ez1'], diez: ['diez-ez1'] } };
      expect(planDeskCover({ ...single, notProposable: ['diez-ez1'] })['bad-ems']).toMatchObject({ status: 'uncovered', proposals: [], escalateTo: 'GF' });
    });

    it('a not-proposable free clerk or LB clerk is never chosen, same site or other', () => {
      const input = scenario({
        sites: { 'bad-ems': 1 },
        staff: [ez('ems-ez1', 'bad-ems'), ez('ems-ez2', 'bad-ems'), lb('ems-lb1', 'bad-ems')],
        rostered: { 'bad-ems': ['ems-ez1'] },
        unplanned: ['ems-ez1'],
      });
      expect(planDeskCover({ ...input, notProposable: ['ems-ez2'] })['bad-ems']!.proposals.map((p) => p.staffId)).toEqual(['ems-lb1']);
      expect(planDeskCover({ ...input, notProposable: ['ems-ez2', 'ems-lb1'] })['bad-ems']).toMatchObject({ status: 'uncovered', escalateTo: 'GF' });
    });
  });

  describe('input contract', () => {
    const valid = scenario({
      sites: { 'bad-ems': 1, diez: 1 },
      staff: [ez('ems-ez1', 'bad-ems'), ez('diez-ez1', 'diez')],
      rostered: { 'bad-ems': ['ems-ez1'], diez: ['diez-ez1'] },
    });

    it('accepts a valid input', () => {
      expect(() => planDeskCover(valid)).not.toThrow();
    });

    it.each([
      ['a date not in YYYY-MM-DD form', { ...valid, date: '2.3.2026' }, /date: date must be a calendar date in the form YYYY-MM-DD/],
      ['an impossible calendar date', { ...valid, date: '2026-02-30' }, /date: date must be a calendar date/],
      ['an unknown site in rostered', { ...valid, rostered: { ...valid.rostered, koblenz: [] } }, /rostered\.koblenz: unknown site "koblenz" in rostered/],
      ['an unknown staff id in rostered', { ...valid, rostered: { 'bad-ems': ['ghost'] } }, /unknown staff "ghost" in rostered/],
      ['duplicate site ids', { ...valid, sites: [...valid.sites, { id: 'diez', minStaff: 2 }] }, /sites\.2\.id: duplicate site id "diez"/],
      ['duplicate staff ids', { ...valid, staff: [...valid.staff, ez('ems-ez1', 'diez')] }, /staff\.2\.id: duplicate staff id "ems-ez1"/],
      ['a person rostered at two desks', { ...valid, rostered: { 'bad-ems': ['ems-ez1'], diez: ['diez-ez1', 'ems-ez1'] } }, /staff "ems-ez1" rostered twice/],
      ['an absence of an unknown person', { ...valid, absences: [{ staffId: 'ghost', kind: 'planned' as const }] }, /unknown staff "ghost" in absences/],
      ['a home site that does not exist', { ...valid, staff: [ez('ems-ez1', 'bad-ems'), ez('x', 'koblenz')] }, /staff\.1\.homeSiteId: unknown site "koblenz"/],
      ['an unknown role', { ...valid, staff: [person('ems-ez1', 'bad-ems', 'Ez'), ez('diez-ez1', 'diez')] }, /staff\.0\.roles\.0/],
      ['a negative minimum', { ...valid, sites: [{ id: 'bad-ems', minStaff: -1 }, { id: 'diez', minStaff: 1 }] }, /minStaff must be 0 or more/],
      ['an absence kind that is neither planned nor unplanned', { ...valid, absences: [{ staffId: 'ems-ez1', kind: 'sick' }] }, /absences\.0\.kind/],
      ['an unknown person in notProposable', { ...valid, notProposable: ['ghost'] }, /notProposable\.0: unknown staff "ghost" in notProposable/],
    ])('rejects %s with a clear message', (_label, input, message) => {
      expect(() => planDeskCover(input as DeskCoverInput)).toThrow(message);
      expect(() => planDeskCover(input as DeskCoverInput)).toThrow(/^planDeskCover: invalid input — /);
    });
  });
});
