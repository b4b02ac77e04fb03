import { describe, expect, it } from 'vitest';
import { createCounterDraftStore, DRAFT_STORAGE_KEY, restoreDraft } from '../../../../renderer/src/features/counter/draft-store';
import type { FlowAction } from '../../../../renderer/src/features/counter/triage-flow';
import { initialFlow } from '../../../../renderer/src/features/counter/triage-flow';
import type { TriageResult } from '../../../../renderer/src/db/repositories/visits';

/**
 * Project rule "nothing is ever lost": the counter's unsaved visit outlives the screen (the clerk
 * looks at the queue and comes back) and a reload of the window, and is kept in sessionStorage only
 * until it is saved or discarded (SPEC §9: a visitor's personal data is minimal).
 */

/** A sessionStorage stand-in; one instance is "the window", a new store on it is "after a reload". */
class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

const HALF_TYPED = { department: '', concern: 'Rückfrage zum Bescheid', customerName: 'Erika Mustermann', phone: '', preferredTimes: '', customerNumber: '' };
const TICKET = { ...HALF_TYPED, department: 'LB', phone: '02603 123456', preferredTimes: 'vormittags' } as const;
const SAVED = { visit: {}, handoffs: [], ticket: null } as unknown as TriageResult;

function storeWith(storage: Storage, ...actions: FlowAction[]) {
  const store = createCounterDraftStore(() => storage);
  for (const action of actions) store.getState().dispatch(action);
  return store;
}

const toChecks: FlowAction[] = [
  { type: 'chooseKind', kind: 'other', advance: true },
  { type: 'ticketDone', ticket: TICKET },
  { type: 'setVerbis', value: 'vermittlung-needed' },
];

describe('the counter draft: nothing typed at the counter is lost when the clerk looks elsewhere', () => {
  it('a half-typed callback ticket is restored with its step after a reload of the window', () => {
    const storage = new MemoryStorage();
    storeWith(storage, { type: 'chooseKind', kind: 'other', advance: true }, { type: 'editTicket', values: HALF_TYPED });

    const reloaded = createCounterDraftStore(() => storage).getState().flow;
    expect(reloaded).toMatchObject({ step: 'details', kind: 'other', ticketForm: HALF_TYPED, ticket: null });
  });

  it('the checks step, its answers and the confirmed ticket are restored as they were', () => {
    const storage = new MemoryStorage();
    const before = storeWith(storage, ...toChecks).getState().flow;
    const reloaded = createCounterDraftStore(() => storage).getState().flow;
    expect(reloaded).toEqual(before);
    expect(reloaded).toMatchObject({ step: 'checks', ticket: TICKET, verbisCheck: 'vermittlung-needed', digitalCheck: null });
  });

  it('editing a confirmed ticket makes it unconfirmed; an unchanged form keeps it', () => {
    const store = storeWith(new MemoryStorage(), ...toChecks, { type: 'back' });
    store.getState().dispatch({ type: 'editTicket', values: { ...TICKET } });
    expect(store.getState().flow.ticket).toEqual(TICKET);
    store.getState().dispatch({ type: 'editTicket', values: { ...TICKET, phone: '02603 99' } });
    expect(store.getState().flow).toMatchObject({ ticket: null, ticketForm: { phone: '02603 99' } });
  });

  it('saving clears the stored draft at once; the confirmation stays in memory only, the next visit starts empty', () => {
    const storage = new MemoryStorage();
    const store = storeWith(storage, ...toChecks, { type: 'setDigital', value: 'not-first-visit' });
    expect(storage.getItem(DRAFT_STORAGE_KEY)).toContain('Erika Mustermann');

    store.getState().dispatch({ type: 'saved', result: SAVED });
    expect(storage.getItem(DRAFT_STORAGE_KEY)).toBeNull();
    expect(store.getState().flow).toMatchObject({ step: 'done', result: SAVED });
    expect(createCounterDraftStore(() => storage).getState().flow).toEqual(initialFlow());

    // Leaving the confirmation (Alt+2) and coming back starts the next visit, empty.
    store.getState().leave();
    expect(store.getState().flow).toEqual(initialFlow(2));
    expect(storage.getItem(DRAFT_STORAGE_KEY)).toBeNull();
  });

  it('leaving mid-visit changes nothing: the draft is there on return', () => {
    const store = storeWith(new MemoryStorage(), ...toChecks);
    const before = store.getState().flow;
    store.getState().leave();
    expect(store.getState().flow).toBe(before);
  });

  it('discarding (after the clerk confirmed) clears the draft in memory and in storage', () => {
    const storage = new MemoryStorage();
    const store = storeWith(storage, { type: 'chooseKind', kind: 'other', advance: true }, { type: 'editTicket', values: HALF_TYPED });
    store.getState().discard();
    expect(store.getState().flow).toEqual(initialFlow(2));
    expect(storage.getItem(DRAFT_STORAGE_KEY)).toBeNull();
    expect(createCounterDraftStore(() => storage).getState().flow).toEqual(initialFlow());
  });

  it('an untouched visit writes nothing to storage (no empty draft to restore)', () => {
    const storage = new MemoryStorage();
    storeWith(storage, { type: 'setLabel', label: 'ignored at step 1' });
    expect(storage.length).toBe(0);
  });

  it('works without storage: the draft lives in memory', () => {
    const store = createCounterDraftStore(() => undefined);
    store.getState().dispatch({ type: 'chooseKind', kind: 'benefits', advance: true });
    expect(store.getState().flow.step).toBe('details');
  });
});

describe('a stored draft is distrusted (older app version, hand-edited session)', () => {
  const valid = { draft: { ...initialFlow(), step: 'details', kind: 'benefits', label: 'Frau K.', result: undefined } };

  it('a well-formed draft is restored', () => {
    expect(restoreDraft(valid)).toMatchObject({ step: 'details', kind: 'benefits', label: 'Frau K.', result: null });
  });

  it.each([
    ['garbage', 'not json at all'],
    ['no draft', { draft: null }],
    ['an unknown kind', { draft: { ...valid.draft, kind: 'lottery' } }],
    ['a step beyond what was chosen', { draft: { ...valid.draft, kind: null } }],
    ['the checks of a ticket never confirmed', { draft: { ...valid.draft, kind: 'other', step: 'checks', ticket: null } }],
    ['an invalid confirmed ticket', { draft: { ...valid.draft, kind: 'other', step: 'checks', ticket: { ...TICKET, phone: 'abc' } } }],
  ])('%s is dropped: the counter starts empty', (_case, persisted) => {
    expect(restoreDraft(persisted)).toBeNull();
  });

  it('a corrupt stored value starts an empty visit instead of failing', () => {
    const storage = new MemoryStorage();
    storage.setItem(DRAFT_STORAGE_KEY, '{"state":{"draft":{"step":"checks"}},"version":1}');
    expect(createCounterDraftStore(() => storage).getState().flow).toEqual(initialFlow());
    storage.setItem(DRAFT_STORAGE_KEY, '{not json');
    expect(createCounterDraftStore(() => storage).getState().flow).toEqual(initialFlow());
  });
});
