// Before Dexie loads: it takes the global indexedDB when its module is evaluated.
import 'fake-indexeddb/auto';
import { describe, afterEach, expect, it } from 'vitest';
import { receiptSchema } from '@shared/bridge/contract';
import type { AnlaufstelleDB } from '../../../../renderer/src/db/db';
import { recordTriage } from '../../../../renderer/src/db/repositories/visits';
import { describeResult, previewRoute, resultAnnouncement, UPLOAD_REMINDER, VERMITTLUNG_CALL, VERMITTLUNG_CALL_AFTER_ACUTE } from '../../../../renderer/src/features/counter/outcome';
import { receiptFor } from '../../../../renderer/src/features/counter/receipt';
import { flowReducer, initialFlow, toTriageInput, type FlowAction } from '../../../../renderer/src/features/counter/triage-flow';
import { AT_BAD_EMS, THU_10, TICKET_DRAFT, ctx, freshDb } from '../db/fixture';

/** Issue #2: what the counter confirms after saving, from the flow through the repository. */

let db: AnlaufstelleDB;
afterEach(async () => {
  await db?.delete();
});

async function save(...actions: FlowAction[]) {
  const state = actions.reduce(flowReducer, initialFlow());
  const input = toTriageInput(state);
  if (!input) throw new Error('flow incomplete');
  return recordTriage(db, input, AT_BAD_EMS, ctx(THU_10));
}

const noNeed: FlowAction = { type: 'setVerbis', value: 'no-need' };
const notFirst: FlowAction = { type: 'setDigital', value: 'not-first-visit' };

describe('confirmation after saving a visit', () => {
  it('SPEC §3: documents handed in are closed at the desk and remind of the digital upload (seed §3.3)', async () => {
    db = await freshDb();
    const result = await save({ type: 'chooseKind', kind: 'quick', advance: true }, { type: 'chooseSubtype', subtype: 'documents', advance: true }, noNeed, notFirst);
    expect(describeResult(result).map((l) => l.text)).toEqual([
      'Schnellanliegen „Unterlagen abgegeben“ an der Anlaufstelle abgeschlossen.',
      UPLOAD_REMINDER,
    ]);
    expect(UPLOAD_REMINDER).toMatch(/jobcenter\.digital/);
    expect(UPLOAD_REMINDER).toMatch(/Upload-Seite/);
    expect(UPLOAD_REMINDER).toMatch(/Jobcenter-App/);
  });

  it('seed §2.3: VerBIS "Ja" at a quick visit hands off to Vermittlung under a call number and asks to call the Fachkraft', async () => {
    db = await freshDb();
    const result = await save(
      { type: 'chooseKind', kind: 'quick', advance: true },
      { type: 'chooseSubtype', subtype: 'flyer', advance: true },
      { type: 'setVerbis', value: 'vermittlung-needed' },
      notFirst,
    );
    const texts = describeResult(result).map((l) => l.text);
    expect(texts).toContain('An die Vermittlung weitergeleitet – Nr. 001');
    expect(texts).toContain(VERMITTLUNG_CALL);
  });

  it('SPEC §3: an acute application is confirmed as acute, with the assigned call number', async () => {
    db = await freshDb();
    const result = await save({ type: 'chooseKind', kind: 'application', advance: true }, { type: 'toggleAcute' }, { type: 'setNewApplication', answer: 'returning' }, { type: 'advance' }, noNeed, notFirst);
    const line = describeResult(result).find((l) => l.text.startsWith('An den Leistungsbereich'));
    expect(line).toEqual({ text: 'An den Leistungsbereich weitergeleitet – Nr. 001 – akute Mittellosigkeit: steht vorn in der Warteschlange', tone: 'warning' });
  });

  it('SPEC §3: acute destitution with a VerBIS need confirms the acute LB hand-off first, the Vermittlungsfachkraft after it', async () => {
    db = await freshDb();
    const result = await save(
      { type: 'chooseKind', kind: 'application', advance: true },
      { type: 'toggleAcute' },
      { type: 'setNewApplication', answer: 'returning' },
      { type: 'advance' },
      { type: 'setVerbis', value: 'vermittlung-needed' },
      notFirst,
    );
    const texts = describeResult(result).map((l) => l.text);
    expect(texts.slice(0, 3)).toEqual([
      'An den Leistungsbereich weitergeleitet – Nr. 001 – akute Mittellosigkeit: steht vorn in der Warteschlange',
      expect.stringMatching(/^An die Vermittlung weitergeleitet – /),
      VERMITTLUNG_CALL_AFTER_ACUTE,
    ]);
  });

  it('seed §4.2: a first visit with the activation code handed out is confirmed as recorded', async () => {
    db = await freshDb();
    const result = await save({ type: 'chooseKind', kind: 'benefits', advance: true }, { type: 'setLabel', label: 'Frau K.' }, { type: 'advance' }, noNeed, {
      type: 'setDigital',
      value: 'code-handed-out',
    });
    const texts = describeResult(result).map((l) => l.text);
    expect(texts).toContain('An den Leistungsbereich weitergeleitet – Frau K.');
    expect(texts).toContain('Erstvorsprache: Freischaltcode und Infobroschüre ausgehändigt – vermerkt.');
  });

  it('SPEC §5: a ticket is confirmed with its reference and due time (Thu 10:00 → Fri 10:00)', async () => {
    db = await freshDb();
    const result = await save({ type: 'chooseKind', kind: 'other', advance: true }, { type: 'ticketDone', ticket: TICKET_DRAFT }, noNeed, notFirst);
    const ref = result.ticket!.ref;
    expect(describeResult(result)[0]).toEqual({ text: `Ticket ${ref} angelegt – Rückruf bis Fr., 27.11.2026, 10:00`, tone: 'success' });
  });

  it('SPEC §9: the receipt holds site, reference, times and department – no name, phone or customer number', async () => {
    db = await freshDb();
    const result = await save({ type: 'chooseKind', kind: 'other', advance: true }, { type: 'ticketDone', ticket: TICKET_DRAFT }, noNeed, notFirst);
    const receipt = receiptFor(result.ticket!, 'Bad Ems');
    expect(receiptSchema.safeParse(receipt).success).toBe(true);
    expect(receipt).toEqual({
      siteName: 'Bad Ems',
      ticketRef: result.ticket!.ref,
      createdAt: '2026-11-26T09:00:00.000Z',
      dueAt: '2026-11-27T09:00:00.000Z',
      departmentLabel: 'Markt & Integration (Vermittlung)',
    });
    const printed = JSON.stringify(receipt);
    for (const personal of [TICKET_DRAFT.customerName, TICKET_DRAFT.phone, TICKET_DRAFT.customerNumber]) expect(printed).not.toContain(personal);
  });
});

describe('preview before saving', () => {
  it('SPEC §3: says what Enter will do – the acute hand-off to LB first, then Vermittlung afterwards or at the same time', () => {
    expect(previewRoute('application', true, 'vermittlung-needed', null, 'not-first-visit').map((l) => l.text)).toEqual([
      'Weiterleitung an den Leistungsbereich – sofort, akute Mittellosigkeit.',
      `Weiterleitung an die Vermittlung. ${VERMITTLUNG_CALL_AFTER_ACUTE}`,
    ]);
  });

  it('seed §2.3: without acute destitution Vermittlung comes first', () => {
    expect(previewRoute('benefits', false, 'vermittlung-needed', null, 'not-first-visit').map((l) => l.text)).toEqual([
      `Weiterleitung an die Vermittlung. ${VERMITTLUNG_CALL}`,
      'Weiterleitung an den Leistungsbereich.',
    ]);
  });

  it('announces a ticket for Sonstige Anliegen and the leaflet at a first visit', () => {
    expect(previewRoute('other', false, null, null, 'code-handed-out').map((l) => l.text)).toEqual([
      'Ein Rückruf-Ticket wird angelegt.',
      'Erstvorsprache: Freischaltcode für jobcenter.digital (OIAM) und Infobroschüre aushändigen.',
    ]);
  });
});

describe('issue 10 item 8: the toast after saving says each line as its own sentence', () => {
  it('acute destitution with a VerBIS need: the acute line and the Vermittlung line do not run together', async () => {
    db = await freshDb();
    const result = await save(
      { type: 'chooseKind', kind: 'application', advance: true },
      { type: 'toggleAcute' },
      { type: 'setNewApplication', answer: 'returning' },
      { type: 'advance' },
      { type: 'setVerbis', value: 'vermittlung-needed' },
      notFirst,
    );
    expect(resultAnnouncement(result)).toBe(
      'An den Leistungsbereich weitergeleitet – Nr. 001 – akute Mittellosigkeit: steht vorn in der Warteschlange. An die Vermittlung weitergeleitet – Nr. 001.',
    );
  });

  it('acute destitution at a first visit: the activation-code note is a sentence of its own', async () => {
    db = await freshDb();
    const result = await save(
      { type: 'chooseKind', kind: 'application', advance: true },
      { type: 'toggleAcute' },
      { type: 'setNewApplication', answer: 'returning' },
      { type: 'advance' },
      noNeed,
      { type: 'setDigital', value: 'code-handed-out' },
    );
    expect(resultAnnouncement(result)).toMatch(/Warteschlange\. \S/);
  });
});

