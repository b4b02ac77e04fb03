/**
 * Ports of the e2e servers. E2E_PORT moves all of them, so a second checkout (a git worktree) can
 * run its suite at the same time: the page without sync, the page whose `/sync` goes to the sync
 * service (issue 6), and the sync service itself.
 */
export const PAGE_PORT = Number(process.env.E2E_PORT ?? 4173);
export const SYNCED_PAGE_PORT = PAGE_PORT + 1;
export const SYNC_SERVICE_PORT = PAGE_PORT + 4600;
export const SYNCED_PAGE_URL = `http://127.0.0.1:${SYNCED_PAGE_PORT}`;
