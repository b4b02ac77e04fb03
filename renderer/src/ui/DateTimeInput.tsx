import { useState, type InputHTMLAttributes } from 'react';
import {
  DATE_FORMAT_HINT,
  DATE_PARSE_ERROR,
  formatGermanDate,
  parseGermanDate,
  parseTime,
  TIME_FORMAT_HINT,
  TIME_PARSE_ERROR,
  valueFromText,
} from '../lib/date-input';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'value' | 'onChange' | 'id'> & {
  id: string;
  /** ISO value: JJJJ-MM-TT for a date, HH:MM for a time; '' when empty. */
  value: string;
  /** Called with the ISO value, '' when empty, or the text as typed when it cannot be read. */
  onValueChange: (value: string) => void;
};

interface Kind {
  parse: (text: string) => string | null;
  show: (value: string) => string;
  hint: string;
  error: string;
  size: number;
}
const DATE: Kind = { parse: parseGermanDate, show: formatGermanDate, hint: DATE_FORMAT_HINT, error: DATE_PARSE_ERROR, size: 10 };
const TIME: Kind = { parse: parseTime, show: (v) => v, hint: TIME_FORMAT_HINT, error: TIME_PARSE_ERROR, size: 5 };

/**
 * The one date field of the app (issue 10 item 7): German TT.MM.JJJJ whatever the browser's
 * language, typed by keyboard. The format stands next to the field; text that cannot be read says
 * so in German once the field is left, and reaches the form as it is, so the form refuses it.
 */
export function DateInput(props: Props) {
  return <FormattedInput kind={DATE} {...props} />;
}

/** The one time field of the app: 24-hour HH:MM (issue 10 item 7). */
export function TimeInput(props: Props) {
  return <FormattedInput kind={TIME} {...props} />;
}

function FormattedInput({ kind, id, value, onValueChange, onBlur, ...rest }: Props & { kind: Kind }) {
  const [text, setText] = useState(() => kind.show(value));
  const [unreadable, setUnreadable] = useState(false);
  // A value set from outside (a reset, a default) replaces the text; the field's own echo does not.
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    setShown(value);
    if (valueFromText(text, kind.parse) !== value) {
      setText(kind.show(value));
      setUnreadable(false);
    }
  }
  const hintId = `${id}-format`;
  const describedBy = [rest['aria-describedby'], hintId].filter(Boolean).join(' ');
  return (
    <>
      <input
        {...rest}
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        size={kind.size + 2}
        value={text}
        aria-describedby={describedBy}
        aria-invalid={rest['aria-invalid'] ?? (unreadable ? true : undefined)}
        onChange={(e) => {
          const next = e.target.value;
          setText(next);
          if (unreadable && kind.parse(next) !== null) setUnreadable(false);
          const v = valueFromText(next, kind.parse);
          setShown(v);
          onValueChange(v);
        }}
        onBlur={(e) => {
          const parsed = kind.parse(text);
          if (parsed !== null) setText(kind.show(parsed));
          setUnreadable(text.trim() !== '' && parsed === null);
          onBlur?.(e);
        }}
      />
      {/* Polite live region: leaving the field with an unreadable date is said, not only shown (WCAG 4.1.3). */}
      <span id={hintId} aria-live="polite" className={unreadable ? 'field-format field-format-error' : 'field-format hint'}>
        {unreadable ? kind.error : `Format ${kind.hint}`}
      </span>
    </>
  );
}
