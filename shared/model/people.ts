import { rolesText, type Role } from './vocabulary';

/**
 * People as the pickers show them, and when two entries are the same person (issue 10 item 4).
 * Pure: the directory form, the repository and every person picker use these, so a picker can never
 * again show identical entries or hide the site.
 */

/** The name as stored: trimmed, runs of white space made one space (" anna  wagner " → "anna wagner"). */
export function normalisePersonName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/gu, ' ');
}

/** Same name for the duplicate check: case and white space do not count ("Anna Wagner" = " anna  wagner "). */
export function personNameKey(name: string): string {
  return normalisePersonName(name).toLocaleLowerCase('de-DE');
}

interface PickablePerson {
  id: string;
  name: string;
  homeSiteId: string;
  roles: readonly Role[];
  createdAt?: string;
}

/** "Anna Wagner (Bad Ems)": the name first, so a select's type-ahead finds the person by name. */
export function personAtSite(person: Pick<PickablePerson, 'name'>, siteName: string): string {
  return `${person.name} (${siteName})`;
}

/** "Anna Wagner (Bad Ems) – Eingangszone": how every person picker names a person. */
export function personOptionLabel(person: Pick<PickablePerson, 'name' | 'roles'>, siteName: string): string {
  return `${personAtSite(person, siteName)} – ${rolesText(person.roles)}`;
}

export interface PersonOption {
  id: string;
  label: string;
}

/**
 * The options of a person picker: sorted by name (then site, then who came first), labelled with
 * name, home site and roles, and unique – two entries a clerk confirmed as different people with the
 * same name (in any case), site and roles are told apart by "1./2. Eintrag" in the order they were created.
 * Sorted by name, a native select's type-ahead (which matches the start of the label) lands on the
 * first person of that name and the next keys narrow it down to the site.
 */
export function personOptions(people: readonly PickablePerson[], siteName: (siteId: string) => string): PersonOption[] {
  const collator = new Intl.Collator('de-DE', { sensitivity: 'base', numeric: true });
  const rows = people.map((p) => ({ p, site: siteName(p.homeSiteId), label: personOptionLabel(p, siteName(p.homeSiteId)) }));
  rows.sort(
    (a, b) =>
      collator.compare(a.p.name, b.p.name) ||
      collator.compare(a.site, b.site) ||
      (a.p.createdAt ?? '').localeCompare(b.p.createdAt ?? '') ||
      a.p.id.localeCompare(b.p.id),
  );
  // "anna wagner" and "Anna Wagner" look the same in a list: told apart as namesakes too.
  const same = (label: string) => label.toLocaleLowerCase('de-DE');
  const total = new Map<string, number>();
  for (const r of rows) total.set(same(r.label), (total.get(same(r.label)) ?? 0) + 1);
  const seen = new Map<string, number>();
  return rows.map((r) => {
    if (total.get(same(r.label)) === 1) return { id: r.p.id, label: r.label };
    const n = (seen.get(same(r.label)) ?? 0) + 1;
    seen.set(same(r.label), n);
    return { id: r.p.id, label: `${r.label} · ${n}. Eintrag` };
  });
}
