import { z } from 'zod';
import { APPOINTMENT_FORMS, DEPARTMENTS, DIGITAL_CHECKS, QUICK_SUBTYPES, VERBIS_CHECKS } from './vocabulary';
import { DATE_WINDOWS, idSchema, isoDateInput, outsideWindow, text } from './text';

/**
 * What users type, validated once here and used by both the forms and the repositories
 * (a repository refuses what a form would refuse: bad input writes nothing). Messages are German
 * because they are shown to the clerk as they are.
 */

/** Free-text maxima, stated in the forms ("höchstens … Zeichen") and refused beyond (issue 10 item 5). */
export const TEXT_LIMITS = {
  concern: 1000,
  customerName: 80,
  preferredTimes: 200,
  label: 80,
  attemptNote: 500,
  contactNote: 1000,
  closeNote: 1000,
} as const;

export const phoneSchema = text({ label: 'Die Rückrufnummer', max: 40, min: 1, tooShort: 'Bitte eine Rückrufnummer angeben.' })
  .regex(/^\+?[0-9][0-9 ()/-]*$/, { error: 'Die Rückrufnummer darf nur Ziffern, Leerzeichen, +, /, - und Klammern enthalten.' })
  .refine((v) => v.replace(/\D/g, '').length >= 6 && v.replace(/\D/g, '').length <= 16, {
    error: 'Die Rückrufnummer muss 6 bis 16 Ziffern haben.',
  });

/** Kundennummer or BG-Nummer: optional, letters and digits only (e.g. 12345BG0012345). */
export const customerNumberSchema = text({ label: 'Die Kunden- oder BG-Nummer', max: 40 })
  .transform((v) => v.replace(/\s+/g, '').toUpperCase())
  .refine((v) => v === '' || /^[0-9A-Z]{6,20}$/.test(v), {
    error: 'Kunden- oder BG-Nummer: 6 bis 20 Buchstaben und Ziffern.',
  })
  .transform((v) => (v === '' ? null : v));

/** The callback ticket form of a "Sonstige Anliegen" visit (SPEC §5). */
export const ticketDraftSchema = z.object({
  department: z.enum(DEPARTMENTS, { error: 'Bitte den zuständigen Fachbereich wählen.' }),
  concern: text({
    label: 'Das Anliegen',
    max: TEXT_LIMITS.concern,
    min: 3,
    tooShort: 'Bitte das Anliegen kurz beschreiben (mindestens 3 Zeichen).',
    multiline: true,
  }),
  customerName: text({ label: 'Der Name', max: TEXT_LIMITS.customerName, min: 2, tooShort: 'Bitte den Namen der Kundin / des Kunden angeben.' }),
  phone: phoneSchema,
  preferredTimes: text({
    label: 'Die Rückrufzeiten',
    max: TEXT_LIMITS.preferredTimes,
    min: 1,
    tooShort: 'Bitte angeben, wann die Kundin / der Kunde erreichbar ist.',
  }),
  customerNumber: customerNumberSchema,
}, { error: 'Bitte das Rückrufticket ausfüllen.' });
export type TicketDraftInput = z.input<typeof ticketDraftSchema>;
export type TicketDraft = z.output<typeof ticketDraftSchema>;

/** How a handed-off visitor is called (SPEC §4): a name or a call number, may be empty. */
export const handoffLabelSchema = text({ label: 'Name oder Aufrufnummer', max: TEXT_LIMITS.label });
const labelSchema = handoffLabelSchema;

/**
 * The intake data of a new customer (issue 9 item 1, seed §1.1): no more than the intake needs –
 * name, date of birth or BG number (at least one), phone (optional).
 */
export const NEW_CUSTOMER_NAME_MAX = 120;
export const newCustomerPersonSchema = z
  .strictObject({
    name: text({ label: 'Der Name', max: NEW_CUSTOMER_NAME_MAX, min: 1, tooShort: 'Bitte den Namen der antragstellenden Person angeben.' }),
    birthDate: z.union([
      z.literal('').transform(() => null),
      z.iso
        .date({ error: 'Das Geburtsdatum: bitte ein gültiges Datum angeben (TT.MM.JJJJ).' })
        .refine((d) => d >= '1900-01-01', { error: 'Das Geburtsdatum liegt vor 1900. Bitte prüfen.' }),
    ]),
    bgNumber: customerNumberSchema,
    phone: z.union([z.literal('').transform(() => ''), phoneSchema]),
  })
  .refine((p) => p.birthDate !== null || p.bgNumber !== null, {
    error: 'Bitte das Geburtsdatum oder die BG-Nummer angeben.',
    path: ['birthDate'],
  });
export type NewCustomerPersonInput = z.input<typeof newCustomerPersonSchema>;
export type NewCustomerPerson = z.output<typeof newCustomerPersonSchema>;

/**
 * Seed §1 "Neukunde": the counter asks at an Antragstellung whether the last benefit in the JC
 * Rhein-Lahn ended more than 2 months ago or never ('new') or within the last 2 months ('returning').
 */
export const NEW_APPLICATION_ANSWERS = ['new', 'returning'] as const;
export type NewApplicationAnswer = (typeof NEW_APPLICATION_ANSWERS)[number];

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
    acute: z.boolean({ error: 'Bitte angeben, ob akute Mittellosigkeit vorliegt.' }),
    label: labelSchema,
    /** Issue 9 item 1: asked at the counter; 'new' starts the new-customer record with the hand-off. */
    newApplication: z.enum(NEW_APPLICATION_ANSWERS, { error: 'Bitte angeben, ob es ein Neuantrag ist.' }).optional(),
    newCustomer: newCustomerPersonSchema.optional(),
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
], { error: 'Bitte die Art des Anliegens wählen.' });
export type TriageInput = z.input<typeof triageInputSchema>;
export type TriageParsed = z.output<typeof triageInputSchema>;

export const ticketAssigneeInputSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({
      kind: z.literal('team'),
      department: z.enum(DEPARTMENTS, { error: 'Bitte den zuständigen Fachbereich wählen.' }),
      siteId: idSchema('den Standort'),
    }),
    z.object({ kind: z.literal('person'), staffId: idSchema('die Person') }),
  ],
  { error: 'Bitte ein Team oder eine Person wählen.' },
);

export const distributeInputSchema = z.object(
  { assignee: ticketAssigneeInputSchema },
  { error: 'Bitte angeben, an wen das Ticket geht.' },
);
export type DistributeInput = z.infer<typeof distributeInputSchema>;

export const attemptInputSchema = z.object(
  { note: text({ label: 'Die Notiz', max: TEXT_LIMITS.attemptNote, multiline: true }) },
  { error: 'Bitte eine Notiz zum Versuch angeben (darf leer sein).' },
);

const contactNote = text({ label: 'Die Notiz', max: TEXT_LIMITS.contactNote, multiline: true });

/** Date, time and form of an appointment given on the callback (SPEC §5). */
export const appointmentInputSchema = z.object(
  {
    date: isoDateInput('Datum des Termins', 'Bitte ein gültiges Datum angeben.'),
    time: z.string({ error: 'Uhrzeit im Format HH:MM angeben.' }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, {
      error: 'Uhrzeit im Format HH:MM angeben.',
    }),
    form: z.enum(APPOINTMENT_FORMS, { error: 'Bitte die Form des Termins wählen (persönlich, Video oder Telefon).' }),
  },
  { error: 'Bitte Datum, Uhrzeit und Form des Termins angeben.' },
);

export const contactInputSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('reached'), note: contactNote }),
    z.object({ kind: z.literal('appointment'), note: contactNote, appointment: appointmentInputSchema }),
  ],
  { error: 'Bitte wählen: erreicht oder Termin vereinbart.' },
);
export type ContactInput = z.infer<typeof contactInputSchema>;

/**
 * The contact as recorded on `today` (Berlin date): an appointment at most six months ahead
 * (DATE_WINDOWS.appointment). That it lies in the future is checked to the minute at the write.
 */
export function contactInputSchemaOn(today: string) {
  return contactInputSchema.superRefine((c, ctx) => {
    if (c.kind !== 'appointment') return;
    const refusal = outsideWindow('Der Termin', c.appointment.date, today, DATE_WINDOWS.appointment);
    if (refusal) ctx.addIssue({ code: 'custom', message: refusal, path: ['appointment', 'date'] });
  });
}

export const closeInputSchema = z.object(
  { note: text({ label: 'Die Notiz', max: TEXT_LIMITS.closeNote, multiline: true }) },
  { error: 'Bitte eine Abschlussnotiz angeben (darf leer sein).' },
);

/** First German message of a failed parse – what the UI shows next to the form. */
export function firstIssueMessage(error: z.ZodError): string {
  return error.issues[0]?.message ?? 'Ungültige Eingabe.';
}
