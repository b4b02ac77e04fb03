import { useSyncExternalStore } from 'react';

/**
 * A hash router: the app is served from app://anlaufstelle/index.html and from a plain web server,
 * and the hash works the same in both. "#/tickets/abc" → ['tickets', 'abc'].
 */
function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    // A malformed hand-typed address must not stop the app; the screen treats it as unknown.
    return segment;
  }
}

function read(): string[] {
  return window.location.hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decode);
}

let current = read();
let currentKey = current.join('/');
const listeners = new Set<() => void>();

/**
 * A screen with unsaved input that must not be left silently (issue 10 item 7: a changed "Am Platz"
 * dropped by Alt+2). Asked before any change of the route – Alt+key, a link, the browser's back –
 * with the way to go on; returns true when it holds the route (it then asks the clerk).
 */
export type LeaveGuard = (proceed: () => void) => boolean;
let guard: LeaveGuard | null = null;

/** Installs the guard of the screen on view; the returned function removes it again. */
export function setLeaveGuard(next: LeaveGuard): () => void {
  guard = next;
  return () => {
    if (guard === next) guard = null;
  };
}

function held(go: () => void): boolean {
  if (!guard) return false;
  const ask = guard;
  return ask(() => {
    if (guard === ask) guard = null;
    go();
  });
}

window.addEventListener('hashchange', () => {
  const next = read();
  if (next.join('/') === currentKey) return;
  const target = window.location.hash;
  // A link or the back button already changed the address: put it back while the clerk decides.
  if (held(() => (window.location.hash = target))) {
    history.replaceState(history.state, '', `#/${current.map(encodeURIComponent).join('/')}`);
    return;
  }
  current = next;
  currentKey = next.join('/');
  listeners.forEach((l) => l());
});

export function useRoute(): string[] {
  return useSyncExternalStore(
    (cb) => {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    () => current,
  );
}

export function navigate(...segments: string[]): void {
  if (segments.join('/') !== currentKey && held(() => navigate(...segments))) return;
  window.location.hash = `#/${segments.map(encodeURIComponent).join('/')}`;
}

export function hrefTo(...segments: string[]): string {
  return `#/${segments.map(encodeURIComponent).join('/')}`;
}
