import type { Site } from '@shared/model';

/** The four sites as `<option>`s, in the directory's order – for every site picker. */
export function SiteOptions({ sites }: { sites: readonly Pick<Site, 'id' | 'name'>[] }) {
  return (
    <>
      {sites.map((s) => (
        <option key={s.id} value={s.id}>
          {s.name}
        </option>
      ))}
    </>
  );
}
