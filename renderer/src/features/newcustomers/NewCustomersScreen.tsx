import { NOT_FOR_YOU, useAuditViews, useMayViewPersonal } from '../../auth/use-permission';
import { useId, useState, type FormEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { addDays, berlinDate } from '@shared/domain/calendar';
import { formatSessionDate } from '@shared/domain/desk-sessions';
import {
  ACTIVATION_OUTCOME_LABELS,
  APPLICATION_CHANNEL_LABELS,
  NEW_CUSTOMER_STEP_LABELS,
  type ActivationOutcome,
  type NewCustomerStep,
} from '@shared/model';
import { writeContext } from '../../app/write-context';
import { getDb } from '../../db/db';
import {
  addGroupSession,
  groupSessionsOf,
  inviteToGroupSession,
  markIntakeDone,
  markStep,
  nextFreeSession,
  recordNoShow,
  recordOtherChannelApplication,
  recordRefusal,
  removeGroupSession,
  sessionGapOf,
  worklistOf,
  type SessionWithSeats,
  type WorklistRow,
} from '../../db/repositories/new-customers';
import { formatDate, formatDeadline } from '../../lib/format';
import { INITIAL_FOCUS } from '../../lib/keyboard';
import { useNow } from '../../lib/use-now';
import { useWriteAction } from '../../lib/use-write-action';
import { useCurrentSite, useSession, useSites } from '../../state/session';
import { DateInput, TimeInput } from '../../ui/DateTimeInput';
import { PersonFields } from './PersonFields';
import './newcustomers.css';

const STEPS: readonly Exclude<NewCustomerStep, 'stepActivation'>[] = ['stepStep', 'stepVerbis', 'stepAnnounced'];
const sessionLabel = (s: SessionWithSeats['session']) => `${formatSessionDate(s.date)}, ${s.time} Uhr, ${s.room}`;

/**
 * "Neukunden" (issue 9, seed §1.1, §1.2, §4.2, §4.5): the worklist of this PC's site – every new
 * customer with the same-day steps as a checklist (who and when), the invitation to a group session,
 * the Leistungsbereich's intake check and the refusal, each deadline shown and overdue in words –
 * the applications by other channels, and the site's group sessions for new customers.
 */
export function NewCustomersScreen() {
  const id = useId();
  const site = useCurrentSite();
  const now = useNow(60_000);
  const today = berlinDate(now);
  const siteId = site?.id ?? '';
  const rows = useLiveQuery(() => (siteId ? worklistOf(getDb(), siteId, now) : Promise.resolve([])), [siteId, now.getTime()]);
  // Sessions of the last weeks too: an invitation to a session that has taken place still shows it
  // (and offers "Nicht erschienen"); only sessions from today on are offered and listed.
  const recentAndUpcoming = useLiveQuery(() => (siteId ? groupSessionsOf(getDb(), siteId, addDays(today, -60)) : Promise.resolve([])), [siteId, today]);
  const sessions = recentAndUpcoming?.filter((s) => s.session.date >= today);

  if (!site) {
    return (
      <>
        <h1>Neukunden</h1>
        <p className="notice">Bitte zuerst in den Einstellungen (<kbd>Alt+0</kbd>) den Standort wählen.</p>
      </>
    );
  }
  const gap = sessions ? sessionGapOf(sessions, today) : null;
  const open = rows?.filter((r) => !r.closed) ?? [];
  const closed = rows?.filter((r) => r.closed) ?? [];

  return (
    <section className="newcustomers" aria-labelledby={`${id}-h`}>
      <h1 id={`${id}-h`} {...INITIAL_FOCUS} tabIndex={-1}>
        Neukunden – {site.name}
      </h1>
      {gap && !gap.ok && (
        <p className="warning-box" role="status">
          Keine Gruppeninformation für Neukunden in den nächsten 14 Tagen (GA §1.2: spätestens alle 14 Tage).
          {gap.next ? ` Nächster Termin: ${formatSessionDate(gap.next)}.` : ' Es ist kein Termin eingetragen.'} Bitte unten einen Termin anlegen.
        </p>
      )}
      <section aria-labelledby={`${id}-open`}>
        <h2 id={`${id}-open`}>Offen ({open.length})</h2>
        {rows === undefined ? (
          <p role="status">Die Liste wird geladen …</p>
        ) : open.length === 0 ? (
          <p>Keine offenen Neukunden an diesem Standort.</p>
        ) : (
          <ul className="nc-list">
            {open.map((r) => (
              <li key={r.record.id}>
                <NewCustomerCard row={r} sessions={sessions ?? []} known={recentAndUpcoming ?? []} today={today} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <OtherChannelForm siteId={site.id} today={today} />
      <GroupSessions siteId={site.id} today={today} sessions={sessions ?? []} />
      {closed.length > 0 && (
        <section aria-labelledby={`${id}-closed`}>
          <h2 id={`${id}-closed`}>Abgeschlossen (letzte 30 Tage)</h2>
          <ul className="nc-closed">
            {closed.map((r) => (
              <li key={r.record.id}>
                <ClosedName record={r.record} /> – {APPLICATION_CHANNEL_LABELS[r.record.channel]} am {formatDate(r.record.appliedAt)} –{' '}
                {r.record.refused ? `Versagung am ${formatDate(r.record.refused.at)}` : `Eingangsprüfung abgeschlossen am ${formatDate(r.record.intakeDone!.at)}`}
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}

const NEW_CUSTOMER_FIELDS = ['name', 'birthDate', 'bgNumber', 'phone'];

function ClosedName({ record }: { record: WorklistRow['record'] }) {
  const mayView = useMayViewPersonal()('newCustomers', record as unknown as Record<string, unknown>);
  useAuditViews('newCustomers', mayView && record.anonymisedAt === null ? [record.id] : [], NAME_FIELD);
  return <>{mayView ? record.name : NOT_FOR_YOU}</>;
}
const NAME_FIELD = ['name'];

/** The same-day steps still open, in words (the count "x von 5" includes the invitation). */
function openSteps(r: WorklistRow['record']): string[] {
  const open: string[] = [];
  if (!r.stepStep) open.push('STEP');
  if (!r.stepVerbis) open.push('VerBIS');
  if (!r.stepAnnounced) open.push('Meldung an die Arbeitsvermittlung');
  if (!r.stepActivation) open.push('Freischaltcode');
  if (!r.invitation) open.push('Einladung zur Gruppeninformation');
  return open;
}

const stateText = (state: WorklistRow['intake']) => (state === 'overdue' ? 'überfällig' : state === 'done' ? 'erledigt' : 'offen');

function NewCustomerCard({ row, sessions, known, today }: { row: WorklistRow; sessions: readonly SessionWithSeats[]; known: readonly SessionWithSeats[]; today: string }) {
  const id = useId();
  const { record } = row;
  const write = useWriteAction();
  const invited = record.invitation ? known.find((s) => s.session.id === record.invitation!.sessionId)?.session : undefined;
  const [confirmRefusal, setConfirmRefusal] = useState(false);
  const offer = nextFreeSession(sessions, today);
  const [chosen, setChosen] = useState<string>('');
  const sessionId = chosen || offer?.session.id || '';
  // SPEC §8 / issue 7: the person's data only for those who work the case; each showing logged.
  const mayView = useMayViewPersonal()('newCustomers', record as unknown as Record<string, unknown>);
  useAuditViews('newCustomers', mayView && record.anonymisedAt === null ? [record.id] : [], NEW_CUSTOMER_FIELDS);
  const name = mayView ? record.name : NOT_FOR_YOU;

  const staff = useSession((st) => st.staff);
  const who = (mark: { at: string; by: string }) => `${staff.find((p) => p.id === mark.by)?.name ?? 'unbekannt'}, ${formatDeadline(mark.at)}`;
  const tick = (step: NewCustomerStep, done: boolean, outcome?: ActivationOutcome) =>
    void write.run(() => markStep(getDb(), record.id, step, done, writeContext(), outcome), `${name}: ${NEW_CUSTOMER_STEP_LABELS[step]} – ${done ? 'erledigt' : 'zurückgenommen'}.`);

  return (
    <article className={`nc-card${row.steps.state === 'overdue' || row.intake === 'overdue' ? ' overdue' : ''}`} aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{name}</h3>
      <dl className="nc-facts">
        <dt>Antrag</dt>
        <dd>
          {APPLICATION_CHANNEL_LABELS[record.channel]}, {formatDate(record.appliedAt)}
          {mayView && record.birthDate ? ` · geb. ${formatDate(`${record.birthDate}T12:00:00Z`)}` : ''}
          {mayView && record.bgNumber ? ` · BG ${record.bgNumber}` : ''}
          {mayView && record.phone ? ` · Tel. ${record.phone}` : ''}
        </dd>
        <dt>Schritte am Tag der Antragstellung</dt>
        <dd>
          {row.steps.done} von {row.steps.of} erledigt, bis {formatDeadline(record.stepsDueAt)} – <strong>{stateText(row.steps.state)}</strong>
          {row.steps.done < row.steps.of && <span className="hint"> (offen: {openSteps(record).join(', ')})</span>}
        </dd>
        <dt>Eingangsprüfung (Leistungsbereich)</dt>
        <dd>
          bis {formatDeadline(record.intakeDueAt)} – <strong>{stateText(row.intake)}</strong>
        </dd>
        <dt>Versagung spätestens</dt>
        <dd>
          {formatDeadline(record.refusalDueAt)}
          {row.refusalDue && <strong> – Frist erreicht: bitte entscheiden</strong>}
        </dd>
      </dl>
      <fieldset className="nc-steps">
        <legend>Schritte (GA §1.1)</legend>
        {STEPS.map((step) => {
          const mark = record[step];
          return (
            <div className="field checkbox" key={step}>
              <input id={`${id}-${step}`} type="checkbox" checked={mark !== null} onChange={(e) => tick(step, e.target.checked)} disabled={write.busy} />
              <label htmlFor={`${id}-${step}`}>
                {NEW_CUSTOMER_STEP_LABELS[step]}
                {mark && <span className="hint"> – {who(mark)}</span>}
              </label>
            </div>
          );
        })}
        <fieldset className="nc-activation">
          <legend>Freischaltcode jobcenter.digital (GA §4.2)</legend>
          {(['handed-out', 'not-needed'] as const).map((outcome) => (
            <div className="field radio" key={outcome}>
              <input
                id={`${id}-act-${outcome}`}
                type="radio"
                name={`${id}-act`}
                checked={record.stepActivation?.outcome === outcome}
                onChange={() => tick('stepActivation', true, outcome)}
                disabled={write.busy}
              />
              <label htmlFor={`${id}-act-${outcome}`}>
                {ACTIVATION_OUTCOME_LABELS[outcome]}
                {record.stepActivation?.outcome === outcome && <span className="hint"> – {who(record.stepActivation)}</span>}
              </label>
            </div>
          ))}
        </fieldset>
      </fieldset>
      <div className="nc-invitation">
        {invited ? (
          <p>
            Eingeladen mit Rechtsfolgenbelehrung zur Gruppeninformation am {sessionLabel(invited)} ({who(record.invitation!)}).{' '}
            {invited.date <= today && (
              <button type="button" onClick={() => void write.run(() => recordNoShow(getDb(), record.id, writeContext()), `${name}: Meldeversäumnis eingetragen – bitte neu einladen.`)}>
                Nicht erschienen (Meldeversäumnis)
              </button>
            )}
          </p>
        ) : (
          <div className="field-row">
            <div className="field">
              <label htmlFor={`${id}-session`}>Einladung zur Gruppeninformation (GA §1.2)</label>
              <select id={`${id}-session`} value={sessionId} onChange={(e) => setChosen(e.target.value)}>
                {sessions.filter((s) => s.free > 0).length === 0 && <option value="">Kein Termin mit freiem Platz</option>}
                {sessions
                  .filter((s) => s.free > 0)
                  .map((s) => (
                    <option key={s.session.id} value={s.session.id}>
                      {sessionLabel(s.session)} – {s.free} frei
                    </option>
                  ))}
              </select>
            </div>
            <button
              type="button"
              disabled={!sessionId || write.busy}
              onClick={() => void write.run(() => inviteToGroupSession(getDb(), record.id, sessionId, writeContext()), `${name}: zur Gruppeninformation eingeladen.`)}
            >
              Einladen
            </button>
          </div>
        )}
        {record.noShows.length > 0 && <p className="hint">Meldeversäumnisse: {record.noShows.length}</p>}
      </div>
      <p className="nc-actions">
        <button type="button" disabled={write.busy} onClick={() => void write.run(() => markIntakeDone(getDb(), record.id, writeContext()), `${name}: Eingangsprüfung abgeschlossen.`)}>
          Eingangsprüfung abgeschlossen
        </button>{' '}
        {confirmRefusal ? (
          <span role="group" aria-label="Versagung bestätigen">
            Versagung eintragen und den Fall abschließen?{' '}
            <button type="button" disabled={write.busy} onClick={() => void write.run(() => recordRefusal(getDb(), record.id, writeContext()), `${name}: Versagung eingetragen, Fall abgeschlossen.`)}>
              Ja, Versagung eintragen
            </button>{' '}
            <button type="button" onClick={() => setConfirmRefusal(false)}>
              Abbrechen
            </button>
          </span>
        ) : (
          <button type="button" disabled={write.busy} onClick={() => setConfirmRefusal(true)}>
            Versagung wegen fehlender Mitwirkung …
          </button>
        )}
      </p>
      {write.error && (
        <p className="error" role="alert">
          {write.error}
        </p>
      )}
    </article>
  );
}

const EMPTY_APPLICATION = { channel: '', appliedOn: '', name: '', birthDate: '', bgNumber: '', phone: '' };

/** Issue 9 item 2: an application that arrived digitally, in writing or by phone. */
function OtherChannelForm({ siteId, today }: { siteId: string; today: string }) {
  const id = useId();
  const f = (name: string) => `${id}-${name}`;
  const write = useWriteAction();
  const [draft, setDraft] = useState({ ...EMPTY_APPLICATION, appliedOn: today });
  const set = (patch: Partial<typeof draft>) => setDraft({ ...draft, ...patch });

  async function submit(e: FormEvent) {
    e.preventDefault();
    const input = {
      channel: draft.channel as 'digital',
      appliedOn: draft.appliedOn,
      person: { name: draft.name, birthDate: draft.birthDate, bgNumber: draft.bgNumber, phone: draft.phone },
    };
    const ok = await write.run(
      () => recordOtherChannelApplication(getDb(), input, siteId, writeContext()),
      (r) => (r.routedTo ? `Antrag erfasst – auf die Neukunden-Liste von ${r.routedTo.name} (Vertretung durch den Leistungsbereich).` : 'Antrag erfasst – in der Neukunden-Liste.'),
    );
    if (ok) setDraft({ ...EMPTY_APPLICATION, appliedOn: today });
    else document.getElementById(f('error'))?.focus();
  }

  return (
    <section aria-labelledby={f('h')}>
      <h2 id={f('h')}>Antrag auf anderem Weg erfassen (digital, schriftlich, telefonisch)</h2>
      <form className="nc-form" onSubmit={(e) => void submit(e)} noValidate aria-label="Antrag auf anderem Weg erfassen">
        <div className="field-row">
          <div className="field">
            <label htmlFor={f('channel')}>Eingang</label>
            <select id={f('channel')} value={draft.channel} onChange={(e) => set({ channel: e.target.value })}>
              <option value="">Bitte wählen</option>
              {(['digital', 'written', 'phone'] as const).map((c) => (
                <option key={c} value={c}>
                  {APPLICATION_CHANNEL_LABELS[c]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={f('appliedOn')}>Tag der Antragstellung</label>
            <DateInput id={f('appliedOn')} value={draft.appliedOn} onValueChange={(v) => set({ appliedOn: v })} />
          </div>
        </div>
        <div className="field-row">
          <PersonFields idPrefix={f('person')} value={draft} onChange={set} />
        </div>
        {write.error && (
          <p id={f('error')} className="error" role="alert" tabIndex={-1}>
            {write.error}
          </p>
        )}
        <button type="submit" disabled={write.busy}>
          Antrag erfassen
        </button>
      </form>
    </section>
  );
}

/** Seed §1.2: the site's group information sessions for new customers. */
function GroupSessions({ siteId, today, sessions }: { siteId: string; today: string; sessions: readonly SessionWithSeats[] }) {
  const id = useId();
  const f = (name: string) => `${id}-${name}`;
  const sites = useSites();
  const write = useWriteAction();
  const [draft, setDraft] = useState({ date: '', time: '09:00', room: '', capacity: '12' });
  const set = (patch: Partial<typeof draft>) => setDraft({ ...draft, ...patch });
  const siteName = sites.find((s) => s.id === siteId)?.name ?? '';

  async function submit(e: FormEvent) {
    e.preventDefault();
    const ok = await write.run(() => addGroupSession(getDb(), { siteId, ...draft }, writeContext()), (s) => `Gruppeninformation am ${formatSessionDate(s.date)} angelegt.`);
    if (ok) setDraft({ ...draft, date: '', room: '' });
    else document.getElementById(f('error'))?.focus();
  }

  return (
    <section aria-labelledby={f('h')}>
      <h2 id={f('h')}>Gruppeninformation für Neukunden – {siteName}</h2>
      {sessions.length === 0 ? (
        <p>Keine Termine ab heute.</p>
      ) : (
        <table className="nc-sessions">
          <caption className="visually-hidden">Termine der Gruppeninformation ab {formatSessionDate(today)}</caption>
          <thead>
            <tr>
              <th scope="col">Termin</th>
              <th scope="col">Raum</th>
              <th scope="col" className="num">
                Eingeladen
              </th>
              <th scope="col" className="num">
                Plätze
              </th>
              <th scope="col">
                <span className="visually-hidden">Aktion</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((s) => (
              <tr key={s.session.id}>
                <th scope="row">
                  {formatSessionDate(s.session.date)}, {s.session.time} Uhr
                </th>
                <td>{s.session.room}</td>
                <td className="num">{s.booked}</td>
                <td className="num">{s.session.capacity}</td>
                <td>
                  <button
                    type="button"
                    aria-label={`Termin ${formatSessionDate(s.session.date)}, ${s.session.time} Uhr löschen`}
                    onClick={() => void write.run(() => removeGroupSession(getDb(), s.session.id, writeContext()), 'Termin gelöscht.')}
                  >
                    Löschen
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="nc-form" onSubmit={(e) => void submit(e)} noValidate aria-label="Termin der Gruppeninformation anlegen">
        <div className="field-row">
          <div className="field">
            <label htmlFor={f('date')}>Datum</label>
            <DateInput id={f('date')} value={draft.date} onValueChange={(v) => set({ date: v })} />
          </div>
          <div className="field">
            <label htmlFor={f('time')}>Uhrzeit</label>
            <TimeInput id={f('time')} value={draft.time} onValueChange={(v) => set({ time: v })} />
          </div>
          <div className="field">
            <label htmlFor={f('room')}>Raum</label>
            <input id={f('room')} type="text" autoComplete="off" value={draft.room} onChange={(e) => set({ room: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor={f('capacity')}>Plätze</label>
            <input id={f('capacity')} type="number" min={1} max={500} value={draft.capacity} onChange={(e) => set({ capacity: e.target.value })} />
          </div>
        </div>
        {write.error && (
          <p id={f('error')} className="error" role="alert" tabIndex={-1}>
            {write.error}
          </p>
        )}
        <button type="submit" disabled={write.busy}>
          Termin anlegen
        </button>
      </form>
    </section>
  );
}
