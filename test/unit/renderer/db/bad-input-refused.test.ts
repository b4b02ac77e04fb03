// Before Dexie loads: it takes the global indexedDB when its module is evaluated.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BRIDGE_FAILURE,
  appInfoSchema,
  notificationSchema,
  parseBridgeInput,
  receiptSchema,
  saveFileSchema,
} from '@shared/bridge/contract';
import type { AnlaufstelleDB } from '../../../../renderer/src/db/db';
import { ValidationError, type WriteContext } from '../../../../renderer/src/db/repositories/base';
import { absencesBetween, absencesOf, cancelAbsence, registerAbsence, updateAbsence } from '../../../../renderer/src/db/repositories/absences';
import { addClosure, closuresBetween, removeClosure } from '../../../../renderer/src/db/repositories/closures';
import { acceptCover, rejectCover, sessionCell, weekBoard, withdrawDecision } from '../../../../renderer/src/db/repositories/cover';
import { loadCoverageData } from '../../../../renderer/src/db/repositories/coverage-data';
import { removeDemoHistory, seedDemoData, seedDirectory } from '../../../../renderer/src/db/repositories/demo';
import { anonymiseFinishedHandoffs, finishHandoff, openHandoffs, takeHandoff } from '../../../../renderer/src/db/repositories/handoffs';
import { inboxFor, inboxForRole, markAllRead, markRead, unreadCount } from '../../../../renderer/src/db/repositories/inbox';
import {
  assignCandidates,
  assignShift,
  draftWeek,
  readDeskMode,
  readDeskModes,
  replaceShift,
  rosterWeek,
  shiftsBetween,
  shiftsOfSiteDay,
  unassignShift,
} from '../../../../renderer/src/db/repositories/roster';
import { updateSiteStaffing } from '../../../../renderer/src/db/repositories/sites';
import { createStaff, deactivateStaff, reactivateStaff, updateStaff } from '../../../../renderer/src/db/repositories/staff';
import { seedStaffingDemo } from '../../../../renderer/src/db/repositories/staffing-demo';
import { ticketsAwaitingContactDueBetween, ticketsOverdueBefore } from '../../../../renderer/src/db/repositories/ticket-queries-today';
import {
  anonymiseDueTickets,
  closeTicket,
  distributeTicket,
  listTickets,
  listTicketsOn,
  logCallbackAttempt,
  recordContact,
} from '../../../../renderer/src/db/repositories/tickets';
import { recordTriage, visitsBetween } from '../../../../renderer/src/db/repositories/visits';
import { AT_BAD_EMS, BAD_EMS, THU_10, application, ctx, freshDb, other } from './fixture';
import { THU, THU_0730, WEEK, as, people } from './staffing-fixture';

/**
 * Issue 10 item 9 "English messages reach clerks", item 10 "Invisible characters are stored",
 * item 5 "Text cut … without a word", item 4 "dates that make no sense": a table of bad inputs fed
 * to every public repository function and to the bridge schemas. Each is refused with a
 * ValidationError whose message is German, and no table changes.
 */

const bad = <T,>(v: unknown) => v as T;

/** What an English default or a raw exception sounds like; none of it may reach a clerk. */
const ENGLISH =
  /\b(invalid|expected|received|must|undefined|null|nan|cannot|is not|read properties|string|number|boolean|object|array|too (big|small)|input|required|failed)\b/i;
/** Every refusal is a German sentence: an umlaut or one of the common German words. */
const GERMAN = /[äöüßÄÖÜ„]|\b(bitte|ist|nicht|der|die|das|ein|eine|einen|höchstens|mindestens|fehlt|fehlen|unbekannte?r?|ungültig|liegt|enthält|wählen|angeben)\b/i;

/** Invisible and control characters (issue 10 item 10), each inside an otherwise valid text. */
const INVISIBLE = {
  'U+202E right-to-left override': '\u202E',
  'U+202A left-to-right embedding': '\u202A',
  'U+2066 left-to-right isolate': '\u2066',
  'U+2067 right-to-left isolate': '\u2067',
  'U+2068 first strong isolate': '\u2068',
  'U+2069 pop directional isolate': '\u2069',
  'U+200E left-to-right mark': '\u200E',
  'U+200F right-to-left mark': '\u200F',
  'U+200B zero-width space': '\u200B',
  'U+200D zero-width joiner': '\u200D',
  'U+2060 word joiner': '\u2060',
  'U+FEFF byte order mark': '\uFEFF',
  'U+00AD soft hyphen': '\u00AD',
  'U+0000 NUL': '\u0000',
  'U+0007 bell': '\u0007',
  'U+001B escape': '\u001B',
  'U+007F delete': '\u007F',
  'U+0085 next line': '\u0085',
  'U+0009 tab': '\t',
  'U+2028 line separator': '\u2028',
  'U+3164 Hangul filler': '\u3164',
} as const;

const smuggled = (text: string) => Object.entries(INVISIBLE).map(([name, ch]) => [name, `${text.slice(0, 3)}${ch}${text.slice(3)}`] as const);

let db: AnlaufstelleDB;
let ticketId: string;
let handoffId: string;
let absenceId: string;
let closureId: string;
let shiftId: string;
let inboxId: string;
let ezId: string;

const now = THU_10;
const ok: WriteContext = ctx();

beforeAll(async () => {
  db = await freshDb();
  ticketId = (await recordTriage(db, other(), AT_BAD_EMS, ok)).ticket!.id;
  handoffId = (await recordTriage(db, application(false, 'Nr. 7'), AT_BAD_EMS, ok)).handoffs[0]!.id;
  await draftWeek(db, WEEK, as('system', THU_0730));
  const [ez] = await people(db, BAD_EMS, 'EZ');
  ezId = ez!.id;
  shiftId = (await db.shifts.where('staffId').equals(ezId).first())!.id;
  const absence = await registerAbsence(db, { staffId: ezId, from: THU, to: THU, reason: 'sickness' }, as('system', THU_0730));
  absenceId = absence.absence.id;
  // The context is checked before the message is looked up: an id of the right form is enough.
  inboxId = 'message-1';
  closureId = (await addClosure(db, { siteId: BAD_EMS, from: '2026-12-10', reason: 'Betriebsausflug' }, ok))[0]!.id;
});

afterAll(async () => {
  await db?.delete();
});

async function everyTable(): Promise<string> {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) out[table.name] = await table.toArray();
  return JSON.stringify(out);
}

type Case = readonly [name: string, call: () => Promise<unknown>];

// ── bad arguments shared by many functions ───────────────────────────────────────────────────

const BAD_CONTEXTS: ReadonlyArray<readonly [string, WriteContext]> = [
  ['no context', bad(undefined)],
  ['an empty context', bad({})],
  ['an empty actor', { actorId: '', now }],
  ['a numeric actor', bad({ actorId: 42, now })],
  ['an actor with a bidi override', { actorId: 'clerk\u202E1', now }],
  ['an Invalid Date', { actorId: 'clerk-ez-1', now: new Date('nonsense') }],
  ['a time as text', bad({ actorId: 'clerk-ez-1', now: '2026-11-26T10:00:00Z' })],
  ['the year 1899', { actorId: 'clerk-ez-1', now: new Date('1899-12-31T10:00:00Z') }],
];

const BAD_IDS: ReadonlyArray<readonly [string, string]> = [
  ['an empty id', ''],
  ['a numeric id', bad(42)],
  ['no id', bad(undefined)],
  ['an object as id', bad({ id: 'x' })],
  ['a 101-character id', 'a'.repeat(101)],
  ['an id with a bidi override', 'abc\u202Edef'],
];

const BAD_DATES: ReadonlyArray<readonly [string, string]> = [
  ['a week like 2026-13-07', '2026-13-07'],
  ['30 February', '2026-02-30'],
  ['01.01.1900', '1900-01-01'],
  ['31.12.9999', '9999-12-31'],
  ['a German date', '26.11.2026'],
  ['a date as number', bad(20261126)],
  ['a Date object', bad(new Date())],
];

const BAD_RETENTION: ReadonlyArray<readonly [string, number]> = [
  ['0 days', 0],
  ['-5 days', -5],
  ['1.5 days', 1.5],
  ['NaN days', Number.NaN],
  ['Infinity', Number.POSITIVE_INFINITY],
  ['"90" as text', bad('90')],
  ['100000 days', 100_000],
];

function texts(name: string, max: number, multiline = false): ReadonlyArray<readonly [string, unknown]> {
  const base = 'Anna Wagner';
  return [
    [`a ${name} of ${max + 1} characters`, 'x'.repeat(max + 1)],
    [`a ${name} of 5000 characters`, 'x'.repeat(5000)],
    [`a ${name} as number`, 42],
    [`a ${name} as object`, { text: base }],
    ...(multiline ? [] : [[`a ${name} with a line break`, 'Anna\nWagner'] as const]),
    ...smuggled(base).map(([what, v]) => [`a ${name} with ${what}`, v] as const),
  ];
}

// ── the table ────────────────────────────────────────────────────────────────────────────────

const writes: Case[] = [];
const add = (name: string, call: () => Promise<unknown>) => writes.push([name, call]);

for (const [what, c] of BAD_CONTEXTS) {
  add(`recordTriage with ${what}`, () => recordTriage(db, other(), AT_BAD_EMS, c));
  add(`distributeTicket with ${what}`, () => distributeTicket(db, ticketId, { assignee: { kind: 'team', department: 'MI', siteId: BAD_EMS } }, c));
  add(`logCallbackAttempt with ${what}`, () => logCallbackAttempt(db, ticketId, { note: 'x' }, c));
  add(`closeTicket with ${what}`, () => closeTicket(db, ticketId, { note: 'x' }, c));
  add(`takeHandoff with ${what}`, () => takeHandoff(db, handoffId, c));
  add(`registerAbsence with ${what}`, () => registerAbsence(db, { staffId: ezId, from: '2026-12-14', to: '2026-12-14', reason: 'vacation' }, c));
  add(`cancelAbsence with ${what}`, () => cancelAbsence(db, absenceId, c));
  add(`removeClosure with ${what}`, () => removeClosure(db, closureId, c));
  add(`addClosure with ${what}`, () => addClosure(db, { siteId: BAD_EMS, from: '2026-12-11', reason: 'Fortbildung' }, c));
  add(`draftWeek with ${what}`, () => draftWeek(db, '2026-11-30', c));
  add(`deactivateStaff with ${what}`, () => deactivateStaff(db, ezId, c));
  add(`markRead with ${what}`, () => markRead(db, inboxId, c));
  add(`anonymiseDueTickets with ${what}`, () => anonymiseDueTickets(db, 90, c));
  add(`removeDemoHistory with ${what}`, () => removeDemoHistory(db, c));
}

for (const [what, id] of BAD_IDS) {
  add(`distributeTicket with ${what}`, () => distributeTicket(db, id, { assignee: { kind: 'team', department: 'MI', siteId: BAD_EMS } }, ok));
  add(`distributeTicket to a person with ${what}`, () => distributeTicket(db, ticketId, { assignee: { kind: 'person', staffId: id } }, ok));
  add(`recordContact with ${what}`, () => recordContact(db, id, { kind: 'reached', note: '' }, ok));
  add(`finishHandoff with ${what}`, () => finishHandoff(db, id, ok));
  add(`updateAbsence with ${what}`, () => updateAbsence(db, id, { note: 'x' }, ok));
  add(`registerAbsence for ${what}`, () => registerAbsence(db, { staffId: id, from: '2026-12-14', to: '2026-12-14', reason: 'vacation' }, ok));
  add(`removeClosure with ${what}`, () => removeClosure(db, id, ok));
  add(`unassignShift with ${what}`, () => unassignShift(db, id, ok));
  add(`replaceShift with ${what}`, () => replaceShift(db, shiftId, id, ok));
  add(`withdrawDecision with ${what}`, () => withdrawDecision(db, id, ok));
  add(`updateStaff with ${what}`, () => updateStaff(db, id, { name: 'Anna Wagner' }, ok));
  add(`reactivateStaff with ${what}`, () => reactivateStaff(db, id, ok));
  add(`updateSiteStaffing with ${what}`, () => updateSiteStaffing(db, id, { minStaff: 1, sessions: [] }, ok));
  add(`createStaff at ${what}`, () => createStaff(db, { name: 'Anna Wagner', homeSiteId: id, roles: ['EZ'], weekdays: [1] }, ok));
}

for (const [what, date] of BAD_DATES) {
  add(`registerAbsence from ${what}`, () => registerAbsence(db, { staffId: ezId, from: date, to: '2026-12-14', reason: 'vacation' }, ok));
  add(`updateAbsence to ${what}`, () => updateAbsence(db, absenceId, { to: date }, ok));
  add(`addClosure on ${what}`, () => addClosure(db, { siteId: BAD_EMS, from: date, reason: 'Fortbildung' }, ok));
  add(`assignShift on ${what}`, () => assignShift(db, { siteId: BAD_EMS, date, sessionStart: '08:00', staffId: ezId }, ok));
  add(`draftWeek of ${what}`, () => draftWeek(db, date, ok));
  add(`recordContact with an appointment on ${what}`, () =>
    recordContact(db, ticketId, { kind: 'appointment', note: '', appointment: { date, time: '10:00', form: 'video' } }, ok),
  );
}

// Issue 10 item 4: plausible windows around today (Thu 26.11.2026).
for (const [what, from, to] of [
  ['from 01.01.1900', '1900-01-01', '2026-12-14'],
  ['until 31.12.9999', '2026-12-14', '9999-12-31'],
  ['ten years long', '2026-12-14', '2036-12-13'],
  ['13 months long', '2026-12-14', '2028-01-13'],
  ['starting more than a year back', '2025-11-01', '2025-11-02'],
  ['ending more than two years ahead', '2028-12-01', '2028-12-02'],
] as const) {
  add(`registerAbsence ${what}`, () => registerAbsence(db, { staffId: ezId, from, to, reason: 'vacation' }, ok));
}
for (const [what, date] of [
  ['on 31.12.2999', '2999-12-31'],
  ['seven months ahead', '2027-06-30'],
  ['yesterday', '2026-11-25'],
] as const) {
  add(`recordContact with an appointment ${what}`, () =>
    recordContact(db, ticketId, { kind: 'appointment', note: '', appointment: { date, time: '10:00', form: 'video' } }, ok),
  );
}
add('addClosure three years ahead', () => addClosure(db, { siteId: BAD_EMS, from: '2029-12-03', reason: 'Fortbildung' }, ok));
add('assignShift three years ahead', () => assignShift(db, { siteId: BAD_EMS, date: '2029-12-03', sessionStart: '08:00', staffId: ezId }, ok));
add('draftWeek three years ahead', () => draftWeek(db, '2029-12-03', ok));
add('draftWeek of a Tuesday', () => draftWeek(db, '2026-12-01', ok));
add('acceptCover three years ahead', () => acceptCover(db, { siteId: BAD_EMS, date: '2029-12-03', sessionStart: '08:00', staffId: ezId }, ok));

// Issue 10 items 5 and 10: every free text – too long, wrong type, invisible characters.
for (const [what, v] of texts('customer name', 80)) add(`recordTriage with ${what}`, () => recordTriage(db, other({ customerName: bad(v) }), AT_BAD_EMS, ok));
for (const [what, v] of texts('concern', 1000, true)) add(`recordTriage with ${what}`, () => recordTriage(db, other({ concern: bad(v) }), AT_BAD_EMS, ok));
for (const [what, v] of texts('callback time', 200)) add(`recordTriage with ${what}`, () => recordTriage(db, other({ preferredTimes: bad(v) }), AT_BAD_EMS, ok));
for (const [what, v] of texts('call label', 80)) add(`recordTriage with ${what}`, () => recordTriage(db, application(false, bad(v)), AT_BAD_EMS, ok));
for (const [what, v] of texts('attempt note', 500, true)) add(`logCallbackAttempt with ${what}`, () => logCallbackAttempt(db, ticketId, { note: bad(v) }, ok));
for (const [what, v] of texts('contact note', 1000, true)) add(`recordContact with ${what}`, () => recordContact(db, ticketId, { kind: 'reached', note: bad(v) }, ok));
for (const [what, v] of texts('close note', 1000, true)) add(`closeTicket with ${what}`, () => closeTicket(db, ticketId, { note: bad(v) }, ok));
for (const [what, v] of texts('absence note', 200)) {
  add(`registerAbsence with ${what}`, () => registerAbsence(db, { staffId: ezId, from: '2026-12-14', to: '2026-12-14', reason: 'vacation', note: bad(v) }, ok));
  add(`updateAbsence with ${what}`, () => updateAbsence(db, absenceId, { note: bad(v) }, ok));
}
for (const [what, v] of texts('closure reason', 120)) add(`addClosure with ${what}`, () => addClosure(db, { siteId: BAD_EMS, from: '2026-12-11', reason: bad(v) }, ok));
for (const [what, v] of texts('staff name', 80)) {
  add(`createStaff with ${what}`, () => createStaff(db, { name: bad(v), homeSiteId: BAD_EMS, roles: ['EZ'], weekdays: [1] }, ok));
  add(`updateStaff with ${what}`, () => updateStaff(db, ezId, { name: bad(v) }, ok));
}
for (const [what, v] of texts('cover note', 300)) {
  add(`rejectCover with ${what}`, () => rejectCover(db, { siteId: BAD_EMS, date: THU, sessionStart: '08:00', staffId: ezId, note: bad(v) }, ok));
}

// Issue 10 item 9: arguments nobody validated – policies, numbers, options, shapes.
for (const [what, policy] of [['a weekly deadline policy', 'weekly'], ['no deadline policy', undefined], ['a numeric policy', 24]] as const) {
  add(`recordTriage with ${what}`, () => recordTriage(db, other(), { siteId: BAD_EMS, deadlinePolicy: bad(policy) }, ok));
}
add('recordTriage without options', () => recordTriage(db, other(), bad(undefined), ok));
add('recordTriage with LB cover "ja"', () => recordTriage(db, other(), { ...AT_BAD_EMS, lbCover: bad('ja') }, ok));
add('recordTriage with a numeric site', () => recordTriage(db, other(), { ...AT_BAD_EMS, siteId: bad(7) }, ok));
add('recordTriage without input', () => recordTriage(db, bad(undefined), AT_BAD_EMS, ok));
add('recordTriage with an unknown concern kind', () => recordTriage(db, bad({ concernKind: 'chat' }), AT_BAD_EMS, ok));
add('recordTriage with a quick visit carrying a name', () => recordTriage(db, bad({ concernKind: 'quick', quickSubtype: 'documents', verbisCheck: 'no-need', digitalCheck: 'not-first-visit', name: 'Anna' }), AT_BAD_EMS, ok));
add('recordTriage with a ticket that is a string', () => recordTriage(db, bad({ concernKind: 'other', verbisCheck: 'no-need', digitalCheck: 'not-first-visit', ticket: 'Anliegen' }), AT_BAD_EMS, ok));
add('recordTriage with a phone with a bidi override', () => recordTriage(db, other({ phone: '02603\u202E123456' }), AT_BAD_EMS, ok));
add('recordTriage with acute "yes"', () => recordTriage(db, bad({ ...application(false), acute: 'yes' }), AT_BAD_EMS, ok));
add('distributeTicket with no assignee', () => distributeTicket(db, ticketId, bad({}), ok));
add('distributeTicket with no input', () => distributeTicket(db, ticketId, bad(undefined), ok));
add('distributeTicket to an unknown kind', () => distributeTicket(db, ticketId, bad({ assignee: { kind: 'robot' } }), ok));
add('distributeTicket to an unknown department', () => distributeTicket(db, ticketId, bad({ assignee: { kind: 'team', department: 'XX', siteId: BAD_EMS } }), ok));
add('distributeTicket from a numeric desk', () => distributeTicket(db, ticketId, { assignee: { kind: 'team', department: 'MI', siteId: BAD_EMS } }, ok, bad({ deskSiteId: 3 })));
add('recordContact of an unknown kind', () => recordContact(db, ticketId, bad({ kind: 'email', note: '' }), ok));
add('recordContact with no input', () => recordContact(db, ticketId, bad(undefined), ok));
add('recordContact with an appointment at 25:00', () => recordContact(db, ticketId, { kind: 'appointment', note: '', appointment: { date: '2026-12-01', time: '25:00', form: 'video' } }, ok));
add('recordContact with an appointment by fax', () => recordContact(db, ticketId, bad({ kind: 'appointment', note: '', appointment: { date: '2026-12-01', time: '10:00', form: 'fax' } }), ok));
add('recordContact with an appointment without details', () => recordContact(db, ticketId, bad({ kind: 'appointment', note: '' }), ok));
add('logCallbackAttempt with no input', () => logCallbackAttempt(db, ticketId, bad(undefined), ok));
add('closeTicket with no input', () => closeTicket(db, ticketId, bad(null), ok));
for (const [what, days] of BAD_RETENTION) {
  add(`anonymiseDueTickets after ${what}`, () => anonymiseDueTickets(db, days, ok));
  add(`anonymiseFinishedHandoffs after ${what}`, () => anonymiseFinishedHandoffs(db, days, ok));
}
add('registerAbsence with an unknown reason', () => registerAbsence(db, bad({ staffId: ezId, from: '2026-12-14', to: '2026-12-14', reason: 'holiday' }), ok));
add('registerAbsence with an unknown half day', () => registerAbsence(db, bad({ staffId: ezId, from: '2026-12-14', to: '2026-12-14', reason: 'vacation', halfDay: 'evening' }), ok));
add('registerAbsence ending before it starts', () => registerAbsence(db, { staffId: ezId, from: '2026-12-14', to: '2026-12-13', reason: 'vacation' }, ok));
add('registerAbsence with no input', () => registerAbsence(db, bad(undefined), ok));
add('updateAbsence with no change', () => updateAbsence(db, absenceId, bad(null), ok));
add('updateAbsence to an unknown kind', () => updateAbsence(db, absenceId, bad({ kind: 'sometimes' }), ok));
add('addClosure for a numeric site', () => addClosure(db, bad({ siteId: 4, from: '2026-12-11', reason: 'Fortbildung' }), ok));
add('addClosure for 40 days', () => addClosure(db, { siteId: BAD_EMS, from: '2026-12-11', to: '2027-01-19', reason: 'Fortbildung' }, ok));
add('assignShift at 8 o’clock without leading zero', () => assignShift(db, { siteId: BAD_EMS, date: '2026-11-30', sessionStart: '8:00', staffId: ezId }, ok));
add('assignShift with no input', () => assignShift(db, bad(undefined), ok));
add('acceptCover with no input', () => acceptCover(db, bad(undefined), ok));
add('acceptCover at a numeric time', () => acceptCover(db, bad({ siteId: BAD_EMS, date: THU, sessionStart: 800, staffId: ezId }), ok));
add('createStaff with an unknown role', () => createStaff(db, bad({ name: 'Anna Wagner', homeSiteId: BAD_EMS, roles: ['CEO'], weekdays: [1] }), ok));
add('createStaff with no role', () => createStaff(db, { name: 'Anna Wagner', homeSiteId: BAD_EMS, roles: [], weekdays: [1] }, ok));
add('createStaff working on day 8', () => createStaff(db, { name: 'Anna Wagner', homeSiteId: BAD_EMS, roles: ['EZ'], weekdays: [8] }, ok));
add('createStaff working on day 1.5', () => createStaff(db, { name: 'Anna Wagner', homeSiteId: BAD_EMS, roles: ['EZ'], weekdays: [1.5] }, ok));
add('createStaff active "ja"', () => createStaff(db, bad({ name: 'Anna Wagner', homeSiteId: BAD_EMS, roles: ['EZ'], weekdays: [1], active: 'ja' }), ok));
add('createStaff with no input', () => createStaff(db, bad(undefined), ok));
add('updateStaff with roles as text', () => updateStaff(db, ezId, bad({ roles: 'EZ' }), ok));
for (const [what, input] of [
  ['minimum 0', { minStaff: 0, sessions: [] }],
  ['minimum 1.5', { minStaff: 1.5, sessions: [] }],
  ['minimum "2"', { minStaff: '2', sessions: [] }],
  ['minimum NaN', { minStaff: Number.NaN, sessions: [] }],
  ['a session on day 8', { minStaff: 1, sessions: [{ weekday: 8, start: '08:00', end: '12:00' }] }],
  ['a session ending before it starts', { minStaff: 1, sessions: [{ weekday: 1, start: '12:00', end: '08:00' }] }],
  ['a session at 24:00', { minStaff: 1, sessions: [{ weekday: 1, start: '08:00', end: '24:00' }] }],
  ['sessions as text', { minStaff: 1, sessions: 'Mo 8-12' }],
  ['no input', undefined],
] as const) {
  add(`updateSiteStaffing with ${what}`, () => updateSiteStaffing(db, BAD_EMS, bad(input), ok));
}
add('markAllRead for no reader', () => markAllRead(db, bad(undefined), ok));
add('markAllRead for an unknown role', () => markAllRead(db, bad({ roles: ['CEO'], homeSiteId: BAD_EMS }), ok));
add('seedDemoData at an Invalid Date', () => seedDemoData(db, new Date('x')));
add('seedDirectory at an Invalid Date', () => seedDirectory(db, new Date('x')));
add('seedStaffingDemo in the year 1970', () => seedStaffingDemo(db, new Date(0)));

const reads: Case[] = [];
const read = (name: string, call: () => Promise<unknown>) => reads.push([name, call]);
for (const [what, date] of BAD_DATES) {
  read(`absencesBetween from ${what}`, () => absencesBetween(db, date, '2026-12-31'));
  read(`closuresBetween until ${what}`, () => closuresBetween(db, '2026-11-01', date));
  read(`shiftsBetween from ${what}`, () => shiftsBetween(db, date, '2026-12-31'));
  read(`shiftsOfSiteDay on ${what}`, () => shiftsOfSiteDay(db, BAD_EMS, date));
  read(`weekBoard of ${what}`, () => weekBoard(db, date, now));
  read(`rosterWeek of ${what}`, () => rosterWeek(db, date));
  read(`loadCoverageData from ${what}`, () => loadCoverageData(db, date, '2026-12-31'));
  read(`assignCandidates on ${what}`, () => assignCandidates(db, { siteId: BAD_EMS, date, sessionStart: '08:00' }));
  read(`sessionCell on ${what}`, () => sessionCell(db, { siteId: BAD_EMS, date, sessionStart: '08:00' }, now));
}
for (const [what, id] of BAD_IDS) {
  read(`openHandoffs of ${what}`, () => openHandoffs(db, id));
  read(`absencesOf ${what}`, () => absencesOf(db, id));
  read(`readDeskMode of ${what}`, () => readDeskMode(db, id, now));
  read(`listTicketsOn ${what}`, () => listTicketsOn(db, [id], null));
  read(`visitsBetween at ${what}`, () => visitsBetween(db, id, now, now));
}
for (const [what, at] of [['an Invalid Date', new Date('x')], ['a string', bad<Date>('2026-11-26')], ['the year 1899', new Date('1899-01-01')]] as const) {
  read(`weekBoard at ${what}`, () => weekBoard(db, WEEK, at));
  read(`readDeskModes at ${what}`, () => readDeskModes(db, at));
  read(`ticketsOverdueBefore ${what}`, () => ticketsOverdueBefore(db, [BAD_EMS], at));
  read(`ticketsAwaitingContactDueBetween ${what}`, () => ticketsAwaitingContactDueBetween(db, [BAD_EMS], at, now));
  read(`visitsBetween until ${what}`, () => visitsBetween(db, BAD_EMS, now, at));
}
read('listTickets with a numeric site', () => listTickets(db, bad({ distributionSiteId: 1, statuses: null })));
read('listTickets with an unknown status', () => listTickets(db, bad({ distributionSiteId: BAD_EMS, statuses: ['lost'] })));
read('listTickets without a query', () => listTickets(db, bad(undefined)));
read('inboxForRole of an unknown role', () => inboxForRole(db, bad('CEO')));
read('inboxForRole with a limit of -1', () => inboxForRole(db, 'FM', null, { limit: -1 }));
read('inboxFor no reader', () => inboxFor(db, bad(null)));
read('unreadCount for roles as text', () => unreadCount(db, bad({ roles: 'FM', homeSiteId: BAD_EMS })));

function expectGermanRefusal(error: unknown): void {
  expect(error).toBeInstanceOf(ValidationError);
  const message = (error as Error).message;
  expect(message, message).toMatch(GERMAN);
  expect(message, message).not.toMatch(ENGLISH);
}

describe('issue 10 items 4, 5, 9, 10: every bad input at the repositories is refused in German, and nothing is written', () => {
  it(`holds at least 200 bad inputs (${writes.length} writes, ${reads.length} reads)`, () => {
    expect(writes.length + reads.length).toBeGreaterThanOrEqual(200);
  });

  it.each(writes)('refuses %s: ValidationError, German, tables unchanged', async (_name, call) => {
    const before = await everyTable();
    const error = await call().then(
      () => undefined,
      (e: unknown) => e,
    );
    expectGermanRefusal(error);
    expect(await everyTable()).toBe(before);
  });

  it.each(reads)('refuses the read %s with a German ValidationError', async (_name, call) => {
    expectGermanRefusal(await call().then(() => undefined, (e: unknown) => e));
  });
});

// ── the bridge schemas (IPC and the web bridge parse with these) ──────────────────────────────

const validReceipt = {
  siteName: 'Bad Ems',
  ticketRef: 'BE-7K3F9Q',
  createdAt: '2026-11-26T09:00:00Z',
  dueAt: '2026-11-27T09:00:00Z',
  departmentLabel: 'Markt & Integration',
};
const validNotification = { title: 'Rückruf fällig', body: 'BE-7K3F9Q ist in 2 Std. fällig.' };
const validFile = { suggestedName: 'tickets.csv', content: 'a;b', mimeType: 'text/csv' };

const bridgeCases: Array<readonly [string, Parameters<typeof parseBridgeInput>[0], unknown]> = [
  ['receipt: nothing', receiptSchema, undefined],
  ['receipt: a string', receiptSchema, 'Beleg'],
  ['receipt: null', receiptSchema, null],
  ['receipt: a created time in 1900', receiptSchema, { ...validReceipt, createdAt: '1900-01-01T09:00:00Z' }],
  ['receipt: due in 2999', receiptSchema, { ...validReceipt, dueAt: '2999-12-31T09:00:00Z' }],
  ['receipt: an unknown key', receiptSchema, { ...validReceipt, phone: '0261 1234' }],
  ['receipt: a numeric ticket ref', receiptSchema, { ...validReceipt, ticketRef: 7 }],
  ['receipt: an appointment note of 201 characters', receiptSchema, { ...validReceipt, appointmentNote: 'x'.repeat(201) }],
  ...smuggled('Bad Ems').map(([what, v]) => [`receipt: site name with ${what}`, receiptSchema, { ...validReceipt, siteName: v }] as const),
  ...smuggled('Markt').map(([what, v]) => [`receipt: department with ${what}`, receiptSchema, { ...validReceipt, departmentLabel: v }] as const),
  ...smuggled('Termin am Montag').map(([what, v]) => [`receipt: appointment note with ${what}`, receiptSchema, { ...validReceipt, appointmentNote: v }] as const),
  ['notification: nothing', notificationSchema, undefined],
  ['notification: a numeric title', notificationSchema, { ...validNotification, title: 5 }],
  ['notification: a body of 501 characters', notificationSchema, { ...validNotification, body: 'x'.repeat(501) }],
  ['notification: no body', notificationSchema, { title: 'Hallo' }],
  ['notification: a tag with spaces', notificationSchema, { ...validNotification, tag: 'a b' }],
  ...smuggled('Rückruf fällig').map(([what, v]) => [`notification: title with ${what}`, notificationSchema, { ...validNotification, title: v }] as const),
  ...smuggled('Rückruf fällig')
    .filter(([what]) => what !== 'U+0009 tab')
    .map(([what, v]) => [`notification: body with ${what}`, notificationSchema, { ...validNotification, body: v }] as const),
  ['file: nothing', saveFileSchema, undefined],
  ['file: a path', saveFileSchema, { ...validFile, suggestedName: '../x.csv' }],
  ['file: a numeric content', saveFileSchema, { ...validFile, content: 1 }],
  ['file: an exe', saveFileSchema, { ...validFile, mimeType: 'application/x-msdownload' }],
  ['file: a bidi-reversed name', saveFileSchema, { ...validFile, suggestedName: 'rechnung\u202Evsc.exe' }],
  ['app info: an argument', appInfoSchema, { verbose: true }],
];

describe('issue 10 items 9, 10: the bridge schemas refuse bad input in German', () => {
  it.each(bridgeCases)('refuses %s', (_name, schema, raw) => {
    const result = parseBridgeInput(schema, raw, BRIDGE_FAILURE.notify);
    expect(result.ok).toBe(false);
    const message = result.ok ? '' : result.error;
    expect(message, message).toMatch(GERMAN);
    expect(message, message).not.toMatch(ENGLISH);
  });
});
