import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ConcernKind } from '@shared/model';
import { ChoiceGroup, type ChoiceGroupHandle } from './ChoiceGroup';
import { KIND_CHOICES, shortcutsFor } from './choices';
import { StepActions } from './StepActions';
import { submitOnEnter } from '../../lib/keyboard';
import { useShortcuts } from './use-shortcuts';

interface Props {
  kind: ConcernKind | null;
  onChoose: (kind: ConcernKind, advance: boolean) => void;
}

/** Step 1: the Anliegensart (seed §4.4). A digit picks and moves on; arrows + Enter work too. */
export function KindStep({ kind, onChoose }: Props) {
  const group = useRef<ChoiceGroupHandle>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => group.current?.focus(), []);
  useShortcuts(shortcutsFor(KIND_CHOICES, (k) => onChoose(k, true)));

  function submit(e: FormEvent) {
    e.preventDefault();
    if (kind) return onChoose(kind, true);
    setError('Bitte die Anliegensart wählen.');
    group.current?.focus();
  }

  return (
    <form onSubmit={submit} onKeyDown={submitOnEnter} noValidate aria-label="Anliegensart">
      <ChoiceGroup
        ref={group}
        legend="Welches Anliegen hat die Person?"
        name="kind"
        choices={KIND_CHOICES}
        value={kind}
        onChange={(k) => {
          setError(null);
          onChoose(k, false);
        }}
        error={error}
      />
      <StepActions submitLabel="Weiter" />
    </form>
  );
}
