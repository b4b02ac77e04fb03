import { describe, expect, it } from 'vitest';
import { normalisePersonName, personNameKey, personOptionLabel, personOptions } from '@shared/model';

/**
 * Issue 10 item 4: "pickers don't show the site either, and typing in the 'Am Platz' select picks
 * the wrong person". A native select's type-ahead matches the start of the option text, so every
 * label starts with the name, names the site, and is unique.
 */
const SITES: Record<string, string> = { be: 'Bad Ems', dz: 'Diez', ls: 'Lahnstein' };
const site = (id: string) => SITES[id] ?? '?';
const p = (id: string, name: string, homeSiteId: string, createdAt = '2026-01-01T00:00:00.000Z', roles: ('EZ' | 'LB' | 'TL_EZ')[] = ['EZ']) => ({
  id,
  name,
  homeSiteId,
  roles,
  createdAt,
});

describe('issue 10 item 4: person names and picker labels', () => {
  it('the same name ignores case and white space', () => {
    expect(personNameKey(' anna  wagner ')).toBe(personNameKey('Anna Wagner'));
    expect(personNameKey('ANNA\tWAGNER')).toBe(personNameKey('Anna Wagner'));
    expect(personNameKey('Anna Wegner')).not.toBe(personNameKey('Anna Wagner'));
    expect(normalisePersonName(' anna  wagner ')).toBe('anna wagner');
  });

  it('a label is "Name (Standort) – Rollen", the name first', () => {
    expect(personOptionLabel({ name: 'Anna Wagner', roles: ['EZ', 'LB'] }, 'Bad Ems')).toBe('Anna Wagner (Bad Ems) – Eingangszone, Leistungsbereich');
  });

  it('options are sorted by name, then site, whatever the input order', () => {
    const options = personOptions([p('3', 'Zoe Albers', 'be'), p('2', 'Anna Wagner', 'ls'), p('1', 'anna wagner', 'be'), p('4', 'Ömer Kaya', 'dz')], site);
    expect(options.map((o) => o.label)).toEqual([
      'anna wagner (Bad Ems) – Eingangszone',
      'Anna Wagner (Lahnstein) – Eingangszone',
      'Ömer Kaya (Diez) – Eingangszone',
      'Zoe Albers (Bad Ems) – Eingangszone',
    ]);
  });

  it('confirmed namesakes at one site with the same roles still get unique labels, in the order they were created', () => {
    const options = personOptions([p('b', 'anna wagner', 'be', '2026-03-01T00:00:00.000Z'), p('a', 'Anna Wagner', 'be', '2026-02-01T00:00:00.000Z')], site);
    expect(options).toEqual([
      { id: 'a', label: 'Anna Wagner (Bad Ems) – Eingangszone · 1. Eintrag' },
      { id: 'b', label: 'anna wagner (Bad Ems) – Eingangszone · 2. Eintrag' },
    ]);
  });

  it('type-ahead as a select does it (first label starting with the typed text) finds the person typed', () => {
    const options = personOptions([p('1', 'Anna Wagner', 'be'), p('2', 'Anna Wagner', 'dz'), p('3', 'Anna Weber', 'be', undefined, ['TL_EZ'])], site);
    const typeAhead = (typed: string) => options.find((o) => o.label.toLocaleLowerCase('de').startsWith(typed.toLocaleLowerCase('de')))?.id;
    expect(typeAhead('anna wa')).toBe('1');
    expect(typeAhead('anna wagner (d')).toBe('2');
    expect(typeAhead('anna we')).toBe('3');
  });
});
