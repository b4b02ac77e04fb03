import Dexie, { type Transaction } from 'dexie';
import { HlcClock } from '@shared/sync/hlc';

/**
 * One hybrid logical clock per local database (a PC has one; tests open many). Its node is the
 * PC's device id once the sync engine has loaded it; until then a random node keeps stamps unique.
 */
const clocks = new WeakMap<Dexie, HlcClock>();

export function clockOf(db: Dexie): HlcClock {
  let clock = clocks.get(db);
  if (!clock) {
    clock = new HlcClock(crypto.randomUUID());
    clocks.set(db, clock);
  }
  return clock;
}

/**
 * The transaction group of the current write: every outbox row written inside one Dexie
 * transaction (nested ones included – they share the IndexedDB transaction) gets the same id, so
 * the server applies them all or none (a cover decision with its shifts and inbox messages).
 */
const groups = new WeakMap<object, string>();

export function currentTxId(): string {
  const tx = Dexie.currentTransaction as (Transaction & { idbtrans?: object }) | null;
  const key = tx?.idbtrans ?? tx;
  if (!key) return crypto.randomUUID();
  let id = groups.get(key);
  if (!id) {
    id = crypto.randomUUID();
    groups.set(key, id);
  }
  return id;
}
