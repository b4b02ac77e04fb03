import type { DueState } from '@shared/domain/callback-deadline';
import { DUE_STATE_BADGE_CLASS, DUE_STATE_LABELS } from './ticket-labels';

/** The deadline state as a badge: colour and a German word (WCAG 1.4.1). */
export function DueBadge({ state }: { state: DueState }) {
  return <span className={DUE_STATE_BADGE_CLASS[state]}>{DUE_STATE_LABELS[state]}</span>;
}
