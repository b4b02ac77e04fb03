import { z } from 'zod';
import { baseRecordSchema, hhmm, isoDate, isoInstant } from './records';
import { normalisePersonName } from './people';
import { ROLES } from './vocabulary';

/**
 * Desk staffing and Vertretung (seed §4.5 "Besetzung der Anlaufstelle", SPEC §6): absences, the
 * desk roster, closure days, cover decisions and the role inbox. Records follow SPEC §9 (id,
 * stamps, tombstone); input schemas carry the German messages the staffing screens show as is.
 */

// ── vocabulary ────────────────────────────────────────────────────────────────────────────────

/** SPEC §1 "Abwesenheit (geplant / ungeplant)". */
export const ABSENCE_KINDS = ['planned', 'unplanned'] as const;
export type AbsenceKind = (typeof ABSENCE_KINDS)[number];
export const ABSENCE_KIND_LABELS: Record<AbsenceKind, string> = { planned: 'geplant', unplanned: 'ungeplant' };

/** Issue #3 item 4: planned (vacation, training) or unplanned (sickness, short notice). */
export const ABSENCE_REASONS = ['vacation', 'training', 'sickness', 'short-notice', 'other'] as const;
export type AbsenceReason = (typeof ABSENCE_REASONS)[number];
export const ABSENCE_REASON_LABELS: Record<AbsenceReason, string> = {
  vacation: 'Urlaub',
  training: 'Fortbildung',
  sickness: 'Krankheit',
  'short-notice': 'Kurzfristiger Ausfall',
  other: 'Sonstiges',
};

/**
 * Half days: 'am' = the morning (before 12:00), 'pm' = from 12:00 on. An absence is absent in a
 * session when the session overlaps that half (see shared/domain/coverage.ts `absentInSession`):
 * an 'am' absence takes out the 08:00–12:00 session, a 'pm' absence does not.
 */
export const HALF_DAYS = ['none', 'am', 'pm'] as const;
export type HalfDay = (typeof HALF_DAYS)[number];
export const HALF_DAY_LABELS: Record<HalfDay, string> = { none: 'ganztägig', am: 'vormittags', pm: 'nachmittags' };

/** Where a roster entry came from: the weekday pattern draft, a manual entry, an accepted cover. */
export const SHIFT_SOURCES = ['pattern', 'manual', 'cover'] as const;
export type ShiftSource = (typeof SHIFT_SOURCES)[number];
export const SHIFT_SOURCE_LABELS: Record<ShiftSource, string> = {
  pattern: 'aus den Arbeitstagen',
  manual: 'manuell eingeteilt',
  cover: 'Vertretung',
};

/** The three cover sources of seed §4.5, same strings as `planDeskCover` (shared/domain/desk-cover.ts). */
export const COVER_SOURCES = ['ez-same-site', 'ez-other-site', 'lb-same-site'] as const;
export type CoverSourceId = (typeof COVER_SOURCES)[number];
export const COVER_SOURCE_LABELS: Record<CoverSourceId, string> = {
  'ez-same-site': 'Eingangszone des Standorts',
  'ez-other-site': 'Eingangszone eines anderen Standorts',
  'lb-same-site': 'Leistungsbereich vor Ort',
};

/** Who decides a proposal (seed §4.5): site FM, TL Eingangszone, TL Leistung. */
export const COVER_DECIDERS = ['FM', 'TL_EZ', 'TL_LB'] as const;
export type CoverDeciderRole = (typeof COVER_DECIDERS)[number];

export const COVER_DECISION_STATUSES = ['accepted', 'rejected'] as const;
export type CoverDecisionStatus = (typeof COVER_DECISION_STATUSES)[number];
export const COVER_DECISION_STATUS_LABELS: Record<CoverDecisionStatus, string> = {
  accepted: 'angenommen',
  rejected: 'abgelehnt',
};

// ── records ───────────────────────────────────────────────────────────────────────────────────

export const absenceSchema = baseRecordSchema.extend({
  staffId: z.string().min(1),
  /** First and last calendar day (Berlin), inclusive. */
  from: isoDate,
  to: isoDate,
  /** Only on a one-day absence (from === to); see HALF_DAYS. */
  halfDay: z.enum(HALF_DAYS),
  kind: z.enum(ABSENCE_KINDS),
  reason: z.enum(ABSENCE_REASONS),
  /** When it became known – the planned/unplanned rule looks at this (shared/domain/absence-kind.ts). */
  registeredAt: isoInstant,
  /** True when a person marked the kind by hand instead of the registration-date rule. */
  kindOverridden: z.boolean(),
  note: z.string().max(200),
  /**
   * Issue 10 item 13: when the reason and note (health data) were removed after the retention
   * period (shared/domain/retention.ts); the reason then reads 'other' and means nothing.
   */
  anonymisedAt: isoInstant.nullable().optional(),
  /** Retention period start while reason or note are still held (sparse index, schema version 4). */
  retentionStart: isoInstant.optional(),
});
export type Absence = z.infer<typeof absenceSchema>;

/** The reason as shown: a reason removed after the retention period says so. */
export function absenceReasonText(a: Pick<Absence, 'reason' | 'anonymisedAt'>): string {
  return a.anonymisedAt != null ? 'Grund nach Ablauf der Aufbewahrungsfrist entfernt' : ABSENCE_REASON_LABELS[a.reason];
}

/**
 * One person on desk duty in one opening session (SPEC §1 "Besetzung" = DeskShift). A session is
 * identified by site, date and its start time, so a site with two sessions a day has two rosters.
 */
export const deskShiftSchema = baseRecordSchema.extend({
  siteId: z.string().min(1),
  date: isoDate,
  sessionStart: hhmm,
  staffId: z.string().min(1),
  source: z.enum(SHIFT_SOURCES),
  /** Set when source is 'cover': which §4.5 route the cover took. */
  coverSource: z.enum(COVER_SOURCES).nullable(),
  /** The accepted CoverDecision behind a 'cover' shift. */
  coverDecisionId: z.string().nullable(),
});
export type DeskShift = z.infer<typeof deskShiftSchema>;

/** A day without opening sessions at one site (siteId) or at all sites (siteId null). */
export const closureSchema = baseRecordSchema.extend({
  siteId: z.string().min(1).nullable(),
  date: isoDate,
  reason: z.string().min(1).max(120),
});
export type Closure = z.infer<typeof closureSchema>;

/** The decider's answer to one cover proposal, for one site and session. */
export const coverDecisionSchema = baseRecordSchema.extend({
  siteId: z.string().min(1),
  date: isoDate,
  sessionStart: hhmm,
  staffId: z.string().min(1),
  source: z.enum(COVER_SOURCES),
  decidedBy: z.enum(COVER_DECIDERS),
  status: z.enum(COVER_DECISION_STATUSES),
  decidedByStaffId: z.string().min(1),
  note: z.string().max(300),
  /**
   * Accepted cross-site cover of a rostered clerk: the clerk's own desk entry that the loan ended.
   * Withdrawing the cover puts it back. Optional and not indexed: no schema version needed.
   */
  releasedShiftId: z.string().min(1).optional(),
});
export type CoverDecision = z.infer<typeof coverDecisionSchema>;

/** What a message points at, so the inbox can link to the board cell or the absence. */
export const inboxRefsSchema = z.object({
  siteId: z.string().optional(),
  date: isoDate.optional(),
  sessionStart: hhmm.optional(),
  absenceId: z.string().optional(),
  decisionId: z.string().optional(),
  staffId: z.string().optional(),
});
export type InboxRefs = z.infer<typeof inboxRefsSchema>;

/**
 * One decision a message asks for (issue 10 item 3): a proposal of one session (`staffId`,
 * `source`), or with `staffId` null the Geschäftsführung's decision on a session nobody can staff.
 * `settled` is set, in the transaction of the write that answered it or made it void, once the
 * board no longer asks it – so a decided cover never keeps asking the others.
 */
export const inboxAskSchema = z.object({
  siteId: z.string().min(1),
  date: isoDate,
  sessionStart: hhmm,
  staffId: z.string().min(1).nullable(),
  source: z.enum(COVER_SOURCES).nullable(),
  /** "Bad Ems, Mo, 30.11.2026, 08:00–12:00" – the session in words, as the body names it. */
  label: z.string().max(200),
  settled: z
    .object({
      at: isoInstant,
      /** The person who decided; null when another write (an absence withdrawn, …) made it void. */
      byStaffId: z.string().nullable(),
      byName: z.string().nullable(),
      /** What happened, e.g. "Vertretung durch Ben Becker (Eingangszone des Standorts) angenommen." */
      text: z.string().max(2000),
    })
    .nullable(),
});
export type InboxAsk = z.infer<typeof inboxAskSchema>;

/**
 * A message to a role (issue #3 item 6: "The roles to be informed get it in an in-app inbox").
 * Addressed to a role, for FM also to a site (the standortverantwortliche FM of that site); read
 * state is shared by everyone holding the role. With `recipientStaffId` it is for that one person
 * only (issue 10 item 3: the stand-in is told), filed under a role the person holds.
 */
export const inboxMessageSchema = baseRecordSchema.extend({
  recipientRole: z.enum(ROLES),
  /** For FM: the site whose FM is meant. For other roles: the site the message is about (or null). */
  siteId: z.string().min(1).nullable(),
  title: z.string().min(1).max(120),
  body: z.string().max(2000),
  readAt: isoInstant.nullable(),
  readBy: z.string().nullable(),
  /** Idempotency key: one message per triggering write and recipient. */
  key: z.string().min(1),
  refs: inboxRefsSchema,
  /** Issue 10 item 13: emptied (and tombstoned) after the retention period. */
  anonymisedAt: isoInstant.nullable().optional(),
  /** Retention period start while the message holds its text (sparse index, schema version 4). */
  retentionStart: isoInstant.optional(),
  recipientStaffId: z.string().min(1).optional(),
  /** The decisions this message asks for (absent: it asks nothing, e.g. "zur Kenntnis"). */
  asks: z.array(inboxAskSchema).optional(),
  /** Index: the sessions (sessionKey) of the asks not yet settled; empty once all are. */
  openAsks: z.array(z.string()).optional(),
});
export type InboxMessage = z.infer<typeof inboxMessageSchema>;

// ── inputs (German messages, refused input writes nothing) ─────────────────────────────────────

const dateInput = (what: string) => z.iso.date({ error: `${what}: bitte ein gültiges Datum angeben (TT.MM.JJJJ).` });
const timeInput = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'Uhrzeit im Format HH:MM angeben.' });
const idInput = (what: string) => z.string({ error: `Bitte ${what} wählen.` }).min(1, { error: `Bitte ${what} wählen.` });
const weekdayInput = z
  .number({ error: 'Wochentag ungültig.' })
  .int({ error: 'Wochentag ungültig.' })
  .min(1, { error: 'Wochentag ungültig (1 = Montag … 7 = Sonntag).' })
  .max(7, { error: 'Wochentag ungültig (1 = Montag … 7 = Sonntag).' });

const staffFields = {
  name: z
    .string({ error: 'Bitte den Namen angeben.' })
    .trim()
    .min(2, { error: 'Bitte den Namen angeben (mindestens 2 Zeichen).' })
    .max(80, { error: 'Der Name ist zu lang (höchstens 80 Zeichen).' })
    // Issue 10 item 4: " anna  wagner " is stored as "anna wagner", so pickers' type-ahead finds it.
    .transform(normalisePersonName),
  homeSiteId: idInput('den Stammstandort'),
  roles: z
    .array(z.enum(ROLES, { error: 'Unbekannte Rolle.' }))
    .min(1, { error: 'Bitte mindestens eine Rolle wählen.' })
    .transform((roles) => ROLES.filter((r) => roles.includes(r))),
  /** ISO weekdays the person works (part-time pattern). */
  weekdays: z
    .array(weekdayInput)
    .min(1, { error: 'Bitte mindestens einen Arbeitstag wählen.' })
    .transform((days) => [...new Set(days)].sort((a, b) => a - b)),
  active: z.boolean({ error: 'Bitte angeben, ob die Person aktiv ist.' }),
};

/** A person in the staff directory (issue #3 item 1); new people are active unless said otherwise. */
export const staffInputSchema = z.object({ ...staffFields, active: staffFields.active.default(true) });
export type StaffInput = z.input<typeof staffInputSchema>;
/** A change to a person: only the fields given change (no defaults here). */
export const staffPatchSchema = z.object(staffFields).partial();
export type StaffPatch = z.input<typeof staffPatchSchema>;

export const openingSessionInputSchema = z
  .object({ weekday: weekdayInput, start: timeInput, end: timeInput })
  .refine((s) => s.start < s.end, { error: 'Das Ende der Öffnungszeit muss nach dem Beginn liegen.', path: ['end'] });

/** Opening sessions and minimum staff of a site (issue #3 item 2). */
export const siteStaffingInputSchema = z.object({
  minStaff: z
    .number({ error: 'Bitte die Mindestbesetzung angeben.' })
    .int({ error: 'Die Mindestbesetzung muss eine ganze Zahl sein.' })
    .min(1, { error: 'Die Mindestbesetzung ist mindestens 1.' })
    .max(10, { error: 'Die Mindestbesetzung ist höchstens 10.' }),
  sessions: z
    .array(openingSessionInputSchema)
    .superRefine((sessions, ctx) => {
      const sorted = [...sessions].sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start));
      for (let i = 1; i < sorted.length; i++) {
        const prev = sorted[i - 1]!;
        const cur = sorted[i]!;
        if (prev.weekday === cur.weekday && cur.start < prev.end) {
          ctx.addIssue({ code: 'custom', message: 'Zwei Öffnungszeiten am selben Wochentag überschneiden sich.' });
          return;
        }
      }
    })
    .transform((sessions) => [...sessions].sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start))),
});
export type SiteStaffingInput = z.input<typeof siteStaffingInputSchema>;

/** Closure days: one site or all sites (siteId null), one day or a range of at most 31 days. */
export const closureInputSchema = z
  .object({
    siteId: z.string().min(1, { error: 'Bitte einen Standort wählen.' }).nullable(),
    from: dateInput('Erster Schließtag'),
    to: dateInput('Letzter Schließtag').optional(),
    reason: z
      .string({ error: 'Bitte einen Grund angeben.' })
      .trim()
      .min(3, { error: 'Bitte einen Grund angeben (mindestens 3 Zeichen).' })
      .max(120, { error: 'Der Grund ist zu lang (höchstens 120 Zeichen).' }),
  })
  .refine((c) => c.to === undefined || c.from <= c.to, {
    error: 'Der letzte Schließtag liegt vor dem ersten.',
    path: ['to'],
  })
  .refine((c) => c.to === undefined || Date.parse(c.to) - Date.parse(c.from) <= 30 * 86_400_000, {
    error: 'Höchstens 31 Schließtage auf einmal eintragen.',
    path: ['to'],
  });
export type ClosureInput = z.input<typeof closureInputSchema>;

/**
 * An absence as registered (issue #3 item 4). `kind` is optional: left out, the registration-date
 * rule decides (shared/domain/absence-kind.ts); given, it is the "marked otherwise" of the issue.
 */
export const absenceInputSchema = z
  .object({
    staffId: idInput('die Person'),
    from: dateInput('Erster Tag'),
    to: dateInput('Letzter Tag'),
    halfDay: z.enum(HALF_DAYS, { error: 'Bitte ganztägig, vormittags oder nachmittags wählen.' }).default('none'),
    reason: z.enum(ABSENCE_REASONS, { error: 'Bitte den Grund der Abwesenheit wählen.' }),
    kind: z.enum(ABSENCE_KINDS, { error: 'Bitte geplant oder ungeplant wählen.' }).optional(),
    note: z.string().trim().max(200, { error: 'Die Notiz ist zu lang (höchstens 200 Zeichen).' }).default(''),
  })
  .refine((a) => a.from <= a.to, { error: 'Der letzte Tag liegt vor dem ersten Tag.', path: ['to'] })
  .refine((a) => a.halfDay === 'none' || a.from === a.to, {
    error: 'Einen halben Tag nur bei einer eintägigen Abwesenheit angeben (sonst zwei Abwesenheiten eintragen).',
    path: ['halfDay'],
  });
export type AbsenceInput = z.input<typeof absenceInputSchema>;

/** A change to an absence; the same rules as the registration once merged. */
export const absencePatchSchema = z.object({
  from: dateInput('Erster Tag').optional(),
  to: dateInput('Letzter Tag').optional(),
  halfDay: z.enum(HALF_DAYS, { error: 'Bitte ganztägig, vormittags oder nachmittags wählen.' }).optional(),
  reason: z.enum(ABSENCE_REASONS, { error: 'Bitte den Grund der Abwesenheit wählen.' }).optional(),
  /** null = back to the registration-date rule. */
  kind: z.enum(ABSENCE_KINDS, { error: 'Bitte geplant oder ungeplant wählen.' }).nullable().optional(),
  note: z.string().trim().max(200, { error: 'Die Notiz ist zu lang (höchstens 200 Zeichen).' }).optional(),
});
export type AbsencePatch = z.input<typeof absencePatchSchema>;

/** One opening session of one site: the unit the roster and the board work in. */
export const sessionRefSchema = z.object({
  siteId: idInput('den Standort'),
  date: dateInput('Datum'),
  sessionStart: timeInput,
});
export type SessionRef = z.infer<typeof sessionRefSchema>;

export const shiftAssignInputSchema = sessionRefSchema.extend({ staffId: idInput('die Person') });
export type ShiftAssignInput = z.input<typeof shiftAssignInputSchema>;

/** Accept or reject one proposal of the board (the proposal is named by its person). */
export const coverDecisionInputSchema = sessionRefSchema.extend({
  staffId: idInput('die vorgeschlagene Person'),
  note: z.string().trim().max(300, { error: 'Die Notiz ist zu lang (höchstens 300 Zeichen).' }).default(''),
});
export type CoverDecisionInput = z.input<typeof coverDecisionInputSchema>;
