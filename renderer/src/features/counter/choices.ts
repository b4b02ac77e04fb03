import type { ConcernKind, DigitalCheck, QuickSubtype, VerbisCheck } from '@shared/model';
import { CONCERN_LABELS, DIGITAL_CHECK_LABELS, QUICK_SUBTYPE_LABELS, QUICK_SUBTYPES } from '@shared/model';
import type { Choice } from './ChoiceGroup';

/** Step 1: one key per Anliegensart, in the order of seed §4.4. */
export const KIND_CHOICES: Choice<ConcernKind>[] = [
  { value: 'quick', label: CONCERN_LABELS.quick, shortcut: '1' },
  { value: 'application', label: CONCERN_LABELS.application, shortcut: '2' },
  { value: 'benefits', label: CONCERN_LABELS.benefits, shortcut: '3' },
  { value: 'other', label: CONCERN_LABELS.other, shortcut: '4' },
];

/** Seed §4.4 "Schnellanliegen" examples, keys 1–6. */
export const QUICK_CHOICES: Choice<QuickSubtype>[] = QUICK_SUBTYPES.map((value, i) => ({ value, label: QUICK_SUBTYPE_LABELS[value], shortcut: String(i + 1) }));

/** Seed §2.3 "Terminabsprache": the last VerBIS note. J/N so the digits stay free for lists. */
export const VERBIS_CHOICES: Choice<VerbisCheck>[] = [
  { value: 'no-need', label: 'Nein – kein Gesprächsbedarf der Vermittlung', shortcut: 'N' },
  { value: 'vermittlung-needed', label: 'Ja – Vermittlung hat Gesprächsbedarf (z. B. Anrufversuche, Einladungen)', shortcut: 'J' },
];

/** Seed §4.2 jobcenter.digital at a first visit. K(eine) / F(reischaltcode) / H(auptantrag). */
export const DIGITAL_CHOICES: Choice<DigitalCheck>[] = [
  { value: 'not-first-visit', label: DIGITAL_CHECK_LABELS['not-first-visit'], shortcut: 'K' },
  { value: 'code-handed-out', label: DIGITAL_CHECK_LABELS['code-handed-out'], shortcut: 'F' },
  { value: 'digital-application', label: DIGITAL_CHECK_LABELS['digital-application'], shortcut: 'H' },
];

/** The shortcut map of a choice list: key → pick that value. */
export function shortcutsFor<T extends string>(choices: readonly Choice<T>[], pick: (value: T) => void): Record<string, () => void> {
  return Object.fromEntries(choices.map((c) => [c.shortcut, () => pick(c.value)]));
}
