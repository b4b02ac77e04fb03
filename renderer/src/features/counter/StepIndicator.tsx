import type { FlowStep } from './triage-flow';

const STEPS: { step: FlowStep; label: string }[] = [
  { step: 'kind', label: 'Anliegensart' },
  { step: 'details', label: 'Angaben' },
  { step: 'checks', label: 'VerBIS & Erstvorsprache' },
  { step: 'done', label: 'Erledigt' },
];

/** Where the clerk is in the visit; the current step is marked in words for screen readers too. */
export function StepIndicator({ step, kindLabel }: { step: FlowStep; kindLabel: string | null }) {
  const current = STEPS.findIndex((s) => s.step === step);
  return (
    <div className="step-indicator">
      <ol aria-label="Schritte der Vorsprache">
        {STEPS.map((s, i) => (
          <li key={s.step} aria-current={i === current ? 'step' : undefined} className={i < current ? 'step-past' : undefined}>
            <span className="step-no">{i + 1}.</span> {s.label}
            {s.step === 'kind' && kindLabel && i < current ? `: ${kindLabel}` : ''}
          </li>
        ))}
      </ol>
    </div>
  );
}
