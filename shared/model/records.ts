import { z } from 'zod';
import {
  APPOINTMENT_FORMS,
  CONCERN_KINDS,
  DEPARTMENTS,
  DIGITAL_CHECKS,
  HANDOFF_STATUSES,
  HANDOFF_TARGETS,
  QUICK_SUBTYPES,
  ROLES,
  TICKET_STATUSES,
  VERBIS_CHECKS,
  VISIT_OUTCOMES,
} from './vocabulary';

/**
 * Stored records. Every record is sync-ready (SPEC §9): a client-made random id, created/updated
 * time and author, and a tombstone instead of a delete. Timestamps are ISO-8601 UTC strings so
 * they sort as strings in IndexedDB indexes and replay identically on every machine.
 */
export const isoInstant = z.iso.datetime({ offset: false });
export const isoDate = z.iso.date({ error: 'Bitte ein gültiges Datum angeben.' });
export const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'Uhrzeit im Format HH:MM angeben.' });

export const baseRecordSchema = z.object({
  id: z.string().min(1),
  createdAt: isoInstant,
  createdBy: z.string().min(1),
  updatedAt: isoInstant,
  updatedBy: z.string().min(1),
  /** Tombstone (SPEC §9): set instead of deleting, so a sync can replay the delete. */
  deletedAt: isoInstant.nullable(),
  /**
   * Marks records made by the demo seed, so the demo setting can remove exactly them. Demo rows are
   * local-only: they never get outbox rows and a sync must never send them (SPEC §9 sync is for
   * real records only).
   */
  demo: z.boolean().optional(),
  /**
   * 1 on demo rows, absent on real ones: IndexedDB cannot index booleans, so this copy of `demo`
   * is what the sparse 'demoKey' index (schema version 3) holds – only demo rows are in it.
   */
  demoKey: z.literal(1).optional(),
});
export type BaseRecord = z.infer<typeof baseRecordSchema>;

export const openingSessionSchema = z.object({
  weekday: z.number().int().min(1).max(7),
  start: hhmm,
  end: hhmm,
});
export type OpeningSession = z.infer<typeof openingSessionSchema>;

export const siteSchema = baseRecordSchema.extend({
  name: z.string().min(1).max(60),
  /** Two-letter prefix of ticket references printed on receipts. */
  code: z.string().regex(/^[A-Z]{2}$/),
  /** Seed §4.5 / SPEC §6: minimum desk staff per opening session. */
  minStaff: z.number().int().min(1).max(10),
  /** Seed §4.1: free access Mon, Tue, Thu, Fri 08:00–12:00. */
  sessions: z.array(openingSessionSchema),
});
export type Site = z.infer<typeof siteSchema>;

export const staffSchema = baseRecordSchema.extend({
  name: z.string().min(1).max(80),
  homeSiteId: z.string().min(1),
  roles: z.array(z.enum(ROLES)).min(1),
  /** ISO weekdays (Mon = 1) the person works – part-time pattern for the roster draft. */
  weekdays: z.array(z.number().int().min(1).max(7)),
  active: z.boolean(),
});
export type Staff = z.infer<typeof staffSchema>;

export const visitSchema = baseRecordSchema.extend({
  siteId: z.string().min(1),
  arrivedAt: isoInstant,
  concernKind: z.enum(CONCERN_KINDS),
  quickSubtype: z.enum(QUICK_SUBTYPES).nullable(),
  acute: z.boolean(),
  outcome: z.enum(VISIT_OUTCOMES),
  verbisCheck: z.enum(VERBIS_CHECKS),
  digitalCheck: z.enum(DIGITAL_CHECKS),
  servedBy: z.string().min(1),
  handoffIds: z.array(z.string()),
  ticketId: z.string().nullable(),
  /** Whether the desk was staffed by LB cover when the visit was recorded (seed §4.5). */
  lbCover: z.boolean(),
});
export type Visit = z.infer<typeof visitSchema>;

export const handoffSchema = baseRecordSchema.extend({
  siteId: z.string().min(1),
  visitId: z.string().min(1),
  target: z.enum(HANDOFF_TARGETS),
  concernKind: z.enum(CONCERN_KINDS),
  acute: z.boolean(),
  /** A name or the call number – whatever the visitor agreed to be called by. */
  label: z.string().min(1).max(80),
  waitingSince: isoInstant,
  status: z.enum(HANDOFF_STATUSES),
  takenBy: z.string().nullable(),
  takenAt: isoInstant.nullable(),
  finishedAt: isoInstant.nullable(),
  /**
   * SPEC §9 retention: when the period for the label starts running (= finishedAt). Present only
   * while a finished hand-off still holds its label, so the sparse 'retentionStart' index (schema
   * version 3) lists exactly the rows the retention job may still have to anonymise.
   */
  retentionStart: isoInstant.optional(),
  /**
   * Issue 7 item 6: a projection for a PC outside the record's scope – its personal fields hold
   * placeholders (shared/auth/scope.ts). Never stored on the server.
   */
  restricted: z.literal(true).optional(),
});
export type Handoff = z.infer<typeof handoffSchema>;

export const ticketAssigneeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('team'), department: z.enum(DEPARTMENTS), siteId: z.string().min(1) }),
  z.object({ kind: z.literal('person'), staffId: z.string().min(1) }),
]);
export type TicketAssignee = z.infer<typeof ticketAssigneeSchema>;

export const callbackAttemptSchema = z.object({
  id: z.string().min(1),
  at: isoInstant,
  by: z.string().min(1),
  note: z.string().max(500),
});
export type CallbackAttempt = z.infer<typeof callbackAttemptSchema>;

export const appointmentSchema = z.object({
  date: isoDate,
  time: hhmm,
  form: z.enum(APPOINTMENT_FORMS, { error: 'Bitte die Form des Termins wählen (persönlich, Video oder Telefon).' }),
});
export type Appointment = z.infer<typeof appointmentSchema>;

export const ticketContactSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('reached'), at: isoInstant, by: z.string().min(1), note: z.string().max(1000) }),
  z.object({
    kind: z.literal('appointment'),
    at: isoInstant,
    by: z.string().min(1),
    note: z.string().max(1000),
    appointment: appointmentSchema,
  }),
]);
export type TicketContact = z.infer<typeof ticketContactSchema>;

export const callbackTicketSchema = baseRecordSchema.extend({
  /** Short reference printed on the receipt, e.g. "BE-7K3F". */
  ref: z.string().min(1),
  /** Where the ticket was created. */
  siteId: z.string().min(1),
  /** Whose Ticketverteilung list it is on: a staffed site while the desk is in LB cover (seed §4.5). */
  distributionSiteId: z.string().min(1),
  visitId: z.string().nullable(),
  department: z.enum(DEPARTMENTS),
  concern: z.string(),
  customerName: z.string(),
  customerNumber: z.string().nullable(),
  phone: z.string(),
  preferredTimes: z.string(),
  dueAt: isoInstant,
  deadlinePolicy: z.enum(['working-days', 'calendar']),
  status: z.enum(TICKET_STATUSES),
  assignee: ticketAssigneeSchema.nullable(),
  attempts: z.array(callbackAttemptSchema),
  contact: ticketContactSchema.nullable(),
  closedAt: isoInstant.nullable(),
  closeNote: z.string().max(1000),
  /** SPEC §9: personal data of closed tickets is removed after the retention period. */
  anonymisedAt: isoInstant.nullable(),
  /**
   * SPEC §9 retention: when the period starts running (= closedAt). Present only while a closed
   * ticket still holds personal data, so the sparse 'retentionStart' index (schema version 3) lists
   * exactly the tickets the retention job may still have to anonymise.
   */
  retentionStart: isoInstant.optional(),
  /**
   * Issue 7 item 6: a projection for a PC outside the record's scope – its personal fields hold
   * placeholders (shared/auth/scope.ts). Never stored on the server.
   */
  restricted: z.literal(true).optional(),
});
export type CallbackTicket = z.infer<typeof callbackTicketSchema>;

/** One row per write, for the sync service to come (SPEC §9: one write path, replayable). */
export const outboxEntrySchema = z.object({
  id: z.string().min(1),
  table: z.string().min(1),
  recordId: z.string().min(1),
  op: z.enum(['put', 'delete']),
  at: isoInstant,
  by: z.string().min(1),
  /** Issue 6: hybrid-logical-clock stamp (shared/sync/hlc.ts); the push order and the LWW clock. */
  hlc: z.string().min(1),
  /** The repository transaction the write belongs to: the server applies a group all or nothing. */
  txId: z.string().min(1),
  /** Set when the server refused the change as malformed: kept (nothing is lost), not resent. */
  held: z.string().optional(),
  /** The fields the write changed (per-field LWW, SYNC.md §3); absent: a new record, all fields. */
  fields: z.array(z.string().min(1)).optional(),
  /** Issue 7 item 3: the author's proof for this record, made while the author was signed in here. */
  proof: z.string().optional(),
  /** Held because the service could not prove the author's sign-in: sent again after a sign-in. */
  unproven: z.literal(true).optional(),
});
export type OutboxEntry = z.infer<typeof outboxEntrySchema>;
