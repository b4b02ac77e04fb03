import { describe, expect, it } from 'vitest';
import { triageInputSchema } from '@shared/model';
import {
  flowReducer,
  initialFlow,
  isUnsaved,
  missingChecks,
  missingForStep,
  toTriageInput,
  type FlowAction,
  type FlowState,
} from '../../../../renderer/src/features/counter/triage-flow';
import type { TriageResult } from '../../../../renderer/src/db/repositories/visits';

/** Issue #2 / SPEC §3: the counter's visit flow, step by step, without a DOM. */

function run(...actions: FlowAction[]): FlowState {
  return actions.reduce(flowReducer, initialFlow());
}

const TICKET = {
  department: 'MI',
  concern: 'Rückfrage zu einem Vermittlungsvorschlag',
  customerName: 'Erika Mustermann',
  phone: '02603 123456',
  preferredTimes: 'vormittags',
  customerNumber: '',
} as const;

const checks: FlowAction[] = [
  { type: 'setVerbis', value: 'no-need' },
  { type: 'setDigital', value: 'not-first-visit' },
];

describe('the visit flow (SPEC §3)', () => {
  it('opens at the Anliegensart with nothing chosen', () => {
    const s = initialFlow();
    expect(s.step).toBe('kind');
    expect(missingForStep(s)).toBe('Bitte die Anliegensart wählen.');
    expect(toTriageInput(s)).toBeNull();
  });

  it('a shortcut picks the kind and moves on; an arrow-key choice stays on the step', () => {
    expect(run({ type: 'chooseKind', kind: 'quick', advance: true }).step).toBe('details');
    const picked = run({ type: 'chooseKind', kind: 'benefits', advance: false });
    expect(picked).toMatchObject({ step: 'kind', kind: 'benefits' });
    expect(flowReducer(picked, { type: 'advance' }).step).toBe('details');
  });

  it('Schnellanliegen: the sub-type shortcut leads to the checks; the input carries no personal data (SPEC §4)', () => {
    const s = run({ type: 'chooseKind', kind: 'quick', advance: true }, { type: 'chooseSubtype', subtype: 'documents', advance: true }, ...checks);
    expect(s.step).toBe('checks');
    const input = toTriageInput(s);
    expect(input).toEqual({ concernKind: 'quick', quickSubtype: 'documents', verbisCheck: 'no-need', digitalCheck: 'not-first-visit' });
    expect(triageInputSchema.safeParse(input).success).toBe(true);
  });

  it('Schnellanliegen: a label typed for another kind is never sent with a quick request', () => {
    const s = run(
      { type: 'chooseKind', kind: 'benefits', advance: true },
      { type: 'setLabel', label: 'Herr Beispiel' },
      { type: 'back' },
      { type: 'chooseKind', kind: 'quick', advance: true },
      { type: 'chooseSubtype', subtype: 'flyer', advance: true },
      ...checks,
    );
    expect(s.label).toBe('');
    expect(toTriageInput(s)).not.toHaveProperty('label');
  });

  it('Schnellanliegen cannot leave step 2 without a sub-type', () => {
    const s = run({ type: 'chooseKind', kind: 'quick', advance: true }, { type: 'advance' });
    expect(s.step).toBe('details');
    expect(missingForStep(s)).toBe('Bitte die Art des Schnellanliegens wählen.');
  });

  it('Antragstellung: the acute mark toggles (key A) and is sent; empty label lets the repository assign a call number', () => {
    const s = run(
      { type: 'chooseKind', kind: 'application', advance: true },
      { type: 'toggleAcute' },
      { type: 'setLabel', label: '   ' },
      { type: 'setNewApplication', answer: 'returning' },
      { type: 'advance' },
      ...checks,
    );
    expect(toTriageInput(s)).toEqual({ concernKind: 'application', acute: true, label: '', newApplication: 'returning', verbisCheck: 'no-need', digitalCheck: 'not-first-visit' });
    expect(run({ type: 'chooseKind', kind: 'application', advance: true }, { type: 'toggleAcute' }, { type: 'toggleAcute' }).acute).toBe(false);
  });

  it('issue 9 item 1 (seed §1 "Neukunde"): an application asks whether it is new; a new customer needs name and date of birth or BG number before the checks', () => {
    const asked = run({ type: 'chooseKind', kind: 'application', advance: true }, { type: 'advance' });
    expect(asked.step).toBe('details');
    expect(missingForStep(asked)).toBe('Bitte angeben, ob es ein Neuantrag ist (N: Neukunde, K: kein Neukunde).');
    const incomplete = run({ type: 'chooseKind', kind: 'application', advance: true }, { type: 'setNewApplication', answer: 'new' }, { type: 'setPerson', person: { name: 'Erika Neu', birthDate: '', bgNumber: '', phone: '' } }, { type: 'advance' });
    expect(incomplete.step).toBe('details');
    expect(missingForStep(incomplete)).toBe('Bitte das Geburtsdatum oder die BG-Nummer angeben.');
    const person = { name: 'Erika Neu', birthDate: '1990-04-12', bgNumber: '', phone: '' };
    const s = run({ type: 'chooseKind', kind: 'application', advance: true }, { type: 'setNewApplication', answer: 'new' }, { type: 'setPerson', person }, { type: 'advance' }, ...checks);
    expect(toTriageInput(s)).toMatchObject({ concernKind: 'application', newApplication: 'new', newCustomer: person });
  });

  it('only an application can be marked acute (SPEC §3: "akute Mittellosigkeit" belongs to Antragstellung)', () => {
    const s = run({ type: 'chooseKind', kind: 'benefits', advance: true }, { type: 'toggleAcute' }, { type: 'setAcute', acute: true });
    expect(s.acute).toBe(false);
  });

  it('Allgemeine Leistungsanliegen: name or call number is optional and trimmed', () => {
    const s = run({ type: 'chooseKind', kind: 'benefits', advance: true }, { type: 'setLabel', label: ' Frau K. ' }, { type: 'advance' }, ...checks);
    expect(toTriageInput(s)).toMatchObject({ concernKind: 'benefits', label: 'Frau K.' });
  });

  it('Sonstige Anliegen: the ticket as typed goes to the checks and into the input', () => {
    const s = run({ type: 'chooseKind', kind: 'other', advance: true }, { type: 'advance' });
    expect(s.step).toBe('details');
    const done = flowReducer(s, { type: 'ticketDone', ticket: TICKET });
    expect(done.step).toBe('checks');
    const input = toTriageInput(run({ type: 'chooseKind', kind: 'other', advance: true }, { type: 'ticketDone', ticket: TICKET }, ...checks));
    expect(input).toMatchObject({ concernKind: 'other', ticket: TICKET });
    expect(triageInputSchema.safeParse(input).success).toBe(true);
  });

  it('Sonstige Anliegen: the form as typed is kept unconfirmed; another kind drops it, a stray edit elsewhere changes nothing', () => {
    const typed = { concern: 'Rückfrage', customerName: 'Erika Mustermann' };
    const s = run({ type: 'chooseKind', kind: 'other', advance: true }, { type: 'editTicket', values: typed });
    expect(s).toMatchObject({ step: 'details', ticketForm: typed, ticket: null });
    expect(missingForStep(s)).toBe('Bitte das Ticket vollständig ausfüllen.');
    expect(flowReducer(s, { type: 'editTicket', values: { ...typed } })).toBe(s);
    const back = flowReducer(s, { type: 'back' });
    expect(flowReducer(back, { type: 'editTicket', values: {} })).toBe(back);
    expect(flowReducer(back, { type: 'chooseKind', kind: 'benefits', advance: true }).ticketForm).toBeNull();
    expect(isUnsaved(s)).toBe(true);
    expect(isUnsaved(initialFlow())).toBe(false);
  });

  it('the two checks have no default: both must be answered before saving (SPEC §3)', () => {
    const s = run({ type: 'chooseKind', kind: 'quick', advance: true }, { type: 'chooseSubtype', subtype: 'flyer', advance: true });
    expect(missingChecks(s)).toHaveLength(2);
    expect(toTriageInput(s)).toBeNull();
    const half = flowReducer(s, { type: 'setVerbis', value: 'vermittlung-needed' });
    expect(missingChecks(half)).toEqual(['Bitte die Frage zur Erstvorsprache (jobcenter.digital) beantworten.']);
    expect(toTriageInput(flowReducer(half, { type: 'setDigital', value: 'code-handed-out' }))).toMatchObject({
      verbisCheck: 'vermittlung-needed',
      digitalCheck: 'code-handed-out',
    });
  });

  it('Esc goes one step back and keeps what was entered', () => {
    const atChecks = run({ type: 'chooseKind', kind: 'other', advance: true }, { type: 'ticketDone', ticket: TICKET }, { type: 'setVerbis', value: 'no-need' });
    const back = flowReducer(atChecks, { type: 'back' });
    expect(back).toMatchObject({ step: 'details', ticket: TICKET, verbisCheck: 'no-need' });
    const first = flowReducer(back, { type: 'back' });
    expect(first).toMatchObject({ step: 'kind', kind: 'other' });
    expect(flowReducer(first, { type: 'back' })).toBe(first);
  });

  it('choosing the same kind again keeps the details; another kind starts them afresh', () => {
    const s = run({ type: 'chooseKind', kind: 'application', advance: true }, { type: 'toggleAcute' }, { type: 'back' });
    expect(flowReducer(s, { type: 'chooseKind', kind: 'application', advance: true }).acute).toBe(true);
    expect(flowReducer(s, { type: 'chooseKind', kind: 'benefits', advance: true }).acute).toBe(false);
  });

  it('a saved visit is not undone by Esc; "next" starts an empty visit', () => {
    const atChecks = run({ type: 'chooseKind', kind: 'quick', advance: true }, { type: 'chooseSubtype', subtype: 'flyer', advance: true }, ...checks);
    const result = { visit: {}, handoffs: [], ticket: null } as unknown as TriageResult;
    const done = flowReducer(atChecks, { type: 'saved', result });
    expect(done.step).toBe('done');
    expect(flowReducer(done, { type: 'back' })).toBe(done);
    const next = flowReducer(done, { type: 'next' });
    expect(next).toEqual({ ...initialFlow(2) });
  });

  it('actions out of their step change nothing (a stray key cannot skip a step)', () => {
    const start = initialFlow();
    expect(flowReducer(start, { type: 'chooseSubtype', subtype: 'flyer', advance: true })).toBe(start);
    expect(flowReducer(start, { type: 'setVerbis', value: 'no-need' })).toBe(start);
    expect(flowReducer(start, { type: 'ticketDone', ticket: TICKET })).toBe(start);
    const quick = run({ type: 'chooseKind', kind: 'quick', advance: true });
    expect(flowReducer(quick, { type: 'chooseKind', kind: 'other', advance: true })).toBe(quick);
    expect(flowReducer(quick, { type: 'setLabel', label: 'Name' })).toBe(quick);
  });
});
