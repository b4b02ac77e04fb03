import { useEffect, useRef, useState, type FormEvent, type RefObject } from 'react';
import type { DigitalCheck, VerbisCheck } from '@shared/model';
import { ChoiceGroup, type ChoiceGroupHandle } from './ChoiceGroup';
import { DIGITAL_CHOICES, VERBIS_CHOICES } from './choices';
import { previewRoute, UPLOAD_REMINDER } from './outcome';
import { StepActions } from './StepActions';
import type { FlowState } from './triage-flow';
import { submitOnEnter } from '../../lib/keyboard';
import { useShortcuts } from './use-shortcuts';

interface Props {
  flow: FlowState;
  saving: boolean;
  /** A German message from the repository when saving failed (nothing was written). */
  saveError: string | null;
  onVerbis: (value: VerbisCheck) => void;
  onDigital: (value: DigitalCheck) => void;
  onSave: () => void;
}

/**
 * Step 3: the two checks of every visit (SPEC §3) – the last VerBIS note (seed §2.3) and the
 * jobcenter.digital question at a first visit (seed §4.2) – then Enter saves.
 */
export function ChecksStep({ flow, saving, saveError, onVerbis, onDigital, onSave }: Props) {
  const verbis = useRef<ChoiceGroupHandle>(null);
  const digital = useRef<ChoiceGroupHandle>(null);
  const saveButton = useRef<HTMLButtonElement>(null);
  const [errors, setErrors] = useState<{ verbis?: string; digital?: string }>({});
  const { kind, verbisCheck, digitalCheck } = flow;
  // Where focus goes on arrival: the first open question (answers are kept when coming back).
  const onArrival = useRef({ verbisCheck, digitalCheck });
  useEffect(() => {
    const { verbisCheck: v, digitalCheck: d } = onArrival.current;
    focusNextOpen(verbis, digital, saveButton, v, d);
  }, []);

  /** After a shortcut answer: on to the next open question, or to the save button. */
  const moveOn = (v: VerbisCheck | null, d: DigitalCheck | null) => focusNextOpen(verbis, digital, saveButton, v, d);

  function answerVerbis(v: VerbisCheck) {
    onVerbis(v);
    setErrors((e) => ({ ...e, verbis: undefined }));
    moveOn(v, digitalCheck);
  }
  function answerDigital(d: DigitalCheck) {
    onDigital(d);
    setErrors((e) => ({ ...e, digital: undefined }));
    moveOn(verbisCheck, d);
  }
  // Letters, not digits: two questions on one step (keys shown in VERBIS_CHOICES / DIGITAL_CHOICES).
  useShortcuts({
    N: () => answerVerbis('no-need'),
    J: () => answerVerbis('vermittlung-needed'),
    K: () => answerDigital('not-first-visit'),
    F: () => answerDigital('code-handed-out'),
    H: () => answerDigital('digital-application'),
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    if (saving) return;
    const next = {
      verbis: verbisCheck ? undefined : 'Bitte den letzten VerBIS-Vermerk prüfen: Hat die Vermittlung Gesprächsbedarf?',
      digital: digitalCheck ? undefined : 'Bitte die Frage zur Erstvorsprache (jobcenter.digital) beantworten.',
    };
    setErrors(next);
    if (next.verbis) return verbis.current?.focus();
    if (next.digital) return digital.current?.focus();
    onSave();
  }

  const preview = kind ? previewRoute(kind, flow.acute, verbisCheck, flow.quickSubtype, digitalCheck) : [];

  return (
    <form onSubmit={submit} onKeyDown={submitOnEnter} noValidate aria-label="Prüfungen jeder Vorsprache">
      <ChoiceGroup
        ref={verbis}
        legend="Letzter VerBIS-Vermerk: Hat die Vermittlung Gesprächsbedarf?"
        name="verbis"
        choices={VERBIS_CHOICES}
        value={verbisCheck}
        onChange={(v) => {
          setErrors((e) => ({ ...e, verbis: undefined }));
          onVerbis(v);
        }}
        error={errors.verbis}
      />
      <ChoiceGroup
        ref={digital}
        legend="Erstvorsprache? jobcenter.digital-Freischaltcode"
        name="digital"
        choices={DIGITAL_CHOICES}
        value={digitalCheck}
        onChange={(d) => {
          setErrors((e) => ({ ...e, digital: undefined }));
          onDigital(d);
        }}
        error={errors.digital}
      />
      {flow.quickSubtype === 'documents' && <p className="notice upload-reminder">{UPLOAD_REMINDER}</p>}
      {preview.length > 0 && (
        <div className="route-preview">
          <h2>Beim Speichern</h2>
          <ul>
            {preview.map((line) => (
              <li key={line.text} className={line.tone === 'warning' ? 'warning-box' : undefined}>
                {line.text}
              </li>
            ))}
          </ul>
        </div>
      )}
      {saveError && (
        <p className="error" role="alert">
          {saveError}
        </p>
      )}
      <StepActions submitLabel={saving ? 'Wird gespeichert …' : 'Speichern'} canGoBack busy={saving} buttonRef={saveButton} />
    </form>
  );
}

function focusNextOpen(
  verbis: RefObject<ChoiceGroupHandle | null>,
  digital: RefObject<ChoiceGroupHandle | null>,
  save: RefObject<HTMLButtonElement | null>,
  verbisCheck: VerbisCheck | null,
  digitalCheck: DigitalCheck | null,
): void {
  if (!verbisCheck) verbis.current?.focus();
  else if (!digitalCheck) digital.current?.focus();
  else save.current?.focus();
}
