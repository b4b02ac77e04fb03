import { useSyncExternalStore } from 'react';

/**
 * One shared ticking clock for waiting times and deadlines. Components subscribe with the
 * resolution they need; one interval per resolution, not one per row.
 */
const listeners = new Map<number, Set<() => void>>();
const timers = new Map<number, ReturnType<typeof setInterval>>();
const snapshots = new Map<number, number>();

function subscribe(resolution: number, cb: () => void): () => void {
  let set = listeners.get(resolution);
  if (!set) {
    set = new Set();
    listeners.set(resolution, set);
    if (!snapshots.has(resolution)) snapshots.set(resolution, Date.now());
    timers.set(
      resolution,
      setInterval(() => {
        snapshots.set(resolution, Date.now());
        listeners.get(resolution)?.forEach((l) => l());
      }, resolution),
    );
  }
  set.add(cb);
  return () => {
    set.delete(cb);
    if (set.size === 0) {
      clearInterval(timers.get(resolution));
      timers.delete(resolution);
      listeners.delete(resolution);
      snapshots.delete(resolution);
    }
  };
}

// One stable subscribe function per resolution: a new one per render makes React resubscribe on
// every render; the last unsubscribe drops the snapshot, the resubscribe takes a fresh Date.now(),
// React sees a changed snapshot and renders again – an endless loop once a render takes over 1 ms.
const subscribers = new Map<number, (cb: () => void) => () => void>();
function subscriberFor(resolution: number): (cb: () => void) => () => void {
  let fn = subscribers.get(resolution);
  if (!fn) {
    fn = (cb) => subscribe(resolution, cb);
    subscribers.set(resolution, fn);
  }
  return fn;
}

export function useNow(resolutionMs = 15_000): Date {
  const ms = useSyncExternalStore(
    subscriberFor(resolutionMs),
    () => {
      // getSnapshot must be stable between calls: take the time once, then keep it until a tick.
      if (!snapshots.has(resolutionMs)) snapshots.set(resolutionMs, Date.now());
      return snapshots.get(resolutionMs)!;
    },
  );
  return new Date(ms);
}
