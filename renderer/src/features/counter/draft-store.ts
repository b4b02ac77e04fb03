import { z } from 'zod';
import { useStore } from 'zustand';
import { persist, type PersistStorage, type StorageValue } from 'zustand/middleware';
import { createStore } from 'zustand/vanilla';
import { CONCERN_KINDS, DIGITAL_CHECKS, NEW_APPLICATION_ANSWERS, QUICK_SUBTYPES, ticketDraftSchema, VERBIS_CHECKS, type TicketDraftInput } from '@shared/model';
import { COUNTER_VISIT_SCOPE, dismissScope } from '../../state/announcer';
import { EMPTY_PERSON, flowReducer, initialFlow, isUnsaved, missingForStep, type FlowAction, type FlowState } from './triage-flow';

/**
 * The visit being recorded at the counter, outside the screen component (STYLE 10: UI/session
 * state only – the saved visit lives in Dexie). Project rule "nothing is ever lost": leaving the
 * counter (Alt+2, Alt+3 …) or reloading the window keeps the step, the choices and the typed
 * ticket form. The draft is kept in sessionStorage, not localStorage: a visitor's personal data
 * must not outlive the session on a shared desk PC (SPEC §9: personal data is minimal). It is
 * removed the moment the visit is saved or the clerk discards it.
 */
export interface CounterDraftState {
  flow: FlowState;
  dispatch: (action: FlowAction) => void;
  /** The clerk confirmed "Vorsprache verwerfen": drop the visit unsaved, start the next one. */
  discard: () => void;
  /** The clerk left the counter: a saved visit's confirmation is not shown again on return. */
  leave: () => void;
}

/** What is written to sessionStorage: the unsaved draft, or nothing. */
interface PersistedDraft {
  draft: Omit<FlowState, 'result'> | null;
}

export const DRAFT_STORAGE_KEY = 'anlaufstelle.theke.vorsprache';

const text = (max: number) => z.string().max(max);
const ticketFormSchema = z.object({
  department: text(20).optional(),
  concern: text(2000).optional(),
  customerName: text(200).optional(),
  phone: text(100).optional(),
  preferredTimes: text(400).optional(),
  customerNumber: text(100).optional(),
});

/** The stored draft is distrusted (an older app version, a hand-edited session): parsed, else dropped. */
const draftSchema = z.object({
  step: z.enum(['kind', 'details', 'checks']),
  visitNo: z.number().int().positive(),
  kind: z.enum(CONCERN_KINDS).nullable(),
  quickSubtype: z.enum(QUICK_SUBTYPES).nullable(),
  acute: z.boolean(),
  label: text(200),
  ticket: z.custom<TicketDraftInput>((v) => ticketDraftSchema.safeParse(v).success).nullable(),
  ticketForm: ticketFormSchema.nullable(),
  verbisCheck: z.enum(VERBIS_CHECKS).nullable(),
  digitalCheck: z.enum(DIGITAL_CHECKS).nullable(),
  // Issue 9: a draft of an older app version has neither: the question is asked again.
  newApplication: z.enum(NEW_APPLICATION_ANSWERS).nullable().default(null),
  person: z
    .object({ name: text(200), birthDate: text(40), bgNumber: text(100), phone: text(100) })
    .default({ ...EMPTY_PERSON }),
});

/** The restored flow, or null when the stored value is missing, malformed or skips a step's rule. */
export function restoreDraft(persisted: unknown): FlowState | null {
  const parsed = z.object({ draft: draftSchema.nullable() }).safeParse(persisted);
  const draft = parsed.success ? parsed.data.draft : null;
  if (!draft) return null;
  const flow: FlowState = { ...draft, result: null };
  // A restored step must be reachable the normal way: every step before it is complete.
  if (flow.step !== 'kind' && missingForStep({ ...flow, step: 'kind' }) !== null) return null;
  if (flow.step === 'checks' && missingForStep({ ...flow, step: 'details' }) !== null) return null;
  return flow;
}

function withoutResult({ result: _result, ...draft }: FlowState): PersistedDraft['draft'] {
  return draft;
}

/**
 * A Storage adapter that removes the key when there is no draft (nothing personal is left behind)
 * and never throws: without storage (or when full) the draft still lives in memory.
 */
function draftStorage(getStorage: () => Storage | undefined): PersistStorage<PersistedDraft> {
  const storage = () => {
    try {
      return getStorage();
    } catch {
      return undefined;
    }
  };
  return {
    getItem: (name) => {
      try {
        const raw = storage()?.getItem(name);
        return raw ? (JSON.parse(raw) as StorageValue<PersistedDraft>) : null;
      } catch {
        return null;
      }
    },
    setItem: (name, value) => {
      try {
        if (value.state.draft) storage()?.setItem(name, JSON.stringify(value));
        else storage()?.removeItem(name);
      } catch {
        // Quota or privacy mode: the draft is kept in memory for as long as the window lives.
      }
    },
    removeItem: (name) => {
      try {
        storage()?.removeItem(name);
      } catch {
        // See setItem.
      }
    },
  };
}

/** One draft store on the given storage; the app uses sessionStorage, tests pass their own. */
export function createCounterDraftStore(getStorage: () => Storage | undefined) {
  const store = createStore<CounterDraftState>()(
    persist(
      (set) => ({
        flow: initialFlow(),
        dispatch: (action) => set((s) => ({ flow: flowReducer(s.flow, action) })),
        discard: () => set((s) => ({ flow: initialFlow(s.flow.visitNo + 1) })),
        leave: () => set((s) => (s.flow.step === 'done' ? { flow: flowReducer(s.flow, { type: 'next' }) } : s)),
      }),
      {
        name: DRAFT_STORAGE_KEY,
        version: 1,
        storage: draftStorage(getStorage),
        // Only an unsaved visit is kept; a saved one (with its result) is never written.
        partialize: (s): PersistedDraft => ({ draft: isUnsaved(s.flow) ? withoutResult(s.flow) : null }),
        merge: (persisted, current) => {
          const flow = restoreDraft(persisted);
          return flow ? { ...current, flow } : current;
        },
      },
    ),
  );
  // Issue 10 item 8: toasts about the last visitor go as soon as the next visit starts.
  store.subscribe((state, prev) => {
    if (startsNextVisit(prev.flow, state.flow)) dismissScope(COUNTER_VISIT_SCOPE);
  });
  return store;
}

/** A new visit has begun: a new visit number (N, F2, discard, leaving after saving) or its first choice. */
export function startsNextVisit(prev: FlowState, next: FlowState): boolean {
  return next.visitNo !== prev.visitNo || (prev.kind === null && next.kind !== null);
}

export type CounterDraftStore = ReturnType<typeof createCounterDraftStore>;

/** The desk's draft, in this window's sessionStorage (absent outside a browser). */
export const counterDraft: CounterDraftStore = createCounterDraftStore(() => globalThis.sessionStorage);

// Atomic selectors and stable actions (STYLE 10).
export const useCounterFlow = (): FlowState => useStore(counterDraft, (s) => s.flow);
export const dispatchFlow = (action: FlowAction): void => counterDraft.getState().dispatch(action);
export const discardDraft = (): void => counterDraft.getState().discard();
export const leaveCounter = (): void => counterDraft.getState().leave();
