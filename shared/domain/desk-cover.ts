/**
 * Vertretungsregelung der Anlaufstelle (seed §4.5 "Besetzung der Anlaufstelle", SPEC §6) as one
 * pure function: given one date's roster and absences for all sites, propose who covers which desk
 * in the opening session, who decides, who must be told, and where the Geschäftsführung decides.
 *
 * Order of proposals per site (the rule of §4.5):
 *   planned gap:   EZ same site → EZ other site → LB same site → GF
 *     §4.5: "Bei planbaren Personalausfällen … durch die Mitarbeitenden der Eingangszonen, bei
 *     Bedarf auch standortübergreifend" and "Sollte eine Vertretung durch die Eingangszone nicht
 *     möglich sein … erfolgt die Besetzung … durch den Leistungsbereich".
 *   unplanned gap: EZ same site → LB same site → EZ other site → GF
 *     §4.5: "bei ungeplanten Vertretungssituationen ist die Besetzung der Anlaufstelle zunächst
 *     durch den Leistungsbereich vor Ort sicherzustellen".
 *   EZ of the same site comes first in both: §4.5 "so dass die Besetzung auch bei Fehlzeiten i.d.R.
 *   innerhalb des Standortes sichergestellt werden kann".
 *
 * Decisions where §4.5 leaves room (each with the sentence behind it):
 *
 * 1. Gap and its kind. A site's gap = minStaff − (rostered staff who are present). The gap is
 *    unplanned if any rostered absence at that desk is unplanned (one short-notice absence is
 *    enough to make it a "kurzfristiger Ausfall"); a gap with no absence behind it (desk rostered
 *    below its minimum) is planned — it stems from the roster, i.e. "Urlaubsplanung". Several
 *    absence entries for one person are merged; unplanned wins.
 * 2. Who is who. "Present" = not in absences. A person works that session at the desk they are
 *    rostered at, otherwise at their home site. An EZ candidate of a site is an EZ-role person
 *    working there who is present and not on desk duty; an LB candidate is an LB-role person
 *    (without EZ role) of that home site, present, not on desk duty — §4.5 "Leistungsbereich vor
 *    Ort" / "am Standort": LB never covers another site. VERMITTLUNG, FM, TL, GF, ADMIN roles
 *    alone never make someone a candidate: §4.5 names only Eingangszone and Leistungsbereich.
 * 3. EZ + LB in one person: treated as an EZ clerk (proposed as ez-*, counted as EZ for the
 *    lending limit, never proposed as lb-same-site). §4.5 "Die Besetzung der Anlaufstelle wird
 *    durch die Mitarbeitenden der Eingangszone sichergestellt" — LB is the fallback, and counting
 *    such a person as LB would hide an EZ clerk from the lending limit.
 * 4. Lending limit. A site may lend an EZ clerk only if (a) at least two EZ clerks are present
 *    there before this loan — every present EZ-role person working at the site, rostered or not,
 *    minus those already lent away — §4.5 "weil z.B. an den anderen Standorten nur noch ein/e
 *    Mitarbeiter/in der Eingangszone anwesend ist"; so a site with exactly two may lend one
 *    (SPEC §6's "not left with a single EZ clerk" is stricter than the seed; the seed wins); and
 *    (b) its own desk keeps its minimum: clerks not on desk duty are lent first (lending them
 *    does not touch the home desk), a rostered clerk only while the desk stays ≥ minStaff —
 *    §4.5 "Durch die Teamleitung wird sichergestellt, dass die Anlaufstellen an allen Standorten
 *    zu den Öffnungszeiten besetzt sind". A site with a gap of its own never lends (it has used
 *    its free clerks itself and has no desk surplus).
 * 5. Which lender. The site with the most clerks it could still lend, then by site id; within the
 *    site, free clerks before rostered ones, then by staff id. Spreading loans keeps every site
 *    furthest from the "nur noch ein/e … anwesend" limit.
 * 6. Several gaps competing for lenders. Same-site EZ and (for unplanned gaps) on-site LB are
 *    drawn first everywhere; they never compete, since both are site-local. Lending then goes
 *    in two rounds:
 *    (a) "Essential" need first: the part of a gap that nothing else can close (unplanned: all
 *        that is left after the on-site LB; planned: what is left beyond the site's free LB).
 *        Sites with the smallest essential need first, unplanned before planned, then site id —
 *        §4.5 "Sollte im Ausnahmefall keine Besetzung der Anlaufstelle möglich sein, entscheidet
 *        die Geschäftsführung": escalation must stay the exception, so fill as many desks
 *        completely as the pool allows; short-notice gaps go first on a tie because their
 *        on-site LB has already been drawn on. A site that cannot be filled completely still
 *        gets the partial loans left (a half-staffed desk helps the GF decision).
 *    (b) The rest of planned gaps (the part the site's own LB could close), by the same order:
 *        for planned gaps EZ from another site comes before LB (§4.5 "bei Bedarf auch
 *        standortübergreifend").
 *    Then planned gaps take their own LB; whatever is left escalates.
 * 7. Nobody twice. A person is proposed at most once across all sites; absent staff never.
 *    Results are independent of input order: sites and staff are sorted by id (code-unit order,
 *    not locale), and the output's keys follow site id order.
 * 8. Who decides, who is told:
 *    ez-same-site  decidedBy FM,    inform []          — §4.5 "Die organisatorische Sicherstellung
 *                  der einzelnen Standorte wurde auf die standortverantwortlichen Fallmanagerinnen
 *                  und Fallmanager übertragen" … "Erst bei Unstimmigkeiten ist die Teamleitung zu
 *                  beteiligen".
 *    ez-other-site decidedBy TL_EZ, inform ['FM']      — §4.5 "Die Teamleitung Eingangszone
 *                  entscheidet auch … inwiefern eine standortübergreifende Vertretung möglich ist";
 *                  'FM' means the Fallmanager of both the receiving and the lending site (the
 *                  lender is the proposed person's home site): "eigenverantwortliche Abstimmung
 *                  unter den standortverantwortlichen Fallmanagerinnen und Fallmanagern".
 *    lb-same-site  decidedBy TL_LB, inform ['TL_LB', 'FM', 'TL_EZ'] — §4.5 "ist die jeweils
 *                  zuständige Teamleitung Leistung so früh wie möglich zu informieren. Diese
 *                  koordiniert dann die Vertretung"; the site FM because the cover of the site
 *                  (incl. "Verpflichtung des Leistungsbereiches zur Vertretung im Notfall") is
 *                  theirs; TL_EZ because "Gesamtverantwortlich für die Anlaufstellen ist die
 *                  Teamleitung Eingangszone" and Ticketverteilung must move to a staffed site
 *                  ("Aufgaben im Vertretungsfall").
 *    uncovered     escalateTo 'GF'.
 * 9. Status: 'covered' when present rostered staff ≥ minStaff (no proposals, even if the site
 *    lends); 'at-risk' when the gap is filled by pending proposals; 'uncovered' (+ GF) when not,
 *    with whatever partial proposals were possible.
 * 10. Not proposable (a rejected proposal). The person stays what they are – present, EZ, at
 *    their desk – so a site's "present EZ" count and desk minimum are unchanged; they are only
 *    never picked as a candidate (free EZ, lendable EZ, free LB). Taking their role away instead
 *    would shrink the lender's presence count and could turn a valid loan into an escalation:
 *    the decider said no to this person, not to the site's second clerk.
 */
import { z } from 'zod';
import { ROLES } from '../model/vocabulary';

export type AbsenceKind = 'planned' | 'unplanned';
export type CoverSource = 'ez-same-site' | 'ez-other-site' | 'lb-same-site';
export type CoverDecider = 'FM' | 'TL_EZ' | 'TL_LB';
export type CoverStatus = 'covered' | 'at-risk' | 'uncovered';

export interface DeskCoverInput {
  /** 'YYYY-MM-DD' — validated only; the rule does not depend on the weekday. */
  date: string;
  sites: readonly { id: string; minStaff: number }[];
  staff: readonly { id: string; homeSiteId: string; roles: readonly string[] }[];
  /** siteId → staff ids on desk duty in that session. */
  rostered: Readonly<Record<string, readonly string[]>>;
  /** Everyone absent that date. */
  absences: readonly { staffId: string; kind: AbsenceKind }[];
  /**
   * People who must not be proposed (a decider already rejected them for this session). They still
   * count where they work – at their desk and in the lending limit's "present" count – they are
   * only never chosen as a candidate (decision 10).
   */
  notProposable?: readonly string[];
}

export interface CoverProposal {
  staffId: string;
  source: CoverSource;
  decidedBy: CoverDecider;
  /** Roles to inform. */
  inform: string[];
}

export interface SiteCover {
  status: CoverStatus;
  proposals: CoverProposal[];
  escalateTo: 'GF' | null;
}

/** Per site id. */
export type DeskCoverPlan = Record<string, SiteCover>;

const id = z.string().min(1, 'must not be empty');

export const deskCoverInputSchema = z
  .object({
    date: z.iso.date({ error: 'date must be a calendar date in the form YYYY-MM-DD' }),
    sites: z.array(z.object({ id, minStaff: z.int().min(0, 'minStaff must be 0 or more') })),
    staff: z.array(z.object({ id, homeSiteId: id, roles: z.array(z.enum(ROLES)) })),
    rostered: z.record(z.string(), z.array(id)),
    absences: z.array(z.object({ staffId: id, kind: z.enum(['planned', 'unplanned']) })),
    notProposable: z.array(id).optional(),
  })
  .superRefine((input, ctx) => {
    const fail = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    const siteIds = new Set<string>();
    input.sites.forEach((s, i) => {
      if (siteIds.has(s.id)) fail(['sites', i, 'id'], `duplicate site id "${s.id}"`);
      siteIds.add(s.id);
    });
    const staffIds = new Set<string>();
    input.staff.forEach((p, i) => {
      if (staffIds.has(p.id)) fail(['staff', i, 'id'], `duplicate staff id "${p.id}"`);
      staffIds.add(p.id);
      if (!siteIds.has(p.homeSiteId)) fail(['staff', i, 'homeSiteId'], `unknown site "${p.homeSiteId}"`);
    });
    const deskOf = new Map<string, string>();
    for (const [siteId, ids] of Object.entries(input.rostered)) {
      if (!siteIds.has(siteId)) fail(['rostered', siteId], `unknown site "${siteId}" in rostered`);
      ids.forEach((staffId, i) => {
        if (!staffIds.has(staffId)) fail(['rostered', siteId, i], `unknown staff "${staffId}" in rostered`);
        const other = deskOf.get(staffId);
        if (other !== undefined) fail(['rostered', siteId, i], `staff "${staffId}" rostered twice (also at "${other}")`);
        deskOf.set(staffId, siteId);
      });
    }
    input.absences.forEach((a, i) => {
      if (!staffIds.has(a.staffId)) fail(['absences', i, 'staffId'], `unknown staff "${a.staffId}" in absences`);
    });
    input.notProposable?.forEach((staffId, i) => {
      if (!staffIds.has(staffId)) fail(['notProposable', i], `unknown staff "${staffId}" in notProposable`);
    });
  });

// Compile-time guard: what the schema yields is a DeskCoverInput.
type ParsedInput = z.output<typeof deskCoverInputSchema>;
const parsedIsInput = (p: ParsedInput): DeskCoverInput => p;
void parsedIsInput;

/** Decides the opening session of `input.date` for all sites at once. Throws on invalid input. */
export function planDeskCover(input: DeskCoverInput): DeskCoverPlan {
  const parsed = deskCoverInputSchema.safeParse(input);
  if (!parsed.success) {
    const detail = parsed.error.issues
      .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(input)'}: ${issue.message}`)
      .join('; ');
    throw new Error(`planDeskCover: invalid input — ${detail}`);
  }
  return plan(parsed.data);
}

// ── the rule ──────────────────────────────────────────────────────────────────────────────────

const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

interface Person {
  id: string;
  home: string;
  /** EZ role (decision 3: wins over LB). */
  ez: boolean;
  /** LB role without EZ role. */
  lb: boolean;
  present: boolean;
  /** Desk the person is rostered at, if any. */
  desk: string | null;
  /** May be chosen as cover (decision 10). */
  proposable: boolean;
}

interface SiteState {
  id: string;
  minStaff: number;
  /** People at the desk: present rostered + proposed in − rostered lent out. */
  staffed: number;
  unplanned: boolean;
  initialGap: number;
  proposals: CoverProposal[];
}

const ROUTING: Record<CoverSource, { decidedBy: CoverDecider; inform: readonly string[] }> = {
  'ez-same-site': { decidedBy: 'FM', inform: [] },
  'ez-other-site': { decidedBy: 'TL_EZ', inform: ['FM'] },
  'lb-same-site': { decidedBy: 'TL_LB', inform: ['TL_LB', 'FM', 'TL_EZ'] },
};

function plan(input: ParsedInput): DeskCoverPlan {
  const absence = new Map<string, AbsenceKind>();
  for (const a of input.absences) {
    // Decision 1: several entries for one person merge; unplanned wins.
    if (absence.get(a.staffId) !== 'unplanned') absence.set(a.staffId, a.kind);
  }
  const deskOf = new Map<string, string>();
  for (const [siteId, ids] of Object.entries(input.rostered)) for (const staffId of ids) deskOf.set(staffId, siteId);
  const notProposable = new Set(input.notProposable ?? []);

  const people: Person[] = [...input.staff]
    .sort((a, b) => byId(a.id, b.id))
    .map((p) => ({
      id: p.id,
      home: p.homeSiteId,
      ez: p.roles.includes('EZ'),
      lb: p.roles.includes('LB') && !p.roles.includes('EZ'),
      present: !absence.has(p.id),
      desk: deskOf.get(p.id) ?? null,
      proposable: !notProposable.has(p.id),
    }));

  const sites: SiteState[] = [...input.sites]
    .sort((a, b) => byId(a.id, b.id))
    .map((s) => {
      const rostered = input.rostered[s.id] ?? [];
      const staffed = rostered.filter((staffId) => !absence.has(staffId)).length;
      return {
        id: s.id,
        minStaff: s.minStaff,
        staffed,
        unplanned: rostered.some((staffId) => absence.get(staffId) === 'unplanned'),
        initialGap: Math.max(0, s.minStaff - staffed),
        proposals: [],
      };
    });

  /** staffId → site it is proposed for (covering there, or lent there). */
  const assigned = new Map<string, string>();
  const gap = (s: SiteState) => Math.max(0, s.minStaff - s.staffed);
  const where = (p: Person) => assigned.get(p.id) ?? p.desk ?? p.home;
  // Decision 10: `proposable` only where candidates are chosen, never in the presence count.
  const free = (p: Person) => p.proposable && p.present && p.desk === null && !assigned.has(p.id);
  const freeEz = (siteId: string) => people.filter((p) => p.ez && free(p) && p.home === siteId);
  const freeLb = (siteId: string) => people.filter((p) => p.lb && free(p) && p.home === siteId);

  const propose = (site: SiteState, person: Person, source: CoverSource) => {
    const { decidedBy, inform } = ROUTING[source];
    site.proposals.push({ staffId: person.id, source, decidedBy, inform: [...inform] });
    assigned.set(person.id, site.id);
    site.staffed += 1;
  };

  /** Decision 4: clerks `lender` could still give away, in the order it would give them. */
  const lendable = (lender: SiteState): Person[] => {
    if (gap(lender) > 0) return [];
    const presentEz = people.filter((p) => p.ez && p.present && where(p) === lender.id).length;
    const loose = freeEz(lender.id);
    const onDesk = people.filter((p) => p.ez && p.present && p.desk === lender.id && !assigned.has(p.id));
    const deskSurplus = Math.max(0, lender.staffed - lender.minStaff);
    // §4.5 "nur noch ein/e Mitarbeiter/in der Eingangszone anwesend": the last clerk stays.
    const limit = Math.max(0, presentEz - 1);
    // Decision 10: everyone on the desk counts for its surplus; only proposable clerks may leave it.
    return [...loose, ...onDesk.filter((p) => p.proposable).slice(0, deskSurplus)].slice(0, limit);
  };

  const lendTo = (target: SiteState, wanted: number) => {
    for (let n = 0; n < wanted; n += 1) {
      let best: { site: SiteState; clerks: Person[] } | null = null;
      for (const site of sites) {
        if (site === target) continue;
        const clerks = lendable(site);
        // Decision 5: most spare first; sites are in id order, so ">" keeps the lower id on a tie.
        if (clerks.length > 0 && (best === null || clerks.length > best.clerks.length)) best = { site, clerks };
      }
      if (best === null) return;
      const person = best.clerks[0]!;
      if (person.desk === best.site.id) best.site.staffed -= 1;
      propose(target, person, 'ez-other-site');
    }
  };

  // Step 1, every gap: §4.5 "innerhalb des Standortes sichergestellt werden kann".
  for (const site of sites) {
    for (const person of freeEz(site.id)) {
      if (gap(site) === 0) break;
      propose(site, person, 'ez-same-site');
    }
  }

  // Step 2, unplanned gaps: §4.5 "zunächst durch den Leistungsbereich vor Ort".
  const fillWithLb = (site: SiteState) => {
    for (const person of freeLb(site.id)) {
      if (gap(site) === 0) break;
      propose(site, person, 'lb-same-site');
    }
  };
  for (const site of sites) if (site.unplanned) fillWithLb(site);

  // Step 3, cross-site EZ (decision 6). LB pools are site-local, so a planned site's LB fallback
  // is known before lending.
  const essential = (s: SiteState) => Math.max(0, gap(s) - (s.unplanned ? 0 : freeLb(s.id).length));
  const order = (need: (s: SiteState) => number) =>
    sites
      .filter((s) => need(s) > 0)
      .map((s) => ({ site: s, need: need(s) }))
      .sort((a, b) => a.need - b.need || Number(b.site.unplanned) - Number(a.site.unplanned) || byId(a.site.id, b.site.id));
  for (const { site, need } of order(essential)) lendTo(site, need);
  // §4.5 "bei Bedarf auch standortübergreifend" comes before LB for planned gaps.
  for (const { site, need } of order((s) => (s.unplanned ? 0 : gap(s)))) lendTo(site, need);

  // Step 4, planned gaps: §4.5 "Sollte eine Vertretung durch die Eingangszone nicht möglich sein …
  // erfolgt die Besetzung der Anlaufstelle während der Öffnungszeiten durch den Leistungsbereich".
  for (const site of sites) if (!site.unplanned) fillWithLb(site);

  const result: DeskCoverPlan = {};
  for (const site of sites) {
    if (site.initialGap === 0) {
      result[site.id] = { status: 'covered', proposals: [], escalateTo: null };
    } else if (gap(site) === 0) {
      result[site.id] = { status: 'at-risk', proposals: site.proposals, escalateTo: null };
    } else {
      // §4.5 "Sollte im Ausnahmefall keine Besetzung der Anlaufstelle möglich sein, entscheidet
      // die Geschäftsführung über das weitere Vorgehen."
      result[site.id] = { status: 'uncovered', proposals: site.proposals, escalateTo: 'GF' };
    }
  }
  return result;
}
