import { useEffect } from 'react';
import { addDays } from '@shared/domain/calendar';
import { writeContext } from '../../app/write-context';
import { getDb } from '../../db/db';
import { draftWeek } from '../../db/repositories/roster';
import { announce } from '../../state/announcer';
import { notifyAll } from './write-helpers';
import { writeErrorMessage } from '../../lib/use-write-action';

/** Weeks already drafted in this window: draftWeek is idempotent, this only saves the transaction. */
const drafted = new Set<string>();

/**
 * Drafts a week's roster from the EZ clerks' weekday patterns when the week is opened (issue #3
 * item 3). Only sessions never planned are filled (roster.ts draftWeek), so opening a week again
 * changes nothing; weeks that are over are left as they were.
 */
export function useWeekDraft(weekStart: string, today: string): void {
  useEffect(() => {
    if (addDays(weekStart, 6) < today || drafted.has(weekStart)) return;
    drafted.add(weekStart);
    draftWeek(getDb(), weekStart, writeContext()).then(
      ({ created, notifications }) => {
        // Seed §4.5 "so früh wie möglich": gaps the draft shows (a clerk known to be absent) are told now.
        void notifyAll(notifications);
        if (created.length > 0) announce(`Besetzungsplan aus den Arbeitstagen erstellt: ${created.length} Einträge.`, 'info');
      },
      (error: unknown) => {
        drafted.delete(weekStart);
        announce(writeErrorMessage(error), 'warning');
      },
    );
  }, [weekStart, today]);
}

/** After a change to schedules or closures: the next opening of a week drafts its new sessions. */
export function draftAgainLater(): void {
  drafted.clear();
}
