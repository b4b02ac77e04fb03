import { describe, it, expect } from 'vitest';
import { getHolidays } from 'feiertagejs';
import { publicHolidaysRP } from '../../../../shared/domain/calendar';

// SPEC §2: holidays come from a maintained library (date-holidays). A second, independent
// library (feiertagejs, dev-only) must agree on the DE-RP statutory holidays of every year the
// app is likely to see, so a data error in either one shows up here and not in a deadline.

const years = Array.from({ length: 2040 - 2024 + 1 }, (_, i) => 2024 + i);

describe('SPEC §2: DE-RP public holidays agree between date-holidays and feiertagejs', () => {
  it.each(years)('%i', (year) => {
    const ours = publicHolidaysRP(year).map((h) => h.date);
    // feiertagejs' dateString is the calendar date it computed ('YYYY-MM-DD'); sort both sides.
    const theirs = getHolidays(year, 'RP')
      .map((h) => h.dateString)
      .sort();
    expect(ours).toEqual(theirs);
    // Every year has the same eleven statutory holidays in RP (some may fall on a weekend).
    expect(ours).toHaveLength(11);
  });
});
