import { describe, expect, it } from 'vitest';
import type { Visit } from '@shared/model';
import { countVisits } from '../../../../renderer/src/features/today/today-figures';

function visit(extra: Partial<Visit>): Visit {
  const at = '2026-11-26T08:00:00.000Z';
  return {
    id: crypto.randomUUID(),
    createdAt: at,
    createdBy: 'ez',
    updatedAt: at,
    updatedBy: 'ez',
    deletedAt: null,
    siteId: 'site',
    arrivedAt: at,
    concernKind: 'quick',
    quickSubtype: 'documents',
    acute: false,
    outcome: 'closed-at-desk',
    verbisCheck: 'no-need',
    digitalCheck: 'not-first-visit',
    servedBy: 'ez',
    handoffIds: [],
    ticketId: null,
    lbCover: false,
    ...extra,
  };
}

describe('"Heute an meiner Anlaufstelle": visits counted by Anliegensart (seed §4.4)', () => {
  it('starts at zero for all four kinds', () => {
    const f = countVisits([]);
    expect(f.total).toBe(0);
    expect(f.byKind).toEqual({ quick: 0, application: 0, benefits: 0, other: 0 });
    expect(f.byOutcome).toEqual({ 'closed-at-desk': 0, 'handoff-lb': 0, 'handoff-vermittlung': 0, 'ticket-created': 0 });
  });

  it('counts each kind, acute destitution, outcomes and the two checks', () => {
    const f = countVisits([
      visit({}),
      visit({ verbisCheck: 'vermittlung-needed', outcome: 'handoff-vermittlung' }),
      visit({ concernKind: 'application', quickSubtype: null, acute: true, outcome: 'handoff-lb', digitalCheck: 'code-handed-out' }),
      visit({ concernKind: 'application', quickSubtype: null, outcome: 'handoff-lb' }),
      visit({ concernKind: 'benefits', quickSubtype: null, outcome: 'handoff-lb' }),
      visit({ concernKind: 'other', quickSubtype: null, outcome: 'ticket-created' }),
    ]);
    expect(f.total).toBe(6);
    expect(f.byKind).toEqual({ quick: 2, application: 2, benefits: 1, other: 1 });
    expect(f.acute).toBe(1);
    expect(f.byOutcome).toEqual({ 'closed-at-desk': 1, 'handoff-lb': 3, 'handoff-vermittlung': 1, 'ticket-created': 1 });
    expect(f.vermittlung).toBe(1);
    expect(f.digitalCodes).toBe(1);
  });

  it('SPEC §9: a deleted (tombstoned) visit is not counted', () => {
    expect(countVisits([visit({ deletedAt: '2026-11-26T09:00:00.000Z' })]).total).toBe(0);
  });
});
