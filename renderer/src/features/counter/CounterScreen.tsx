import { useEffect, useId, useRef, useState } from 'react';
import { CONCERN_LABELS } from '@shared/model';
import { writeContext } from '../../app/write-context';
import { getDb } from '../../db/db';
import { useWindowKeydown } from '../../lib/keyboard';
import { recordTriage } from '../../db/repositories/visits';
import { announce, COUNTER_VISIT_SCOPE } from '../../state/announcer';
import { useCurrentSite, useSettings, useSites } from '../../state/session';
import { useDeskMode } from '../staffing/desk-mode';
import { ChecksStep } from './ChecksStep';
import { Confirmation } from './Confirmation';
import { DiscardDraftDialog } from './DiscardDraftDialog';
import { counterDraft, discardDraft, dispatchFlow as dispatch, leaveCounter, useCounterFlow } from './draft-store';
import { HandoffStep } from './HandoffStep';
import { KindStep } from './KindStep';
import { resultAnnouncement } from './outcome';
import { QuickStep } from './QuickStep';
import { StepIndicator } from './StepIndicator';
import { TicketStep } from './TicketStep';
import { isUnsaved, toTriageInput, type FlowState } from './triage-flow';
import './counter.css';

/**
 * The counter ("Theke"): record the next visit and route it by keyboard alone (SPEC §3, seed §4.4).
 * Opens ready at step 1; Esc goes one step back; after saving, N or F2 starts the next visit.
 * The visit in progress lives in the draft store, so looking elsewhere loses nothing.
 */
export function CounterScreen() {
  const headingId = useId();
  const flow = useCounterFlow();
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const site = useCurrentSite();
  const settings = useSettings();
  const sites = useSites();
  const desk = useDeskMode();

  // "Nothing is ever lost": back at the counter (or after a reload) the unsaved visit is there
  // again – said aloud, and the step's own focus puts the clerk where they left off. Once per mount.
  const greeted = useRef(false);
  useEffect(() => {
    if (greeted.current) return;
    greeted.current = true;
    const restored = counterDraft.getState().flow;
    if (isUnsaved(restored) && restored.kind) {
      announce(`Angefangene Vorsprache wiederhergestellt: ${CONCERN_LABELS[restored.kind]}.`, 'info', { scope: COUNTER_VISIT_SCOPE });
    }
  }, []);

  // A saved visit's confirmation belongs to that moment; coming back starts the next visit.
  useEffect(() => leaveCounter, []);

  // Esc: one step back, also from inside a text field (a saved visit stays saved). On step 1 of an
  // unsaved visit it asks whether to discard the visit (the only way a draft is dropped unsaved).
  useWindowKeydown((e) => {
    if (e.key !== 'Escape' || e.defaultPrevented) return;
    const current = counterDraft.getState().flow;
    if (current.step === 'details' || current.step === 'checks') {
      e.preventDefault();
      setSaveError(null);
      dispatch({ type: 'back' });
    } else if (current.step === 'kind' && isUnsaved(current)) {
      e.preventDefault();
      setConfirmDiscard(true);
    }
  });

  function discard() {
    setConfirmDiscard(false);
    setSaveError(null);
    discardDraft();
    announce('Vorsprache verworfen – nichts gespeichert.', 'info');
  }

  async function save(state: FlowState) {
    const input = toTriageInput(state);
    if (!input || !site) return;
    setSaving(true);
    setSaveError(null);
    try {
      const result = await recordTriage(
        getDb(),
        input,
        // LB cover and the distribution list as the roster stands when the visit is saved, not as
        // the banner last showed it (issue 10 item 11).
        { siteId: site.id, deadlinePolicy: settings.deadlinePolicy, deskModeFromRoster: true },
        writeContext(),
      );
      dispatch({ type: 'saved', result });
      announce(resultAnnouncement(result), 'success', { scope: COUNTER_VISIT_SCOPE });
    } catch (error) {
      // Repository errors carry German messages (ValidationError, NotFoundError); nothing was written.
      setSaveError(error instanceof Error ? error.message : String(error));
    } finally {
      setSaving(false);
    }
  }

  const distributionSite = desk.distributionSiteId ? sites.find((s) => s.id === desk.distributionSiteId) : null;

  return (
    <section className="counter" aria-labelledby={headingId}>
      <h1 id={headingId}>Theke – Vorsprache erfassen</h1>
      {desk.lbCover && (
        <p className="warning-box">
          Die Anlaufstelle ist durch den Leistungsbereich vertreten. Neue Tickets gehen auf die Verteilliste
          {distributionSite ? ` des Standorts ${distributionSite.name}` : ' eines besetzten Standorts'}; Ticketverteilung und
          Neukundenanlage übernimmt dort die Eingangszone.
        </p>
      )}
      <StepIndicator step={flow.step} kindLabel={flow.kind ? CONCERN_LABELS[flow.kind] : null} />
      <div className="counter-step" key={`${flow.visitNo}-${flow.step}`}>
        {flow.step === 'kind' && <KindStep kind={flow.kind} onChoose={(kind, advance) => dispatch({ type: 'chooseKind', kind, advance })} />}
        {flow.step === 'details' && flow.kind === 'quick' && (
          <QuickStep subtype={flow.quickSubtype} onChoose={(subtype, advance) => dispatch({ type: 'chooseSubtype', subtype, advance })} />
        )}
        {flow.step === 'details' && (flow.kind === 'application' || flow.kind === 'benefits') && (
          <HandoffStep
            kind={flow.kind}
            acute={flow.acute}
            label={flow.label}
            onAcute={(acute) => dispatch({ type: 'setAcute', acute })}
            onToggleAcute={() => dispatch({ type: 'toggleAcute' })}
            onLabel={(label) => dispatch({ type: 'setLabel', label })}
            onDone={() => dispatch({ type: 'advance' })}
            newApplication={flow.newApplication}
            person={flow.person}
            onNewApplication={(answer) => dispatch({ type: 'setNewApplication', answer })}
            onPerson={(person) => dispatch({ type: 'setPerson', person })}
          />
        )}
        {flow.step === 'details' && flow.kind === 'other' && (
          <TicketStep
            initial={flow.ticketForm}
            onEdit={(values) => dispatch({ type: 'editTicket', values })}
            onDone={(ticket) => dispatch({ type: 'ticketDone', ticket })}
          />
        )}
        {flow.step === 'checks' && (
          <ChecksStep
            flow={flow}
            saving={saving}
            saveError={saveError}
            onVerbis={(value) => dispatch({ type: 'setVerbis', value })}
            onDigital={(value) => dispatch({ type: 'setDigital', value })}
            onSave={() => void save(flow)}
          />
        )}
        {flow.step === 'done' && flow.result && <Confirmation result={flow.result} onNext={() => dispatch({ type: 'next' })} />}
      </div>
      {isUnsaved(flow) && !saving && (
        <p className="draft-actions">
          <button type="button" onClick={() => setConfirmDiscard(true)} aria-describedby={`${headingId}-discard-hint`}>
            Vorsprache verwerfen
          </button>
          <span id={`${headingId}-discard-hint`} className="hint">
            oder <kbd>Esc</kbd> in Schritt 1 – mit Rückfrage
          </span>
        </p>
      )}
      {confirmDiscard && flow.kind && (
        <DiscardDraftDialog summary={CONCERN_LABELS[flow.kind]} onDiscard={discard} onKeep={() => setConfirmDiscard(false)} />
      )}
    </section>
  );
}
