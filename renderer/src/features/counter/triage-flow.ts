import { firstIssueMessage, newCustomerPersonSchema } from '@shared/model';
import type { PersonFormValues } from '../newcustomers/PersonFields';
import type { ConcernKind, DigitalCheck, NewApplicationAnswer, QuickSubtype, TicketDraftInput, TriageInput, VerbisCheck } from '@shared/model';
import type { TriageResult } from '../../db/repositories/visits';

/**
 * The counter's visit flow as a pure state machine (SPEC §3, seed §4.4): Anliegensart → the
 * details that kind needs → the two checks of every visit → saved. The screen renders a step and
 * dispatches; every rule about what may follow what lives here, so it can be tested without a DOM.
 */
export type FlowStep = 'kind' | 'details' | 'checks' | 'done';

/**
 * The ticket form as typed so far, before validation: every field is text (the department select
 * holds '' until chosen). Kept so a half-typed ticket survives leaving the counter ("nothing is lost").
 */
export type TicketFormValues = Partial<Record<keyof TicketDraftInput, string>>;

export interface FlowState {
  step: FlowStep;
  /** Counts visits at this desk in this window session; keys the step forms so each visit starts empty. */
  visitNo: number;
  kind: ConcernKind | null;
  quickSubtype: QuickSubtype | null;
  /** Antragstellung only: "akute Mittellosigkeit" puts the visitor first (SPEC §3). */
  acute: boolean;
  /** Name or call number for a hand-off; empty → the repository assigns "Nr. A 012". */
  label: string;
  /** The ticket as last confirmed with Enter (Sonstige Anliegen): what goes to recordTriage. */
  ticket: TicketDraftInput | null;
  /** The ticket form as typed, confirmed or not: what the form shows when it opens again. */
  ticketForm: TicketFormValues | null;
  verbisCheck: VerbisCheck | null;
  digitalCheck: DigitalCheck | null;
  result: TriageResult | null;
  /** Antragstellung (issue 9 item 1): new customer (seed §1) or not; no default, it is asked. */
  newApplication: NewApplicationAnswer | null;
  /** The new customer's intake data as typed (name, date of birth as ISO, BG number, phone). */
  person: NewCustomerForm;
}

/** The new customer's intake data as typed (the fields of PersonFields). */
export type NewCustomerForm = PersonFormValues;

export const EMPTY_PERSON: NewCustomerForm = { name: '', birthDate: '', bgNumber: '', phone: '' };

export type FlowAction =
  | { type: 'chooseKind'; kind: ConcernKind; advance: boolean }
  | { type: 'chooseSubtype'; subtype: QuickSubtype; advance: boolean }
  | { type: 'setAcute'; acute: boolean }
  | { type: 'toggleAcute' }
  | { type: 'setLabel'; label: string }
  | { type: 'setNewApplication'; answer: NewApplicationAnswer }
  | { type: 'setPerson'; person: NewCustomerForm }
  | { type: 'editTicket'; values: TicketFormValues }
  | { type: 'ticketDone'; ticket: TicketDraftInput }
  | { type: 'advance' }
  | { type: 'setVerbis'; value: VerbisCheck }
  | { type: 'setDigital'; value: DigitalCheck }
  | { type: 'back' }
  | { type: 'saved'; result: TriageResult }
  | { type: 'next' };

export function initialFlow(visitNo = 1): FlowState {
  return {
    step: 'kind',
    visitNo,
    kind: null,
    quickSubtype: null,
    acute: false,
    label: '',
    ticket: null,
    ticketForm: null,
    verbisCheck: null,
    digitalCheck: null,
    result: null,
    newApplication: null,
    person: EMPTY_PERSON,
  };
}

/** The German reason why the current step cannot be left forwards yet, or null. */
export function missingForStep(state: FlowState): string | null {
  switch (state.step) {
    case 'kind':
      return state.kind ? null : 'Bitte die Anliegensart wählen.';
    case 'details':
      if (state.kind === 'quick' && !state.quickSubtype) return 'Bitte die Art des Schnellanliegens wählen.';
      if (state.kind === 'other' && !state.ticket) return 'Bitte das Ticket vollständig ausfüllen.';
      if (state.kind === 'application') return missingNewCustomer(state);
      return null;
    case 'checks':
      return missingChecks(state)[0] ?? null;
    case 'done':
      return null;
  }
}

/** Issue 9 item 1: the new-application answer, and for a new customer the intake data (German). */
export function missingNewCustomer(state: Pick<FlowState, 'newApplication' | 'person'>): string | null {
  if (state.newApplication === null) return 'Bitte angeben, ob es ein Neuantrag ist (N: Neukunde, K: kein Neukunde).';
  if (state.newApplication === 'returning') return null;
  const parsed = newCustomerPersonSchema.safeParse(state.person);
  return parsed.success ? null : firstIssueMessage(parsed.error);
}

/** SPEC §3: both checks belong to every visit; neither has a default, so none is skipped unseen. */
export function missingChecks(state: FlowState): string[] {
  const missing: string[] = [];
  if (!state.verbisCheck) missing.push('Bitte den letzten VerBIS-Vermerk prüfen: Hat die Vermittlung Gesprächsbedarf?');
  if (!state.digitalCheck) missing.push('Bitte die Frage zur Erstvorsprache (jobcenter.digital) beantworten.');
  return missing;
}

export function flowReducer(state: FlowState, action: FlowAction): FlowState {
  switch (action.type) {
    case 'chooseKind': {
      if (state.step !== 'kind') return state;
      // Another kind asks for other details: drop what belonged to the previous choice.
      const base = state.kind === action.kind ? state : { ...initialFlow(state.visitNo), kind: action.kind };
      return { ...base, step: action.advance ? 'details' : 'kind' };
    }
    case 'chooseSubtype':
      if (state.step !== 'details' || state.kind !== 'quick') return state;
      return { ...state, quickSubtype: action.subtype, step: action.advance ? 'checks' : 'details' };
    case 'setAcute':
      if (state.kind !== 'application' || state.step !== 'details') return state;
      return { ...state, acute: action.acute };
    case 'toggleAcute':
      if (state.kind !== 'application' || state.step !== 'details') return state;
      return { ...state, acute: !state.acute };
    case 'setNewApplication':
      if (state.kind !== 'application' || state.step !== 'details') return state;
      return { ...state, newApplication: action.answer };
    case 'setPerson':
      if (state.kind !== 'application' || state.step !== 'details') return state;
      return { ...state, person: { ...action.person } };
    case 'setLabel':
      if (state.step !== 'details' || (state.kind !== 'application' && state.kind !== 'benefits')) return state;
      return { ...state, label: action.label };
    case 'editTicket': {
      if (state.step !== 'details' || state.kind !== 'other' || sameForm(state.ticketForm, action.values)) return state;
      // An edit after Enter makes the confirmed copy stale: the form must be confirmed again.
      const ticket = state.ticket && sameForm(state.ticket, action.values) ? state.ticket : null;
      return { ...state, ticketForm: { ...action.values }, ticket };
    }
    case 'ticketDone':
      if (state.step !== 'details' || state.kind !== 'other') return state;
      return { ...state, ticket: action.ticket, ticketForm: { ...action.ticket }, step: 'checks' };
    case 'advance': {
      if (missingForStep(state) !== null) return state;
      if (state.step === 'kind') return { ...state, step: 'details' };
      if (state.step === 'details') return { ...state, step: 'checks' };
      return state;
    }
    case 'setVerbis':
      return state.step === 'checks' ? { ...state, verbisCheck: action.value } : state;
    case 'setDigital':
      return state.step === 'checks' ? { ...state, digitalCheck: action.value } : state;
    case 'back':
      // Esc goes one step back; a saved visit is not undone by it.
      if (state.step === 'checks') return { ...state, step: 'details' };
      if (state.step === 'details') return { ...state, step: 'kind' };
      return state;
    case 'saved':
      return state.step === 'checks' ? { ...state, step: 'done', result: action.result } : state;
    case 'next':
      return initialFlow(state.visitNo + 1);
  }
}

const TICKET_FIELDS = ['department', 'concern', 'customerName', 'phone', 'preferredTimes', 'customerNumber'] as const satisfies readonly (keyof TicketDraftInput)[];

function sameForm(a: TicketFormValues | null, b: TicketFormValues): boolean {
  return a !== null && TICKET_FIELDS.every((field) => (a[field] ?? '') === (b[field] ?? ''));
}

/**
 * Whether the visit holds a choice or input that is not saved yet – what must survive the clerk
 * looking elsewhere and is thrown away only on purpose ("Vorsprache verwerfen").
 */
export function isUnsaved(state: FlowState): boolean {
  return state.step !== 'done' && state.kind !== null;
}

/**
 * What goes to recordTriage, or null while something is missing. A quick request carries no
 * personal data (SPEC §4: "counted, not named"): its input has no label and no ticket.
 */
export function toTriageInput(state: FlowState): TriageInput | null {
  const { kind, verbisCheck, digitalCheck } = state;
  if (!kind || !verbisCheck || !digitalCheck) return null;
  const checks = { verbisCheck, digitalCheck };
  switch (kind) {
    case 'quick':
      return state.quickSubtype ? { concernKind: 'quick', quickSubtype: state.quickSubtype, ...checks } : null;
    case 'application':
      if (state.newApplication === null) return null;
      return {
        concernKind: 'application',
        acute: state.acute,
        label: state.label.trim(),
        newApplication: state.newApplication,
        ...(state.newApplication === 'new' ? { newCustomer: state.person } : {}),
        ...checks,
      };
    case 'benefits':
      return { concernKind: 'benefits', label: state.label.trim(), ...checks };
    case 'other':
      return state.ticket ? { concernKind: 'other', ticket: state.ticket, ...checks } : null;
  }
}
