import type { DueState } from '@shared/domain/callback-deadline';
import type { TicketAssignee } from '@shared/model';
import { DEPARTMENT_LABELS } from '@shared/model';

/**
 * German texts for a ticket's deadline state. SPEC §5: overdue and soon-due tickets stand out –
 * always with a word, never by colour alone (WCAG 1.4.1).
 */
export const DUE_STATE_LABELS: Record<DueState, string> = {
  overdue: 'Überfällig',
  'due-soon': 'Bald fällig',
  'on-track': 'Frist läuft',
  met: 'Fristgerecht',
  missed: 'Frist überschritten',
};

export const DUE_STATE_BADGE_CLASS: Record<DueState, string> = {
  overdue: 'badge badge-overdue',
  'due-soon': 'badge badge-due-soon',
  'on-track': 'badge badge-neutral',
  met: 'badge badge-ok',
  missed: 'badge badge-overdue',
};

/** Row highlight for the states that need action now. */
export function dueRowClass(state: DueState): string {
  return state === 'overdue' ? 'row-overdue' : state === 'due-soon' ? 'row-due-soon' : '';
}

export type NameLookup = (id: string) => string;

/** "aus Vertretung Diez": a ticket of a covered site's list, worked by the staffed site (seed §4.5). */
export function routedLabel(siteName: string): string {
  return `aus Vertretung ${siteName}`;
}

/** "Team Fallmanagement · Diez" or the person's name. */
export function assigneeLabel(assignee: TicketAssignee | null, staffName: NameLookup, siteName: NameLookup): string {
  if (assignee === null) return 'Noch nicht verteilt';
  if (assignee.kind === 'team') return `Team ${DEPARTMENT_LABELS[assignee.department]} · ${siteName(assignee.siteId)}`;
  return staffName(assignee.staffId);
}
