/**
 * The demo's sign-in names (issue 7): the sync service, started for the demo or the browser tests
 * with --demo-accounts, gives every person of the demo staff list an account "vorname.nachname"
 * with one shared password. Never in production (server/src/main.ts).
 */
export const DEMO_PASSWORD = 'anlaufstelle';

/** "Hakan Yılmaz" → "hakan.yilmaz", "Rita Krüger" → "rita.krueger". */
export function demoUsername(name: string): string {
  return name
    .toLowerCase()
    .replaceAll('ä', 'ae')
    .replaceAll('ö', 'oe')
    .replaceAll('ü', 'ue')
    .replaceAll('ß', 'ss')
    .replaceAll('ı', 'i')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.|\.$/g, '');
}
