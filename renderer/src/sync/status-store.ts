import { create } from 'zustand';
import type { SyncStatus } from './engine';

/** The sync engine's state for the header (issue 6 item 4). 'off' until the engine says otherwise. */
export const useSyncStatus = create<{ status: SyncStatus; set(status: SyncStatus): void }>()((set) => ({
  status: { mode: 'off', offlineSince: null, pending: 0, message: null },
  set: (status) => set({ status }),
}));

const changes = (n: number) => (n === 1 ? '1 Änderung wartet' : `${n} Änderungen warten`);

/**
 * The sync state in words (issue 6 item 4): "verbunden", "offline seit 10:42 – 12 Änderungen
 * warten", "Synchronisation fehlgeschlagen: …". `time` formats the offline start (Berlin time).
 */
export function syncStatusText(s: SyncStatus, time: (iso: string) => string): string {
  switch (s.mode) {
    case 'off':
      return 'Nur dieser PC – kein Sync-Dienst eingerichtet';
    case 'connecting':
      return 'Verbindung zum Sync-Dienst wird aufgebaut …';
    case 'online':
      return s.pending > 0 ? `verbunden – ${changes(s.pending)}` : 'verbunden';
    case 'offline': {
      const since = s.offlineSince ? `offline seit ${time(s.offlineSince)}` : 'offline';
      return s.pending > 0 ? `${since} – ${changes(s.pending)}` : since;
    }
    case 'error':
      return `Synchronisation fehlgeschlagen: ${s.message ?? 'unbekannter Fehler'}`;
  }
}
