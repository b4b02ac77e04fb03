import { useLiveQuery } from 'dexie-react-hooks';
import { deskSessionsOn, type DeskSession } from '@shared/domain/desk-sessions';
import type { Site } from '@shared/model';
import { getDb } from '../../db/db';
import { closuresBetween } from '../../db/repositories/closures';

const NONE: DeskSession[] = [];

/**
 * Today's sessions of this desk as they really take place: the weekday schedule minus DE-RP public
 * holidays and closure days (deskSessionsOn, the one source of truth – SPEC §2, issue #3 item 2).
 * Closures are read live from the database (one day, one index lookup).
 */
export function useTodaysSessions(site: Pick<Site, 'id' | 'sessions'> | null, today: string): DeskSession[] {
  const closures = useLiveQuery(() => closuresBetween(getDb(), today, today), [today]);
  if (!site) return NONE;
  // Until the closures have loaded, show the schedule minus holidays: a closure appears a moment later.
  return deskSessionsOn(site, today, closures ?? []);
}
