// Extracts Germany's rule set from the pinned `date-holidays` package into
// shared/domain/holidays-de.data.json. The renderer then ships ~30 KB of rules instead of the
// library's data for every country (~800 KB). The rules stay the maintained library's – never
// hand-written – and test/unit/shared/domain/holidays-data.test.ts fails whenever the extract
// differs from the installed library, so an upgrade of date-holidays means: run this again.
//   node scripts/extract-holidays-de.mjs
import { writeFileSync } from 'node:fs';
import { data } from 'date-holidays/data';

export function extractGermany(source) {
  return { version: source.version, license: source.license, holidays: { DE: source.holidays.DE }, names: source.names };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const target = new URL('../shared/domain/holidays-de.data.json', import.meta.url);
  writeFileSync(target, `${JSON.stringify(extractGermany(data), null, 1)}\n`);
  console.log(`wrote ${target.pathname} (date-holidays data ${data.version})`);
}
