import { describe, expect, it } from 'vitest';
import { hlcSchema } from '@shared/sync/protocol';
import { HlcClock, formatHlc, hlcNode, parseHlc } from '@shared/sync/hlc';

const T = Date.parse('2026-12-03T08:00:00.000Z');

describe('SYNC.md §2: the hybrid logical clock orders writes as strings', () => {
  it('stamps in the wire format the server accepts, and parses back', () => {
    const clock = new HlcClock('3f0c2a1e-9b7d-4c55-8a1e-0f6b2d9c7e11');
    const stamp = clock.tick(T);
    expect(hlcSchema.safeParse(stamp).success).toBe(true);
    expect(stamp).toBe('2026-12-03T08:00:00.000Z-0000-3f0c2a1e-9b7d-4c55-8a1e-0f6b2d9c7e11');
    expect(parseHlc(stamp)).toEqual({ millis: T, counter: 0, node: '3f0c2a1e-9b7d-4c55-8a1e-0f6b2d9c7e11' });
  });

  it('never goes backwards: a wall clock set back or standing still counts on', () => {
    const clock = new HlcClock('pc-a');
    const stamps = [clock.tick(T), clock.tick(T), clock.tick(T - 60_000), clock.tick(T + 1)];
    expect([...stamps].sort()).toEqual(stamps);
    expect(new Set(stamps).size).toBe(4);
    expect(stamps[2]).toBe('2026-12-03T08:00:00.000Z-0002-pc-a');
  });

  it('after seeing a stamp from a PC whose clock is ahead, its own next stamp sorts after it', () => {
    const clock = new HlcClock('pc-slow');
    const ahead = formatHlc({ millis: T + 10 * 60_000, counter: 7, node: 'pc-fast' });
    clock.observe(ahead, T);
    const next = clock.tick(T);
    expect(next > ahead).toBe(true);
    expect(next).toBe(formatHlc({ millis: T + 10 * 60_000, counter: 8, node: 'pc-slow' }));
  });

  it('65,536 stamps within one millisecond move on to the next millisecond instead of wrapping', () => {
    const clock = new HlcClock('pc-a');
    let last = '';
    for (let i = 0; i <= 0x10000; i++) {
      const s = clock.tick(T);
      expect(s > last).toBe(true);
      last = s;
    }
    expect(parseHlc(last)).toEqual({ millis: T + 1, counter: 0, node: 'pc-a' });
  });

  it('makes a valid node name from any id, and refuses garbled stamps', () => {
    expect(hlcNode('PC Bad Ems #1')).toBe('PCBadEms1');
    expect(hlcNode('###')).toBe('pc');
    expect(parseHlc('gestern-0001-pc')).toBeNull();
  });
});
