import { personAtSite } from '@shared/model';
import type { AssignCandidate } from '../../db/repositories/roster';
import { ROLE_SHORT } from './board-labels';

/**
 * One option of the roster's person picker (issue #3 item 3): name, home site, roles and why the
 * person may be a poor choice – "Ben Schwarz (Bad Ems) – EZ · arbeitet an diesem Tag nicht".
 */
export function candidateText(c: AssignCandidate, siteName: (id: string) => string): string {
  const notes = [
    c.absent ? 'abwesend' : '',
    c.worksThatDay ? '' : 'arbeitet an diesem Tag nicht',
    c.onDutyAt ? `bereits in ${c.onDutyAt} eingeteilt` : '',
  ].filter(Boolean);
  return `${personAtSite(c.staff, siteName(c.staff.homeSiteId))} – ${c.staff.roles.map((r) => ROLE_SHORT[r]).join('/')}${notes.length > 0 ? ` · ${notes.join(' · ')}` : ''}`;
}
