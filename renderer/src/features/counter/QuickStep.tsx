import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { QuickSubtype } from '@shared/model';
import { ChoiceGroup, type ChoiceGroupHandle } from './ChoiceGroup';
import { QUICK_CHOICES, shortcutsFor } from './choices';
import { UPLOAD_REMINDER } from './outcome';
import { StepActions } from './StepActions';
import { submitOnEnter } from '../../lib/keyboard';
import { useShortcuts } from './use-shortcuts';

interface Props {
  subtype: QuickSubtype | null;
  onChoose: (subtype: QuickSubtype, advance: boolean) => void;
}

/**
 * Step 2 of a Schnellanliegen: only the sub-type. SPEC §4: a quick request is counted, not
 * named – this step has no field for personal data on purpose.
 */
export function QuickStep({ subtype, onChoose }: Props) {
  const group = useRef<ChoiceGroupHandle>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => group.current?.focus(), []);
  useShortcuts(shortcutsFor(QUICK_CHOICES, (s) => onChoose(s, true)));

  function submit(e: FormEvent) {
    e.preventDefault();
    if (subtype) return onChoose(subtype, true);
    setError('Bitte die Art des Schnellanliegens wählen.');
    group.current?.focus();
  }

  return (
    <form onSubmit={submit} onKeyDown={submitOnEnter} noValidate aria-label="Schnellanliegen">
      <ChoiceGroup
        ref={group}
        legend="Schnellanliegen – was wird an der Anlaufstelle erledigt?"
        name="quick"
        choices={QUICK_CHOICES}
        value={subtype}
        onChange={(s) => {
          setError(null);
          onChoose(s, false);
        }}
        error={error}
      >
        {subtype === 'documents' && <p className="notice upload-reminder">{UPLOAD_REMINDER}</p>}
      </ChoiceGroup>
      <p className="hint">Schnellanliegen werden nur gezählt – keine persönlichen Daten erfassen.</p>
      <StepActions submitLabel="Weiter" canGoBack />
    </form>
  );
}
