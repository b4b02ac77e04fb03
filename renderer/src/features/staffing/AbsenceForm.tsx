import { useMay } from '../../auth/use-permission';
import { useId, useState, type FormEvent } from 'react';
import type { AbsenceKind, AbsenceReason, HalfDay } from '@shared/model';
import { ABSENCE_REASONS, ABSENCE_REASON_LABELS, HALF_DAYS, HALF_DAY_LABELS, absenceInputSchema, absenceInputSchemaOn, STAFFING_TEXT_LIMITS } from '@shared/model';
import { PersonOptions } from '../../ui/PersonOptions';
import { writeContext } from '../../app/write-context';
import { getDb } from '../../db/db';
import { registerAbsence } from '../../db/repositories/absences';
import { announce } from '../../state/announcer';
import { useSites, useStaff } from '../../state/session';
import { explainAbsenceKind } from './absence-kind-text';
import { longAbsenceWarning } from './absence-length';
import { absenceText } from './absence-text';
import { fieldA11y, firstFieldError, type FieldError } from './form-errors';
import { notifyAll, recipientsText } from './write-helpers';
import { writeErrorMessage } from '../../lib/use-write-action';
import { DateInput } from '../../ui/DateTimeInput';
import { INITIAL_FOCUS } from '../../lib/keyboard';
import { TextLimit } from '../../ui/TextLimit';

type KindChoice = 'auto' | AbsenceKind;
interface Draft {
  staffId: string;
  from: string;
  to: string;
  halfDay: HalfDay;
  reason: AbsenceReason | '';
  kind: KindChoice;
  note: string;
  /** Issue 10 item 4: the clerk checked a long span and saves it as it is. */
  longConfirmed: boolean;
}

const KIND_CHOICES: { value: KindChoice; label: string }[] = [
  { value: 'auto', label: 'Automatisch nach der Regel bestimmen' },
  { value: 'planned', label: 'Geplant – von Hand festlegen' },
  { value: 'unplanned', label: 'Ungeplant – von Hand festlegen' },
];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Registers an absence (issue #3 item 4). Before saving, the form says how it will be classified
 * (reason first, then registration date – shared/domain/absence-kind.ts)
 * and why ("Wird als ungeplant erfasst, weil …"); the clerk may mark the kind by hand. After saving,
 * the gaps it opens are reported to the deciders (absences.ts) and shown as OS notifications here.
 */
export function AbsenceForm({ today, now }: { today: string; now: Date }) {
  const id = useId();
  const f = (name: string) => `${id}-${name}`;
  const sites = useSites();
  const allStaff = useStaff();
  // Issue 7 item 5: a clerk registers her own absence; the leads and ADMIN anyone's (permissions.ts).
  const may = useMay();
  const staff = allStaff.filter((p) => may({ kind: 'write', table: 'absences', before: null, after: { staffId: p.id } }));
  const empty: Draft = { staffId: '', from: today, to: today, halfDay: 'none', reason: '', kind: 'auto', note: '', longConfirmed: false };
  const [draft, setDraft] = useState<Draft>(empty);
  const [error, setError] = useState<FieldError | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // A changed span needs its own check: the confirmation belongs to the dates it was given for.
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft((d) => ({ ...d, [key]: value, ...(key === 'from' || key === 'to' ? { longConfirmed: false } : {}) }));

  const datesOk = ISO_DATE.test(draft.from) && ISO_DATE.test(draft.to) && draft.from <= draft.to;
  const longWarning = datesOk ? longAbsenceWarning(draft.from, draft.to) : null;
  const preview = datesOk
    ? explainAbsenceKind({
        from: draft.from,
        to: draft.to,
        registeredAt: now,
        reason: draft.reason || null,
        marked: draft.kind === 'auto' ? null : draft.kind,
      })
    : null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const input = {
      staffId: draft.staffId,
      from: draft.from,
      to: draft.to,
      halfDay: draft.halfDay,
      reason: draft.reason || undefined,
      kind: draft.kind === 'auto' ? undefined : draft.kind,
      note: draft.note,
    };
    const invalid = firstFieldError(absenceInputSchemaOn(today), input);
    if (invalid) return fail(invalid);
    if (longWarning && !draft.longConfirmed) {
      return fail({ field: 'longConfirmed', message: 'Die Abwesenheit dauert länger als 6 Wochen. Bitte den Zeitraum prüfen und bestätigen – gespeichert wurde nichts.' });
    }
    setBusy(true);
    try {
      const result = await registerAbsence(getDb(), absenceInputSchema.parse(input), writeContext());
      void notifyAll(result.notifications);
      const a = result.absence;
      const name = allStaff.find((p) => p.id === a.staffId)?.name ?? 'Unbekannt';
      const kind = explainAbsenceKind({
        from: a.from,
        to: a.to,
        registeredAt: new Date(a.registeredAt),
        reason: a.reason,
        marked: a.kindOverridden ? a.kind : null,
      });
      const told =
        result.messages.length > 0
          ? ` Benachrichtigt: ${recipientsText(result.messages)}. Die Benachrichtigung erscheint jetzt auf diesem PC; die PCs der Empfänger erhalten sie, sobald die Synchronisation eingerichtet ist.`
          : ' Keine Änderung an der Besetzung – niemand musste benachrichtigt werden.';
      const text = `Abwesenheit erfasst: ${absenceText(a, name)}. ${kind.text}${told}`;
      setOutcome(text);
      // Issue 10 item 8: the outcome stays under the form; a toast would show it a second time.
      announce(`Abwesenheit erfasst: ${absenceText(a, name)}.`, 'success', { onScreen: true });
      setError(null);
      setDraft({ ...empty, from: draft.from, to: draft.to });
      document.getElementById(f('staffId'))?.focus();
    } catch (err) {
      fail({ field: null, message: writeErrorMessage(err) });
    } finally {
      setBusy(false);
    }
  }

  function fail(err: FieldError) {
    setError(err);
    const target = err.field === 'halfDay' || err.field === 'kind' ? `${f(err.field)}-${draft[err.field]}` : err.field ? f(err.field) : f('error');
    document.getElementById(target)?.focus();
  }

  const a11y = (field: string, hint?: string) => fieldA11y(error, field, f('error'), hint);
  // A group is described by its error; aria-invalid belongs on the controls, not on the fieldset.
  const groupA11y = (field: string, hint: string) => ({ 'aria-describedby': a11y(field, hint)['aria-describedby'] });
  return (
    <form className="staffing-form" onSubmit={submit} noValidate aria-labelledby={f('h')}>
      <h2 id={f('h')}>Abwesenheit eintragen</h2>
      <div className="field">
        <label htmlFor={f('staffId')}>Person</label>
        <select id={f('staffId')} {...INITIAL_FOCUS} value={draft.staffId} onChange={(e) => set('staffId', e.target.value)} {...a11y('staffId')}>
          <option value="">– bitte wählen –</option>
          <PersonOptions people={staff.filter((p) => p.active)} sites={sites} />
        </select>
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor={f('from')}>Erster Tag</label>
          <DateInput id={f('from')} value={draft.from} onValueChange={(v) => set('from', v)} {...a11y('from')} />
        </div>
        <div className="field">
          <label htmlFor={f('to')}>Letzter Tag</label>
          <DateInput id={f('to')} value={draft.to} onValueChange={(v) => set('to', v)} {...a11y('to')} />
        </div>
      </div>
      {longWarning && (
        <div className="warning-box long-absence">
          <p id={f('long-warning')} className="long-absence-text">
            {longWarning}
          </p>
          <label className="choice">
            <input
              id={f('longConfirmed')}
              type="checkbox"
              checked={draft.longConfirmed}
              onChange={(e) => set('longConfirmed', e.target.checked)}
              {...a11y('longConfirmed', f('long-warning'))}
            />{' '}
            Zeitraum geprüft – die lange Abwesenheit so speichern
          </label>
        </div>
      )}
      <fieldset {...groupA11y('halfDay', f('half-hint'))}>
        <legend>Umfang</legend>
        {HALF_DAYS.map((h) => (
          <label key={h} className="choice">
            <input id={`${f('halfDay')}-${h}`} type="radio" name={f('halfDay')} checked={draft.halfDay === h} onChange={() => set('halfDay', h)} />{' '}
            {HALF_DAY_LABELS[h]}
          </label>
        ))}
        <p id={f('half-hint')} className="hint">
          Halbe Tage nur bei einer eintägigen Abwesenheit; vormittags fällt die Öffnungszeit 08:00–12:00 aus, nachmittags nicht.
        </p>
      </fieldset>
      <div className="field">
        <label htmlFor={f('reason')}>Grund</label>
        <select id={f('reason')} value={draft.reason} onChange={(e) => set('reason', e.target.value as AbsenceReason | '')} {...a11y('reason')}>
          <option value="">– bitte wählen –</option>
          {ABSENCE_REASONS.map((r) => (
            <option key={r} value={r}>
              {ABSENCE_REASON_LABELS[r]}
            </option>
          ))}
        </select>
      </div>
      <fieldset {...groupA11y('kind', f('kind-preview'))}>
        <legend>Art der Abwesenheit</legend>
        {KIND_CHOICES.map((k) => (
          <label key={k.value} className="choice">
            <input id={`${f('kind')}-${k.value}`} type="radio" name={f('kind')} checked={draft.kind === k.value} onChange={() => set('kind', k.value)} />{' '}
            {k.label}
          </label>
        ))}
        <p id={f('kind-preview')} className="kind-preview" aria-live="polite">
          {preview ? preview.text : 'Bitte gültige Tage angeben, dann steht hier, ob die Abwesenheit als geplant oder ungeplant gilt.'}
        </p>
        <p className="hint">
          Regel: Krankheit und kurzfristiger Ausfall gelten als ungeplant. Urlaub, Fortbildung und Sonstiges gelten als geplant – außer
          an Tagen, die erst an diesem Tag selbst oder am Arbeitstag davor gemeldet werden: jeder Tag zählt nach seiner eigenen
          Vorlaufzeit, ein am Freitag gemeldeter Urlaub ab Montag ist also nur am Montag ungeplant. Bei ungeplanten Abwesenheiten
          vertritt zuerst der Leistungsbereich vor Ort (GA §4.5). Eine Festlegung von Hand gilt immer, für alle Tage.
        </p>
      </fieldset>
      <div className="field">
        <label htmlFor={f('note')}>
          Notiz (freiwillig)
          <TextLimit max={STAFFING_TEXT_LIMITS.absenceNote} />
        </label>
        <input id={f('note')} type="text" value={draft.note} onChange={(e) => set('note', e.target.value)} {...a11y('note')} />
      </div>
      {error && (
        <p id={f('error')} className="error" role="alert" tabIndex={-1}>
          {error.message}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy}>
        Abwesenheit speichern
      </button>
      {outcome && <p className="notice absence-outcome">{outcome}</p>}
    </form>
  );
}
