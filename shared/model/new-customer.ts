import { z } from 'zod';
import { baseRecordSchema, hhmm, isoDate, isoInstant } from './records';
import { newCustomerPersonSchema } from './inputs';
import { idSchema, isoDateInput, text } from './text';
export { newCustomerPersonSchema, type NewCustomerPerson, type NewCustomerPersonInput } from './inputs';
import { APPLICATION_CHANNELS } from '../domain/new-customer';

/**
 * Neukunden (issue 9, seed §1, §1.1, §1.2, §4.2, §4.5): the new-customer record the Eingangszone
 * ("Kundenbüro") keeps from the application to the Leistungsbereich's intake check, and the group
 * sessions for new customers. The deadlines are computed by shared/domain/new-customer.ts.
 */

// How the application arrived (seed §1.1): the channels and their labels live with the deadline rules.
export { APPLICATION_CHANNELS, APPLICATION_CHANNEL_LABELS, type ApplicationChannel } from '../domain/new-customer';

/**
 * The same-day steps of the Eingangszone (seed §1.1), each ticked with who and when. Each is a
 * field of its own, so two PCs ticking different steps at once both keep theirs (per-field merge).
 */
export const NEW_CUSTOMER_STEPS = ['stepStep', 'stepVerbis', 'stepAnnounced', 'stepActivation'] as const;
export type NewCustomerStep = (typeof NEW_CUSTOMER_STEPS)[number];
export const NEW_CUSTOMER_STEP_LABELS: Record<NewCustomerStep, string> = {
  stepStep: 'Mitglieder der Bedarfsgemeinschaft in STEP erfasst',
  stepVerbis: 'Grunddaten in VerBIS erfasst',
  stepAnnounced: 'Datensatz an die Arbeitsvermittlung gemeldet',
  stepActivation: 'Freischaltcode für jobcenter.digital ausgehändigt oder nicht nötig',
};

/** Seed §4.2: the activation code is handed out, or not needed after a digital main application. */
export const ACTIVATION_OUTCOMES = ['handed-out', 'not-needed'] as const;
export type ActivationOutcome = (typeof ACTIVATION_OUTCOMES)[number];
export const ACTIVATION_OUTCOME_LABELS: Record<ActivationOutcome, string> = {
  'handed-out': 'ausgehändigt',
  'not-needed': 'nicht nötig (digitaler Hauptantrag)',
};

export const stepMarkSchema = z.object({ at: isoInstant, by: z.string().min(1) });
export type StepMark = z.infer<typeof stepMarkSchema>;

export const invitationSchema = z.object({ sessionId: z.string().min(1), at: isoInstant, by: z.string().min(1) });
export type Invitation = z.infer<typeof invitationSchema>;

export const newCustomerSchema = baseRecordSchema.extend({
  /** The worklist it is on: the desk's site, or the distribution site while LB covers the desk (§4.5). */
  siteId: z.string().min(1),
  /** Where the application was taken. */
  recordedAtSiteId: z.string().min(1),
  /** The counter visit it started with (personal applications). */
  visitId: z.string().nullable(),
  channel: z.enum(APPLICATION_CHANNELS),
  /** When the application was made: the visit's arrival, or 00:00 Berlin of the day of application. */
  appliedAt: isoInstant,
  name: z.string(),
  birthDate: isoDate.nullable(),
  bgNumber: z.string().nullable(),
  phone: z.string(),
  /** The counter's answer (seed §1 definition): last benefit ended more than 2 months ago, or never. */
  intakeDueAt: isoInstant,
  refusalDueAt: isoInstant,
  stepsDueAt: isoInstant,
  stepStep: stepMarkSchema.nullable(),
  stepVerbis: stepMarkSchema.nullable(),
  stepAnnounced: stepMarkSchema.nullable(),
  stepActivation: stepMarkSchema.extend({ outcome: z.enum(ACTIVATION_OUTCOMES) }).nullable(),
  /** Seed §1.2: the invitation with Rechtsfolgenbelehrung to a group session. */
  invitation: invitationSchema.nullable(),
  /** Seed §1.2 "Meldeversäumnis": sessions the applicant did not come to. */
  noShows: z.array(invitationSchema.extend({ id: z.string().min(1) })),
  /** The Leistungsbereich's intake check (Eingangsprüfung) finished. */
  intakeDone: stepMarkSchema.nullable(),
  /** Closed by refusal for lack of cooperation. */
  refused: stepMarkSchema.nullable(),
  /** SPEC §9: personal data removed after the retention period once closed. */
  anonymisedAt: isoInstant.nullable(),
  retentionStart: isoInstant.optional(),
  /**
   * Issue 7 item 6: a projection for a PC outside the record's scope – its personal fields hold
   * placeholders (shared/auth/scope.ts). Never stored on the server.
   */
  restricted: z.literal(true).optional(),
});
export type NewCustomer = z.infer<typeof newCustomerSchema>;

/** Seed §1.2: a site's group information sessions for new customers. */
export const groupSessionSchema = baseRecordSchema.extend({
  siteId: z.string().min(1),
  date: isoDate,
  time: hhmm,
  room: z.string(),
  capacity: z.number().int().min(1).max(500),
});
export type GroupSession = z.infer<typeof groupSessionSchema>;

// ── inputs ──────────────────────────────────────────────────────────────────────────────────

export const NEW_CUSTOMER_TEXT_LIMITS = { name: 120, room: 60 } as const;

/** Issue 9 item 2: an application that arrived digitally, in writing or by phone. */
export const otherChannelApplicationSchema = z.strictObject({
  channel: z.enum(['digital', 'written', 'phone'], { error: 'Bitte wählen, wie der Antrag einging.' }),
  appliedOn: isoDateInput('Der Tag der Antragstellung'),
  person: newCustomerPersonSchema,
});
export type OtherChannelApplicationInput = z.input<typeof otherChannelApplicationSchema>;

export const groupSessionInputSchema = z.strictObject({
  siteId: idSchema('den Standort'),
  date: isoDateInput('Der Termin'),
  time: hhmm,
  room: text({ label: 'Der Raum', max: NEW_CUSTOMER_TEXT_LIMITS.room, min: 1, tooShort: 'Bitte den Raum angeben.' }),
  capacity: z.coerce
    .number({ error: 'Bitte die Zahl der Plätze angeben.' })
    .int({ error: 'Die Zahl der Plätze muss eine ganze Zahl sein.' })
    .min(1, { error: 'Mindestens 1 Platz.' })
    .max(500, { error: 'Höchstens 500 Plätze.' }),
});
export type GroupSessionInput = z.input<typeof groupSessionInputSchema>;
