import type { Site, Staff } from '../model/records';
import type { Role } from '../model/vocabulary';

/**
 * The demo directory: the four sites and the staff list, the same on every PC and at the sync
 * service (fixed ids, deterministic names). Kept apart from the demo history (generate.ts) so that
 * tools which need only the people – the browser tests' sign-in – load no calendar data.
 */

/** The four sites have fixed ids, so every installation (and the later sync) agrees on them. */
export const SITE_SEED = [
  { id: '5b1f0f9e-0c57-4d36-9d43-0a7e3c1b0e01', name: 'Bad Ems', code: 'BE' },
  { id: '5b1f0f9e-0c57-4d36-9d43-0a7e3c1b0e02', name: 'Diez', code: 'DZ' },
  { id: '5b1f0f9e-0c57-4d36-9d43-0a7e3c1b0e03', name: 'Lahnstein', code: 'LS' },
  { id: '5b1f0f9e-0c57-4d36-9d43-0a7e3c1b0e04', name: 'Nastätten', code: 'NA' },
] as const;

/** Seed §4.1: free access Mon, Tue, Thu, Fri 08:00–12:00. */
export const DEFAULT_SESSIONS = [1, 2, 4, 5].map((weekday) => ({ weekday, start: '08:00', end: '12:00' }));

const SYSTEM = 'demo-seed';

/** mulberry32: small, fast, good enough for demo data; deterministic per seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function uuidFrom(rand: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rand() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

export const FIRST = ['Anna', 'Ben', 'Clara', 'David', 'Elif', 'Frank', 'Greta', 'Hakan', 'Ines', 'Jonas', 'Katrin', 'Lukas', 'Mira', 'Nils', 'Olga', 'Paul', 'Rita', 'Sven', 'Tanja', 'Uwe', 'Vera', 'Wolf', 'Yasmin', 'Zoe'];
export const LAST = ['Becker', 'Schmidt', 'Weber', 'Wagner', 'Hoffmann', 'Koch', 'Richter', 'Klein', 'Wolf', 'Neumann', 'Schwarz', 'Braun', 'Krüger', 'Hartmann', 'Lange', 'Werner', 'Yılmaz', 'Kaya', 'Nowak', 'Popescu'];
/** Sites and the local staff list (real sign-in comes later): per site three EZ clerks, three LB clerks, one Vermittlung, one Fallmanager. */
export function generateDirectory(now: Date, seed = 1): { sites: Site[]; staff: Staff[] } {
  const rand = prng(seed);
  const at = now.toISOString();
  // Sites and the staff list are configuration, not demo history: they stay when demo data is off.
  const base = { createdAt: at, createdBy: SYSTEM, updatedAt: at, updatedBy: SYSTEM, deletedAt: null };
  const sites: Site[] = SITE_SEED.map((s) => ({ ...base, ...s, minStaff: 1, sessions: DEFAULT_SESSIONS }));
  const staff: Staff[] = [];
  let n = 0;
  const person = (homeSiteId: string, roles: Role[], weekdays = [1, 2, 3, 4, 5]) => {
    const name = `${FIRST[n % FIRST.length]} ${LAST[(n * 7 + 3) % LAST.length]}`;
    n++;
    staff.push({ ...base, id: uuidFrom(rand), name, homeSiteId, roles, weekdays, active: true });
  };
  for (const site of sites) {
    person(site.id, ['EZ']);
    person(site.id, ['EZ'], [1, 2, 4]); // part-time
    person(site.id, ['EZ'], [2, 4, 5]);
    person(site.id, ['LB']);
    person(site.id, ['LB']);
    person(site.id, ['LB']);
    person(site.id, ['VERMITTLUNG']);
    person(site.id, ['FM']);
  }
  const hq = sites[0]!.id;
  person(hq, ['TL_EZ']);
  person(hq, ['TL_LB']);
  person(hq, ['GF', 'ADMIN']);
  // Issue 7: the data-protection officer reads the access log (SPEC §8); works no desk.
  person(hq, ['DSB'], []);
  return { sites, staff };
}

