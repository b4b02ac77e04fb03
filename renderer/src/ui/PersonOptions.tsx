import { useMemo } from 'react';
import type { Site, Staff } from '@shared/model';
import { personOptions } from '@shared/model';

/**
 * People as `<option>`s for every person picker (issue 10 item 4): "Anna Wagner (Bad Ems) –
 * Eingangszone", sorted by name and unique (shared/model/people.ts), so type-ahead finds the
 * person by name and namesakes at different sites are told apart.
 */
export function PersonOptions({ people, sites }: { people: readonly Staff[]; sites: readonly Pick<Site, 'id' | 'name'>[] }) {
  const options = useMemo(() => {
    const names = new Map(sites.map((s) => [s.id, s.name]));
    return personOptions(people, (id) => names.get(id) ?? 'unbekannter Standort');
  }, [people, sites]);
  return (
    <>
      {options.map((o) => (
        <option key={o.id} value={o.id}>
          {o.label}
        </option>
      ))}
    </>
  );
}
