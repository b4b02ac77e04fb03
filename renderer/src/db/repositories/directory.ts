import type { Site, Staff } from '@shared/model';
import type { AnlaufstelleDB } from '../db';

/** Read side of sites and staff for the counter; the staffing side writes them (issue #3). */
export async function listSites(db: AnlaufstelleDB): Promise<Site[]> {
  const sites = await db.sites.filter((s) => s.deletedAt === null).toArray();
  return sites.sort((a, b) => a.name.localeCompare(b.name, 'de'));
}

export async function listStaff(db: AnlaufstelleDB): Promise<Staff[]> {
  const staff = await db.staff.filter((s) => s.deletedAt === null).toArray();
  return staff.sort((a, b) => a.name.localeCompare(b.name, 'de'));
}
