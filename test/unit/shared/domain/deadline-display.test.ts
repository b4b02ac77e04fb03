import { describe, expect, it } from 'vitest';
import { callbackDueAt } from '@shared/domain/callback-deadline';
import { endOfDayDeadline } from '@shared/domain/deadline-display';
import { formatDeadline as receiptDeadline } from '@shared/bridge/receipt-html';
import { formatDeadline, formatDeadlineTime } from '../../../../renderer/src/lib/format';
import { formatShortDeadline } from '../../../../renderer/src/features/tickets/format-short';

/**
 * Issue 10 item 7: a ticket created on Saturday is due Tuesday 00:00 (SPEC §5: the clock starts
 * Monday 00:00 and runs 24 working hours). "Rückruf bis Di., 08.12.2026, 00:00" is read as Tuesday
 * by a customer; the deadline is the end of Monday and is written so: "Mo., 07.12.2026, 24:00".
 */
describe('issue 10 item 7: a deadline at 00:00 reads as the end of the day before (SPEC §5)', () => {
  const saturday = new Date('2026-12-05T10:00:00+01:00');
  const due = callbackDueAt(saturday, 'working-days');

  it('the Saturday ticket is due Tuesday 00:00 Berlin – the instant the rule gives', () => {
    expect(due.toISOString()).toBe('2026-12-07T23:00:00.000Z');
  });

  it('the counter, the ticket list and the detail say Monday, 24:00', () => {
    expect(formatDeadline(due)).toBe('Mo., 07.12.2026, 24:00');
    expect(formatDeadline(due.toISOString())).toBe('Mo., 07.12.2026, 24:00');
    expect(formatShortDeadline(due.toISOString())).toBe('Mo., 07.12., 24:00');
    expect(formatDeadlineTime(due)).toBe('24:00');
  });

  it('the printed receipt says Montag, 24:00 Uhr', () => {
    expect(receiptDeadline(due.toISOString())).toBe('Montag, 07.12.2026, 24:00 Uhr');
  });

  it('any other time of day reads as it is, 00:01 included; across the DST change too', () => {
    expect(formatDeadline('2026-11-27T08:00:00.000Z')).toBe('Fr., 27.11.2026, 09:00');
    expect(formatDeadline('2026-12-07T23:01:00.000Z')).toBe('Di., 08.12.2026, 00:01');
    expect(receiptDeadline('2026-12-07T23:01:00.000Z')).toBe('Dienstag, 08.12.2026, 00:01 Uhr');
    expect(endOfDayDeadline(new Date('2026-12-07T23:01:00.000Z'))).toBeNull();
    // 00:00 in summer time (UTC+2) and on the night of the spring change.
    expect(formatDeadline('2026-06-08T22:00:00.000Z')).toBe('Mo., 08.06.2026, 24:00');
    expect(formatDeadline('2026-03-29T22:00:00.000Z')).toBe('So., 29.03.2026, 24:00');
  });
});
