import { z } from 'zod';
import { baseRecordSchema, hhmm, isoDate, isoInstant } from './records';
import { normalisePersonName } from './people';
import { ROLES } from './vocabulary';
import { DATE_WINDOWS, MAX_ABSENCE_DAYS, daysBetween, idSchema, isoDateInput, outsideWindow, text } from './text';

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
  /**
   * The kind of its first working day, or the kind a person marked (kindOverridden). Each day has
   * its own kind (issue 7 item 9): decisions read `absenceKindOn` (shared/domain/absence-kind.ts).
   */
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
  /**
   * Issue 7 item 6: a projection for a PC outside the record's scope – its personal fields hold
   * placeholders (shared/auth/scope.ts). Never stored on the server.
   */
  restricted: z.literal(true).optional(),
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

/** Free-text maxima of the staffing screens, stated there and refused beyond (issue 10 item 5). */
export const STAFFING_TEXT_LIMITS = { staffName: 80, closureReason: 120, absenceNote: 200, coverNote: 300 } as const;

const dateInput = isoDateInput;
const timeInput = z
  .string({ error: 'Bitte eine Uhrzeit angeben.' })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'Uhrzeit im Format HH:MM angeben.' });
const idInput = idSchema;
const weekdayInput = z
  .number({ error: 'Wochentag ungültig.' })
  .int({ error: 'Wochentag ungültig.' })
  .min(1, { error: 'Wochentag ungültig (1 = Montag … 7 = Sonntag).' })
  .max(7, { error: 'Wochentag ungültig (1 = Montag … 7 = Sonntag).' });

/** The first date of `dates` outside `window` around `today`, as a German refusal issue. */
function refuseOutside(
  ctx: z.RefinementCtx,
  today: string,
  window: (typeof DATE_WINDOWS)[keyof typeof DATE_WINDOWS],
  dates: ReadonlyArray<{ what: string; date: unknown; path: string }>,
): void {
  for (const d of dates) {
    if (typeof d.date !== 'string') continue;
    const refusal = outsideWindow(d.what, d.date, today, window);
    if (refusal) {
      ctx.addIssue({ code: 'custom', message: refusal, path: [d.path] });
      return;
    }
  }
}

const staffFields = {
  name: text({
    label: 'Der Name',
    max: STAFFING_TEXT_LIMITS.staffName,
    min: 2,
    tooShort: 'Bitte den Namen angeben (mindestens 2 Zeichen).',
  })
    // Issue 10 item 4: " anna  wagner " is stored as "anna wagner", so pickers' type-ahead finds it.
    .overwrite(normalisePersonName),
  homeSiteId: idInput('den Stammstandort'),
  roles: z
    .array(z.enum(ROLES, { error: 'Unbekannte Rolle.' }), { error: 'Bitte mindestens eine Rolle wählen.' })
    .min(1, { error: 'Bitte mindestens eine Rolle wählen.' })
    .transform((roles) => ROLES.filter((r) => roles.includes(r))),
  /** ISO weekdays the person works (part-time pattern). */
  weekdays: z
    .array(weekdayInput, { error: 'Bitte mindestens einen Arbeitstag wählen.' })
    .min(1, { error: 'Bitte mindestens einen Arbeitstag wählen.' })
    .transform((days) => [...new Set(days)].sort((a, b) => a - b)),
  active: z.boolean({ error: 'Bitte angeben, ob die Person aktiv ist.' }),
};

/** A person in the staff directory (issue #3 item 1); new people are active unless said otherwise. */
export const staffInputSchema = z.object(
  { ...staffFields, active: staffFields.active.default(true) },
  { error: 'Bitte die Angaben zur Person ausfüllen.' },
);
export type StaffInput = z.input<typeof staffInputSchema>;
/** A change to a person: only the fields given change (no defaults here). */
export const staffPatchSchema = z.object(staffFields, { error: 'Bitte die Änderung angeben.' }).partial();
export type StaffPatch = z.input<typeof staffPatchSchema>;

export const openingSessionInputSchema = z
  .object({ weekday: weekdayInput, start: timeInput, end: timeInput }, { error: 'Bitte Wochentag, Beginn und Ende angeben.' })
  .refine((s) => s.start < s.end, { error: 'Das Ende der Öffnungszeit muss nach dem Beginn liegen.', path: ['end'] });

/** Opening sessions and minimum staff of a site (issue #3 item 2). */
export const siteStaffingInputSchema = z.object(
  {
    minStaff: z
      .number({ error: 'Bitte die Mindestbesetzung angeben.' })
      .int({ error: 'Die Mindestbesetzung muss eine ganze Zahl sein.' })
      .min(1, { error: 'Die Mindestbesetzung ist mindestens 1.' })
      .max(10, { error: 'Die Mindestbesetzung ist höchstens 10.' }),
    sessions: z
      .array(openingSessionInputSchema, { error: 'Bitte die Öffnungszeiten angeben.' })
      .max(21, { error: 'Höchstens 21 Öffnungszeiten je Woche (drei am Tag).' })
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
  },
  { error: 'Bitte Mindestbesetzung und Öffnungszeiten angeben.' },
);
export type SiteStaffingInput = z.input<typeof siteStaffingInputSchema>;

/** Closure days: one site or all sites (siteId null), one day or a range of at most 31 days. */
export const closureInputSchema = z
  .object(
    {
      siteId: idInput('einen Standort').nullable(),
      from: dateInput('Erster Schließtag'),
      to: dateInput('Letzter Schließtag').optional(),
      reason: text({
        label: 'Der Grund',
        max: STAFFING_TEXT_LIMITS.closureReason,
        min: 3,
        tooShort: 'Bitte einen Grund angeben (mindestens 3 Zeichen).',
      }),
    },
    { error: 'Bitte Standort, Tage und Grund angeben.' },
  )
  .refine((c) => c.to === undefined || c.from <= c.to, {
    error: 'Der letzte Schließtag liegt vor dem ersten.',
    path: ['to'],
  })
  .refine((c) => c.to === undefined || daysBetween(c.from, c.to) <= 30, {
    error: 'Höchstens 31 Schließtage auf einmal eintragen.',
    path: ['to'],
  });
export type ClosureInput = z.input<typeof closureInputSchema>;

/** Closure days entered on `today` (Berlin date): within DATE_WINDOWS.closure. */
export function closureInputSchemaOn(today: string) {
  return closureInputSchema.superRefine((c, ctx) =>
    refuseOutside(ctx, today, DATE_WINDOWS.closure, [
      { what: 'Der erste Schließtag', date: c.from, path: 'from' },
      { what: 'Der letzte Schließtag', date: c.to, path: 'to' },
    ]),
  );
}

const absenceNote = text({ label: 'Die Notiz', max: STAFFING_TEXT_LIMITS.absenceNote });

/**
 * An absence as registered (issue #3 item 4). `kind` is optional: left out, the registration-date
 * rule decides (shared/domain/absence-kind.ts); given, it is the "marked otherwise" of the issue.
 */
export const absenceInputSchema = z
  .object(
    {
      staffId: idInput('die Person'),
      from: dateInput('Erster Tag'),
      to: dateInput('Letzter Tag'),
      halfDay: z.enum(HALF_DAYS, { error: 'Bitte ganztägig, vormittags oder nachmittags wählen.' }).default('none'),
      reason: z.enum(ABSENCE_REASONS, { error: 'Bitte den Grund der Abwesenheit wählen.' }),
      kind: z.enum(ABSENCE_KINDS, { error: 'Bitte geplant oder ungeplant wählen.' }).optional(),
      note: absenceNote.default(''),
    },
    { error: 'Bitte Person, Tage und Grund der Abwesenheit angeben.' },
  )
  .refine((a) => a.from <= a.to, { error: 'Der letzte Tag liegt vor dem ersten Tag.', path: ['to'] })
  .refine((a) => a.from > a.to || daysBetween(a.from, a.to) < MAX_ABSENCE_DAYS, {
    error: `Eine Abwesenheit dauert höchstens ein Jahr (${MAX_ABSENCE_DAYS} Tage). Längere Zeiträume bitte in Abschnitten eintragen oder die Person im Personalverzeichnis auf inaktiv setzen.`,
    path: ['to'],
  })
  .refine((a) => a.halfDay === 'none' || a.from === a.to, {
    error: 'Einen halben Tag nur bei einer eintägigen Abwesenheit angeben (sonst zwei Abwesenheiten eintragen).',
    path: ['halfDay'],
  });
export type AbsenceInput = z.input<typeof absenceInputSchema>;

const absenceDates = (a: { from?: unknown; to?: unknown }) => [
  { what: 'Der erste Tag', date: a.from, path: 'from' },
  { what: 'Der letzte Tag', date: a.to, path: 'to' },
];

/** An absence registered on `today` (Berlin date): its days within DATE_WINDOWS.absence. */
export function absenceInputSchemaOn(today: string) {
  return absenceInputSchema.superRefine((a, ctx) => refuseOutside(ctx, today, DATE_WINDOWS.absence, absenceDates(a)));
}

/** A change to an absence; the same rules as the registration once merged. */
export const absencePatchSchema = z.object(
  {
    from: dateInput('Erster Tag').optional(),
    to: dateInput('Letzter Tag').optional(),
    halfDay: z.enum(HALF_DAYS, { error: 'Bitte ganztägig, vormittags oder nachmittags wählen.' }).optional(),
    reason: z.enum(ABSENCE_REASONS, { error: 'Bitte den Grund der Abwesenheit wählen.' }).optional(),
    /** null = back to the registration-date rule. */
    kind: z.enum(ABSENCE_KINDS, { error: 'Bitte geplant oder ungeplant wählen.' }).nullable().optional(),
    note: absenceNote.optional(),
  },
  { error: 'Bitte die Änderung der Abwesenheit angeben.' },
);
export type AbsencePatch = z.input<typeof absencePatchSchema>;

/**
 * A change made on `today`: the days it sets lie within DATE_WINDOWS.absence. Days it leaves alone
 * are not checked, so the note of last year's absence can still be corrected.
 */
export function absencePatchSchemaOn(today: string) {
  return absencePatchSchema.superRefine((a, ctx) => refuseOutside(ctx, today, DATE_WINDOWS.absence, absenceDates(a)));
}

/** One opening session of one site: the unit the roster and the board work in. */
export const sessionRefSchema = z.object(
  {
    siteId: idInput('den Standort'),
    date: dateInput('Datum'),
    sessionStart: timeInput,
  },
  { error: 'Bitte Standort, Datum und Öffnungszeit angeben.' },
);
export type SessionRef = z.infer<typeof sessionRefSchema>;

const sessionDate = (s: { date?: unknown }) => [{ what: 'Das Datum', date: s.date, path: 'date' }];

export const shiftAssignInputSchema = sessionRefSchema.extend({ staffId: idInput('die Person') });
export type ShiftAssignInput = z.input<typeof shiftAssignInputSchema>;

/** A roster entry made on `today`: within DATE_WINDOWS.roster. */
export function shiftAssignInputSchemaOn(today: string) {
  return shiftAssignInputSchema.superRefine((s, ctx) => refuseOutside(ctx, today, DATE_WINDOWS.roster, sessionDate(s)));
}

/** Accept or reject one proposal of the board (the proposal is named by its person). */
export const coverDecisionInputSchema = sessionRefSchema.extend({
  staffId: idInput('die vorgeschlagene Person'),
  note: text({ label: 'Die Notiz', max: STAFFING_TEXT_LIMITS.coverNote }).default(''),
});
export type CoverDecisionInput = z.input<typeof coverDecisionInputSchema>;

/** A decision taken on `today`: within DATE_WINDOWS.roster (a past session is refused at the write). */
export function coverDecisionInputSchemaOn(today: string) {
  return coverDecisionInputSchema.superRefine((s, ctx) => refuseOutside(ctx, today, DATE_WINDOWS.roster, sessionDate(s)));
}

/** The Monday a roster week starts on, drafted on `today`: within DATE_WINDOWS.roster. */
export function weekStartSchemaOn(today: string) {
  return dateInput('Die Woche')
    .refine((d) => new Date(`${d}T12:00:00Z`).getUTCDay() === 1, { error: 'Eine Woche beginnt am Montag.' })
    .superRefine((d, ctx) => {
      const refusal = outsideWindow('Die Woche', d, today, DATE_WINDOWS.roster);
      if (refusal) ctx.addIssue({ code: 'custom', message: refusal });
    });
}
