import { describe, expect, it } from 'vitest';
import { formatMinutes, formatRemaining } from '../../../../renderer/src/lib/format';

const DUE = '2026-11-26T09:00:00.000Z';
const at = (minutesAfterDue: number) => new Date(Date.parse(DUE) + minutesAfterDue * 60_000);

describe('issue 10 item 8: the deadline formatter gives the time only, so no caller can say "überfällig" twice', () => {
  it('before the deadline: "noch …"', () => {
    expect(formatRemaining(DUE, at(-80))).toBe('noch 1 Std. 20 Min.');
    expect(formatRemaining(DUE, at(0))).toBe('noch 0 Min.');
  });

  it('past the deadline: "seit …", without a state word – the badge beside it says "Überfällig"', () => {
    expect(formatRemaining(DUE, at(73 * 60 + 9))).toBe('seit 73 Std. 09 Min.');
    expect(`Überfällig ${formatRemaining(DUE, at(35))}`).toBe('Überfällig seit 35 Min.');
  });

  it('never names a state, whatever the distance', () => {
    for (const m of [-600, -120, -1, 1, 59, 60, 4389]) expect(formatRemaining(DUE, at(m))).not.toMatch(/fällig|überschritten/i);
  });

  it('minutes as "12 Min." and "1 Std. 05 Min."', () => {
    expect(formatMinutes(12)).toBe('12 Min.');
    expect(formatMinutes(65)).toBe('1 Std. 05 Min.');
  });
});
