import { beforeEach, describe, expect, it } from 'vitest';
import { createCounterDraftStore } from '../../../../renderer/src/features/counter/draft-store';
import { announce, COUNTER_VISIT_SCOPE, useAnnouncer } from '../../../../renderer/src/state/announcer';

/** Issue 10 item 8: toasts about the last visitor are gone while the next one is typed. */

const texts = () => useAnnouncer.getState().items.map((i) => i.text);

beforeEach(() => {
  useAnnouncer.setState({ items: [] });
});

describe('issue 10 item 8: a toast about one visitor ends when the next visit starts', () => {
  it('N / F2 after saving (a new visit number) dismisses the last visitor’s toasts, and only those', () => {
    const store = createCounterDraftStore(() => undefined);
    store.getState().dispatch({ type: 'chooseKind', kind: 'application', advance: true });
    announce('An den Leistungsbereich weitergeleitet – Nr. 001.', 'success', { scope: COUNTER_VISIT_SCOPE });
    announce('Ein Ticket ist bald fällig.', 'warning');

    store.getState().dispatch({ type: 'next' });

    expect(texts()).toEqual(['Ein Ticket ist bald fällig.']);
  });

  it('discarding the visit starts the next one: its toasts go', () => {
    const store = createCounterDraftStore(() => undefined);
    store.getState().dispatch({ type: 'chooseKind', kind: 'benefits', advance: true });
    announce('Angefangene Vorsprache wiederhergestellt: Allgemeine Leistungsanliegen.', 'info', { scope: COUNTER_VISIT_SCOPE });

    store.getState().discard();

    expect(texts()).toEqual([]);
  });

  it('the first choice of a visit dismisses toasts still shown from before (e.g. after coming back to the counter)', () => {
    const store = createCounterDraftStore(() => undefined);
    announce('An die Vermittlung weitergeleitet – Nr. 004.', 'success', { scope: COUNTER_VISIT_SCOPE });

    store.getState().dispatch({ type: 'chooseKind', kind: 'quick', advance: true });

    expect(texts()).toEqual([]);
  });

  it('typing within the same visit keeps its toasts', () => {
    const store = createCounterDraftStore(() => undefined);
    store.getState().dispatch({ type: 'chooseKind', kind: 'application', advance: true });
    announce('Angefangene Vorsprache wiederhergestellt: Antragstellung.', 'info', { scope: COUNTER_VISIT_SCOPE });

    store.getState().dispatch({ type: 'setLabel', label: 'Frau Kaya' });
    store.getState().dispatch({ type: 'toggleAcute' });

    expect(texts()).toEqual(['Angefangene Vorsprache wiederhergestellt: Antragstellung.']);
  });
});
