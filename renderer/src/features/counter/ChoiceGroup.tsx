import { useId, useImperativeHandle, useRef, type ReactNode, type Ref } from 'react';

export interface Choice<T extends string> {
  value: T;
  label: string;
  /** The single key that picks this choice (shown as <kbd>, announced as aria-keyshortcuts). */
  shortcut: string;
}

export interface ChoiceGroupHandle {
  /** Focus the chosen radio, or the first one: where arrow keys and Space continue. */
  focus(): void;
}

interface Props<T extends string> {
  legend: string;
  name: string;
  choices: readonly Choice<T>[];
  value: T | null;
  onChange: (value: T) => void;
  error?: string | null;
  children?: ReactNode;
  ref?: Ref<ChoiceGroupHandle>;
}

/**
 * A real radio group inside fieldset/legend (screen readers, arrow keys) that also shows the
 * single-key shortcut of each choice. The shortcut itself is bound by the step (useShortcuts).
 */
export function ChoiceGroup<T extends string>({ legend, name, choices, value, onChange, error, children, ref }: Props<T>) {
  const id = useId();
  const box = useRef<HTMLFieldSetElement>(null);
  useImperativeHandle(ref, () => ({
    focus() {
      const radios = box.current?.querySelectorAll<HTMLInputElement>('input[type="radio"]');
      const target = Array.from(radios ?? []).find((r) => r.checked) ?? radios?.[0];
      target?.focus();
    },
  }));
  const errorId = `${id}-error`;
  return (
    <fieldset ref={box} className="choice-group" aria-describedby={error ? errorId : undefined}>
      <legend>{legend}</legend>
      <div className="choices">
        {choices.map((c) => {
          const inputId = `${id}-${c.value}`;
          return (
            <div key={c.value} className="choice">
              <input
                type="radio"
                id={inputId}
                name={`${name}-${id}`}
                value={c.value}
                checked={value === c.value}
                onChange={() => onChange(c.value)}
                aria-keyshortcuts={c.shortcut}
              />
              <label htmlFor={inputId}>
                <kbd aria-hidden="true">{c.shortcut}</kbd> {c.label}
              </label>
            </div>
          );
        })}
      </div>
      {children}
      {error && (
        <p id={errorId} className="error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}

