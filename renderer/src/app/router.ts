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

window.addEventListener('hashchange', () => {
  const next = read();
  if (next.join('/') === currentKey) return;
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
  window.location.hash = `#/${segments.map(encodeURIComponent).join('/')}`;
}

export function hrefTo(...segments: string[]): string {
  return `#/${segments.map(encodeURIComponent).join('/')}`;
}
