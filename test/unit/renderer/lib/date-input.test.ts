import { describe, expect, it } from 'vitest';
import { formatGermanDate, parseGermanDate, parseTime, valueFromText } from '../../../../renderer/src/lib/date-input';

// Issue 10 item 7: dates and times are entered and shown German (TT.MM.JJJJ, HH:MM), whatever the browser's language.
describe('German date entry (issue 10 item 7)', () => {
  it.each([
    ['03.12.2026', '2026-12-03'],
    ['3.12.2026', '2026-12-03'],
    [' 3.2.2027 ', '2027-02-03'],
    ['03.12.26', '2026-12-03'],
    ['29.02.2028', '2028-02-29'],
    ['2026-12-03', '2026-12-03'], // ISO, e.g. pasted from another program
  ])('reads %j as %s', (text, iso) => {
    expect(parseGermanDate(text)).toBe(iso);
  });

  it.each(['', '12/03/2026', '31.02.2026', '29.02.2027', '00.01.2026', '01.13.2026', '3.12.', 'morgen', '03.12.2026 10:00', '2026-13-07'])(
    'refuses %j',
    (text) => {
      expect(parseGermanDate(text)).toBeNull();
    },
  );

  it('shows an ISO date German and leaves anything else as it is', () => {
    expect(formatGermanDate('2026-12-03')).toBe('03.12.2026');
    expect(formatGermanDate('')).toBe('');
    expect(formatGermanDate('3.13.2026')).toBe('3.13.2026');
  });
});

describe('German time entry, 24-hour clock (issue 10 item 7)', () => {
  it.each([
    ['14:30', '14:30'],
    ['9:05', '09:05'],
    ['14.30', '14:30'],
    ['1430', '14:30'],
    ['00:00', '00:00'],
    ['23:59', '23:59'],
  ])('reads %j as %s', (text, hhmm) => {
    expect(parseTime(text)).toBe(hhmm);
  });

  it.each(['', '02:30 PM', '24:00', '12:60', '7', 'halb drei'])('refuses %j', (text) => {
    expect(parseTime(text)).toBeNull();
  });
});

describe('what a typed text hands to the form', () => {
  it('the ISO value when readable, nothing when empty, the text itself when not (so the form refuses it)', () => {
    expect(valueFromText('03.12.2026', parseGermanDate)).toBe('2026-12-03');
    expect(valueFromText('  ', parseGermanDate)).toBe('');
    expect(valueFromText('31.02.2026', parseGermanDate)).toBe('31.02.2026');
  });
});
