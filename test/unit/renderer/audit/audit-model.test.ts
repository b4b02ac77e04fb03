import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS as SERVICE_ACTIONS } from '../../../../server/src/audit';
import { actionLabel, AUDIT_ACTION_LABELS, AUDIT_ACTIONS, AUDIT_LIMIT, auditFileName, auditQuery, EMPTY_SEARCH, tableLabel } from '../../../../renderer/src/features/audit/audit-model';

const params = (search: Partial<typeof EMPTY_SEARCH>, format?: 'json' | 'csv') => {
  const q = auditQuery({ ...EMPTY_SEARCH, ...search }, format);
  if (!q.ok) throw new Error(q.error);
  return Object.fromEntries(new URLSearchParams(q.query));
};

describe('Zugriffsprotokoll: action labels', () => {
  it('name every action of the service in German, and only those', () => {
    expect(Object.keys(AUDIT_ACTION_LABELS).sort()).toEqual([...SERVICE_ACTIONS].sort());
    for (const action of SERVICE_ACTIONS) expect(AUDIT_ACTION_LABELS[action]).toMatch(/^[A-ZÄÖÜ].*[a-zäöüß]{3,}/);
  });
  it('say the everyday actions in plain words', () => {
    expect(AUDIT_ACTION_LABELS.view).toBe('Angesehen');
    expect(AUDIT_ACTION_LABELS['sign-in']).toBe('Anmeldung');
    expect(new Set(Object.values(AUDIT_ACTION_LABELS)).size).toBe(AUDIT_ACTIONS.length);
  });
  it('show an action the renderer does not know as the service names it', () => {
    expect(actionLabel('sign-out')).toBe('Abmeldung');
    expect(actionLabel('something-new')).toBe('something-new');
    expect(tableLabel('tickets')).toBe('Rückruf-Tickets');
    expect(tableLabel(null)).toBe('');
  });
});

describe('Zugriffsprotokoll: search → query of GET /v1/audit', () => {
  it('sends only what was filled in, trimmed, with the limit', () => {
    expect(params({ person: '  anna.wagner ', action: 'sign-in' })).toEqual({ person: 'anna.wagner', action: 'sign-in', limit: String(AUDIT_LIMIT) });
    expect(params({ record: 'T-1' }, 'csv')).toEqual({ record: 'T-1', limit: String(AUDIT_LIMIT), format: 'csv' });
  });
  it('reads the range as whole Berlin days, the last day included', () => {
    // 03.12.2026 00:00 Berlin is 02.12. 23:00 UTC; "bis 04.12." ends at 05.12. 00:00 Berlin.
    expect(params({ from: '2026-12-03', to: '2026-12-04' })).toMatchObject({ from: '2026-12-02T23:00:00.000Z', to: '2026-12-04T23:00:00.000Z' });
    // Summer time: 01.07.2026 00:00 Berlin is 30.06. 22:00 UTC.
    expect(params({ from: '01.07.2026' })).toMatchObject({ from: '2026-06-30T22:00:00.000Z' });
  });
  it('refuses an unreadable date and a range that ends before it starts, in German', () => {
    expect(auditQuery({ ...EMPTY_SEARCH, from: '31.02.2026' })).toEqual({ ok: false, error: 'Von: kein gültiges Datum – bitte als TT.MM.JJJJ eingeben.' });
    expect(auditQuery({ ...EMPTY_SEARCH, from: '2026-12-04', to: '2026-12-03' })).toEqual({ ok: false, error: 'Der Zeitraum endet vor seinem Anfang.' });
    expect(auditQuery({ ...EMPTY_SEARCH, person: 'x'.repeat(121) }).ok).toBe(false);
  });
  it('names the export after the day', () => {
    expect(auditFileName('2026-12-04')).toBe('zugriffsprotokoll-2026-12-04.csv');
  });
});
