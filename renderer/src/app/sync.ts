import type { AnlaufstelleDB } from '../db/db';
import { addressedTo, toNotification } from '../db/repositories/inbox';
import { notifyAll } from '../features/staffing/write-helpers';
import { announce } from '../state/announcer';
import { deskPerson, useSession } from '../state/session';
import { createSyncEngine, deviceIdOf, type SyncEngine } from '../sync/engine';
import { useSyncStatus } from '../sync/status-store';
import { syncTransport } from '../platform/sync';
import { deviceRefused, useAuth } from '../auth/auth';

let engine: SyncEngine | null = null;

/**
 * Starts this PC's sync with the Jobcenter's sync service (issue 6), after the app is ready.
 * Without a configured service the header says so and the PC works on its own data, as before.
 * A change the server refused (e.g. a visitor another clerk took first) is told in German.
 */
export async function startSync(db: AnlaufstelleDB): Promise<void> {
  if (engine) return;
  const deviceId = await deviceIdOf(db);
  engine = createSyncEngine({
    db,
    transport: syncTransport(
      () => ({ deviceId, userId: useAuth.getState().user?.username ?? useSession.getState().settings.deskStaffId ?? null }),
      // Issue 7 item 2: the service no longer knows this PC (revoked, or its database restored
      // without it): it is enrolled anew, and nothing is lost – the outbox waits.
      (code, message) => {
        if (code === 'device-revoked' || code === 'device-unknown') void deviceRefused(message);
      },
    ),
    siteId: () => useSession.getState().settings.siteId ?? null,
    // Issue 7 item 3: nothing goes in a person's name without her proof (or her confirmation).
    requireProofs: true,
    onStatus: (status) => useSyncStatus.getState().set(status),
    onRejected: (messages) => {
      for (const m of messages) announce(`Nicht übernommen: ${m}`, 'warning', { durationMs: 15_000 });
    },
    // Issue 6 item 3: a message written at another PC (a cover proposal for TL Leistung, a stand-in
    // asked) reaches this PC's person with its OS notification, as on the PC where it was written.
    onNewInbox: (messages) => {
      // Issue 7 item 4: nothing pops up over a locked screen or for nobody.
      const phase = useAuth.getState().phase;
      if (phase !== 'signed-in' && phase !== 'standalone') return;
      const me = deskPerson();
      if (!me) return;
      const forMe = messages.filter((m) => m.deletedAt === null && m.readAt === null && addressedTo(me, m));
      void notifyAll(forMe.map(toNotification));
    },
  });
  // A PC moved to another site asks for its code there at once (issue 6 item 6).
  useSession.subscribe((s, prev) => {
    if (s.settings.siteId !== prev.settings.siteId) void engine?.syncNow();
  });
  // Issue 7 item 6: a sign-in may widen what this PC may see (her cases, absence reasons for an
  // ADMIN): a round now re-pulls under the new scope instead of at the next poll.
  useAuth.subscribe((s, prev) => {
    if (s.phase === 'signed-in' && s.user?.username !== prev.user?.username) void engine?.syncNow();
  });
  // The browser knows before any request fails or succeeds: no need to wait for the back-off.
  window.addEventListener('online', () => void engine?.syncNow());
  await engine.start();
}

/** A sync round now (e.g. after the person confirmed changes waiting in her name); none without a service. */
export function syncNow(): void {
  void engine?.syncNow();
}
