import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { announce, asSentences, dismissScope, useAnnouncer } from '../../../../renderer/src/state/announcer';

beforeEach(() => {
  vi.useFakeTimers();
  useAnnouncer.setState({ items: [] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('issue 10 item 8: toasts as a class – sentences, scopes, lifetime, one action', () => {
  it('several lines become sentences that never run together', () => {
    expect(asSentences(['steht vorn in der Warteschlange', 'An die Vermittlung weitergeleitet – Nr. 001', 'Schon fertig.', ' ', 'Wirklich?'])).toBe(
      'steht vorn in der Warteschlange. An die Vermittlung weitergeleitet – Nr. 001. Schon fertig. Wirklich?',
    );
  });

  it('dismissScope removes the toasts of that scope only', () => {
    announce('a', 'info', { scope: 'x' });
    announce('b', 'info', { scope: 'y' });
    announce('c');
    dismissScope('x');
    expect(useAnnouncer.getState().items.map((i) => i.text)).toEqual(['b', 'c']);
  });

  it('a toast stays 8 s by default, or as long as asked (the 10 s of an undo)', () => {
    announce('kurz');
    announce('Nr. 002 abgeschlossen.', 'success', { durationMs: 10_000, action: { label: 'Rückgängig (Strg+Z)', run: () => {} } });
    vi.advanceTimersByTime(8_000);
    expect(useAnnouncer.getState().items.map((i) => [i.text, i.action?.label])).toEqual([['Nr. 002 abgeschlossen.', 'Rückgängig (Strg+Z)']]);
    vi.advanceTimersByTime(2_000);
    expect(useAnnouncer.getState().items).toEqual([]);
  });
});
