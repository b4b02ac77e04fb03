import { describe, expect, it } from 'vitest';
import { CONCERN_ROUTES, routeVisit } from '../../../../shared/domain/routing';
import { CONCERN_KINDS, VERBIS_CHECKS } from '../../../../shared/model/vocabulary';

describe('seed §4.4 "Kundensteuerung nach Anliegensart": who owns each kind of concern', () => {
  it('has a route for each of the four kinds', () => {
    expect(Object.keys(CONCERN_ROUTES).sort()).toEqual([...CONCERN_KINDS].sort());
  });

  it('seed §4.4: Schnellanliegen are owned by the Eingangszone and recorded with a sub-type', () => {
    expect(CONCERN_ROUTES.quick).toMatchObject({ owner: 'EZ', records: 'quick-subtype' });
  });

  it('SPEC §4: a quick request needs no personal data – it is counted, not named', () => {
    expect(CONCERN_ROUTES.quick.personalData).toBe(false);
  });

  it('seed §4.4: Antragstellung and Allgemeine Leistungsanliegen are owned by the Leistungsbereich and handed off by name or number', () => {
    expect(CONCERN_ROUTES.application).toMatchObject({ owner: 'LB', records: 'handoff-label', personalData: true });
    expect(CONCERN_ROUTES.benefits).toMatchObject({ owner: 'LB', records: 'handoff-label', personalData: true });
  });

  it('seed §4.4: Sonstige Anliegen belong to all departments and go by ticket', () => {
    expect(CONCERN_ROUTES.other).toMatchObject({ owner: 'ALL', records: 'ticket', personalData: true });
  });
});

describe('SPEC §3 / seed §4.4: where a triaged visit goes', () => {
  it('SPEC §3: a Schnellanliegen is closed at the desk, with no hand-off and no ticket', () => {
    expect(routeVisit('quick', false, 'no-need')).toEqual({ outcome: 'closed-at-desk', handoffs: [], createsTicket: false });
  });

  it('SPEC §3: Antragstellung is handed to the Leistungsbereich the same day', () => {
    expect(routeVisit('application', false, 'no-need')).toEqual({
      outcome: 'handoff-lb',
      handoffs: [{ target: 'LB', acute: false }],
      createsTicket: false,
    });
  });

  it('SPEC §3: acute destitution is handed to the Leistungsbereich marked acute, so it goes to the front of the queue', () => {
    expect(routeVisit('application', true, 'no-need').handoffs).toEqual([{ target: 'LB', acute: true }]);
  });

  it('SPEC §3: Allgemeine Leistungsanliegen are handed to the Leistungsbereich the same day', () => {
    expect(routeVisit('benefits', false, 'no-need')).toEqual({
      outcome: 'handoff-lb',
      handoffs: [{ target: 'LB', acute: false }],
      createsTicket: false,
    });
  });

  it('SPEC §3: only Antragstellung / akute Mittellosigkeit can be acute – a benefits question never jumps the queue', () => {
    expect(routeVisit('benefits', true, 'no-need').handoffs).toEqual([{ target: 'LB', acute: false }]);
  });

  it('SPEC §3: Sonstige Anliegen create a callback ticket and no hand-off', () => {
    expect(routeVisit('other', false, 'no-need')).toEqual({ outcome: 'ticket-created', handoffs: [], createsTicket: true });
  });

  it('an acute flag on a kind that cannot be acute changes nothing for quick and other', () => {
    expect(routeVisit('quick', true, 'no-need')).toEqual(routeVisit('quick', false, 'no-need'));
    expect(routeVisit('other', true, 'no-need')).toEqual(routeVisit('other', false, 'no-need'));
  });
});

describe('SPEC §3 / seed §2.3 "Terminabsprache": an open need to talk in VerBIS sends the visitor to Vermittlung at once', () => {
  it('seed §2.3: a quick request is closed at the desk and the visitor then goes to Vermittlung', () => {
    expect(routeVisit('quick', false, 'vermittlung-needed')).toEqual({
      outcome: 'handoff-vermittlung',
      handoffs: [{ target: 'VERMITTLUNG', acute: false }],
      createsTicket: false,
    });
  });

  it('seed §2.3: Vermittlung comes first, and the application still goes to the Leistungsbereich', () => {
    expect(routeVisit('application', false, 'vermittlung-needed')).toEqual({
      outcome: 'handoff-lb',
      handoffs: [
        { target: 'VERMITTLUNG', acute: false },
        { target: 'LB', acute: false },
      ],
      createsTicket: false,
    });
  });

  it('the acute flag stays on the Leistungsbereich hand-off, not on the Vermittlung one', () => {
    expect(routeVisit('application', true, 'vermittlung-needed').handoffs).toEqual([
      { target: 'VERMITTLUNG', acute: false },
      { target: 'LB', acute: true },
    ]);
  });

  it('seed §2.3: a benefits question goes to Vermittlung and to the Leistungsbereich', () => {
    expect(routeVisit('benefits', false, 'vermittlung-needed').handoffs.map((h) => h.target)).toEqual(['VERMITTLUNG', 'LB']);
  });

  it('seed §4.4 / §2.3: Sonstige Anliegen still get their ticket, and the visitor goes to Vermittlung too', () => {
    expect(routeVisit('other', false, 'vermittlung-needed')).toEqual({
      outcome: 'ticket-created',
      handoffs: [{ target: 'VERMITTLUNG', acute: false }],
      createsTicket: true,
    });
  });

  it('without a need to talk, no kind is ever sent to Vermittlung', () => {
    for (const kind of CONCERN_KINDS) {
      for (const acute of [false, true]) {
        expect(routeVisit(kind, acute, 'no-need').handoffs.some((h) => h.target === 'VERMITTLUNG')).toBe(false);
      }
    }
  });

  it('every combination hands over at most once per target, and only LB hand-offs can be acute', () => {
    for (const kind of CONCERN_KINDS) {
      for (const acute of [false, true]) {
        for (const check of VERBIS_CHECKS) {
          const { handoffs } = routeVisit(kind, acute, check);
          const targets = handoffs.map((h) => h.target);
          expect(new Set(targets).size).toBe(targets.length);
          expect(handoffs.filter((h) => h.acute).every((h) => h.target === 'LB')).toBe(true);
        }
      }
    }
  });
});
