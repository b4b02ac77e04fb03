import { useEffect, useMemo, useRef } from 'react';
import { can, type Action, type Actor, type Place } from '@shared/auth/permissions';
import { RESTRICTED } from '@shared/auth/scope';
import { getDb } from '../db/db';
import { deskPerson, useDeskStaff } from '../state/session';
import { useAuth } from './auth';
import type { AuditOutboxRow } from './local-tables';
import { recordAudits } from './audit-outbox';

/**
 * The UI's use of the one permission function (issue 7 item 5): what the signed-in person may see
 * and do here is decided by `can` in shared/, as at the service. The local demo without a service
 * (phase 'standalone') holds only demo data and restricts nothing.
 */

/** The text shown where a name or number is not for this person (the same as the service's projection). */
export const NOT_FOR_YOU = RESTRICTED;

interface Who {
  phase: ReturnType<typeof useAuth.getState>['phase'];
  device: ReturnType<typeof useAuth.getState>['device'];
  user: ReturnType<typeof useAuth.getState>['user'];
  homeSiteId: string | null;
}

function decide(who: Who, action: Action): boolean {
  const { phase, device, user } = who;
  if (phase === 'standalone') return true;
  if (!device || !user) return false;
  const actor: Actor = { staffId: user.staffId ?? `user:${user.username}`, roles: user.roles, homeSiteId: user.homeSiteId ?? who.homeSiteId, active: true };
  const place: Place = { siteId: device.siteId, profile: device.profile };
  return can(actor, place, action).ok;
}

/** Outside React (event handlers, models). Always true in the local demo. */
export function mayNow(action: Action): boolean {
  const { phase, device, user } = useAuth.getState();
  return decide({ phase, device, user, homeSiteId: deskPerson()?.homeSiteId ?? null }, action);
}

/** A predicate that re-renders with the signed-in person (roles as the sign-in gave them). */
export function useMay(): (action: Action) => boolean {
  const homeSiteId = useDeskStaff()?.homeSiteId ?? null;
  const phase = useAuth((s) => s.phase);
  const user = useAuth((s) => s.user);
  const device = useAuth((s) => s.device);
  return useMemo(() => (action: Action) => decide({ phase, device, user, homeSiteId }, action), [phase, device, user, homeSiteId]);
}

type PersonalTable = 'tickets' | 'handoffs' | 'newCustomers';

/** Does this person see the customer's name and numbers on this record (SPEC §8)? */
export function useMayViewPersonal(): (table: PersonalTable, record: Record<string, unknown>) => boolean {
  const may = useMay();
  return useMemo(() => (table, record) => record.restricted !== true && may({ kind: 'view-personal', table, record }), [may]);
}

/**
 * Issue 7 item 7: records each shown record's personal fields once per screen visit in the access
 * log (field names, never values). Nothing in the local demo.
 */
export function useAuditViews(table: NonNullable<AuditOutboxRow['table']>, ids: readonly string[], fields: readonly string[]): void {
  const seen = useRef(new Set<string>());
  const key = ids.join('|');
  useEffect(() => {
    const { phase, user } = useAuth.getState();
    if (phase !== 'signed-in' || !user) return;
    const fresh = ids.filter((id) => !seen.current.has(id));
    if (fresh.length === 0) return;
    for (const id of fresh) seen.current.add(id);
    void recordAudits(
      getDb(),
      fresh.map((id) => ({ action: 'view' as const, table, recordId: id, fields: [...fields], staffId: user.staffId, username: user.username, offline: user.offline })),
    );
    // `key` stands for `ids`; fields are constant per call site.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, table]);
}
