import { z } from 'zod';
import { appointmentSchema, ticketAssigneeSchema } from './records';
import { DEPARTMENTS, DIGITAL_CHECKS, QUICK_SUBTYPES, VERBIS_CHECKS } from './vocabulary';

/**
 * What users type, validated once here and used by both the forms and the repositories
 * (a repository refuses what a form would refuse: bad input writes nothing). Messages are German
 * because they are shown to the clerk as they are.
 */

const trimmed = (max: number, tooLong: string) => z.string().trim().max(max, { error: tooLong });

export const phoneSchema = z
  .string()
  .trim()
  .min(1, { error: 'Bitte eine Rückrufnummer angeben.' })
  .regex(/^\+?[0-9][0-9 ()/-]*$/, { error: 'Die Rückrufnummer darf nur Ziffern, Leerzeichen, +, /, - und Klammern enthalten.' })
  .refine((v) => v.replace(/\D/g, '').length >= 6 && v.replace(/\D/g, '').length <= 16, {
    error: 'Die Rückrufnummer muss 6 bis 16 Ziffern haben.',
  });

/** Kundennummer or BG-Nummer: optional, letters and digits only (e.g. 12345BG0012345). */
export const customerNumberSchema = z
  .string()
  .trim()
  .transform((v) => v.replace(/\s+/g, '').toUpperCase())
  .refine((v) => v === '' || /^[0-9A-Z]{6,20}$/.test(v), {
    error: 'Kunden- oder BG-Nummer: 6 bis 20 Buchstaben und Ziffern.',
  })
  .transform((v) => (v === '' ? null : v));

/** The callback ticket form of a "Sonstige Anliegen" visit (SPEC §5). */
export const ticketDraftSchema = z.object({
  department: z.enum(DEPARTMENTS, { error: 'Bitte den zuständigen Fachbereich wählen.' }),
  concern: z
    .string()
    .trim()
    .min(3, { error: 'Bitte das Anliegen kurz beschreiben (mindestens 3 Zeichen).' })
    .max(1000, { error: 'Das Anliegen ist zu lang (höchstens 1000 Zeichen).' }),
  customerName: z
    .string()
    .trim()
    .min(2, { error: 'Bitte den Namen der Kundin / des Kunden angeben.' })
    .max(80, { error: 'Der Name ist zu lang (höchstens 80 Zeichen).' }),
  phone: phoneSchema,
  preferredTimes: trimmed(200, 'Die Rückrufzeiten sind zu lang (höchstens 200 Zeichen).').min(1, {
    error: 'Bitte angeben, wann die Kundin / der Kunde erreichbar ist.',
  }),
  customerNumber: customerNumberSchema,
});
export type TicketDraftInput = z.input<typeof ticketDraftSchema>;
export type TicketDraft = z.output<typeof ticketDraftSchema>;

const labelSchema = trimmed(80, 'Name oder Aufrufnummer ist zu lang (höchstens 80 Zeichen).');

const checks = {
  verbisCheck: z.enum(VERBIS_CHECKS, { error: 'Bitte den letzten VerBIS-Vermerk prüfen.' }),
  digitalCheck: z.enum(DIGITAL_CHECKS, { error: 'Bitte die Frage zur Erstvorsprache beantworten.' }),
};

/**
 * One triaged visit (SPEC §3). A quick request carries no personal data at all: the schema has no
 * field for it, and `strictObject` refuses one that is sent anyway.
 */
export const triageInputSchema = z.discriminatedUnion('concernKind', [
  z.strictObject({
    concernKind: z.literal('quick'),
    quickSubtype: z.enum(QUICK_SUBTYPES, { error: 'Bitte die Art des Schnellanliegens wählen.' }),
    ...checks,
  }),
  z.strictObject({
    concernKind: z.literal('application'),
    acute: z.boolean(),
    label: labelSchema,
    ...checks,
  }),
  z.strictObject({
    concernKind: z.literal('benefits'),
    label: labelSchema,
    ...checks,
  }),
  z.strictObject({
    concernKind: z.literal('other'),
    ticket: ticketDraftSchema,
    ...checks,
  }),
]);
export type TriageInput = z.input<typeof triageInputSchema>;
export type TriageParsed = z.output<typeof triageInputSchema>;

export const distributeInputSchema = z.object({ assignee: ticketAssigneeSchema });
export type DistributeInput = z.infer<typeof distributeInputSchema>;

export const attemptInputSchema = z.object({
  note: trimmed(500, 'Die Notiz ist zu lang (höchstens 500 Zeichen).'),
});

export const contactInputSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('reached'), note: trimmed(1000, 'Die Notiz ist zu lang (höchstens 1000 Zeichen).') }),
  z.object({
    kind: z.literal('appointment'),
    note: trimmed(1000, 'Die Notiz ist zu lang (höchstens 1000 Zeichen).'),
    appointment: appointmentSchema,
  }),
]);
export type ContactInput = z.infer<typeof contactInputSchema>;

export const closeInputSchema = z.object({
  note: trimmed(1000, 'Die Notiz ist zu lang (höchstens 1000 Zeichen).'),
});

/** First German message of a failed parse – what the UI shows next to the form. */
export function firstIssueMessage(error: z.ZodError): string {
  return error.issues[0]?.message ?? 'Ungültige Eingabe.';
}
