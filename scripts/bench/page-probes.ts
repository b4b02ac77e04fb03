/**
 * Runs in every page of the bench browser before the app's scripts (Playwright addInitScript), so
 * the timings are taken inside the page: keydown → the frame that shows the result, and
 * navigation start → the counter ready for input. Self-contained: Playwright sends its source.
 */
export function installProbes(): void {
  const w = window;
  let keyAt = 0;
  w.addEventListener('keydown', () => (keyAt = performance.now()), true);

  /** Resolves after the frame with the change has been produced (rAF, then the next task). */
  const afterPaint = (resolve: (ms: number) => void, since: number) =>
    requestAnimationFrame(() =>
      setTimeout(() => {
        w.__doneAt = performance.now();
        resolve(w.__doneAt - since);
      }, 0),
    );

  // Counter ready for input: the first step's form holds the focus (KindStep focuses on mount).
  if (location.pathname === '/' || location.pathname.endsWith('/bench/empty.html')) {
    const watch = () => {
      if (document.querySelector('form[aria-label="Anliegensart"]:focus-within')) afterPaint((ms) => (w.__ttiMs = ms), 0);
      else requestAnimationFrame(watch);
    };
    requestAnimationFrame(watch);
  }

  /** Arms a wait for `selector`; it counts from the next keydown and resolves in __pending. */
  w.__arm = (selector: string) => {
    const armedAt = performance.now();
    w.__pending = new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`bench: ${selector} did not appear within 10 s`)), 10_000);
      let seen = false;
      const check = () => {
        if (seen) return true;
        if (keyAt <= armedAt || !document.querySelector(selector)) return false;
        seen = true;
        clearTimeout(timer);
        observer.disconnect();
        afterPaint(resolve, keyAt);
        return true;
      };
      // Focus moves are no DOM mutation, so look every frame too.
      const observer = new MutationObserver(() => void check());
      observer.observe(document, { subtree: true, childList: true, attributes: true });
      const frame = () => {
        if (!check()) requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
  };
}

declare global {
  interface Window {
    __arm?: (selector: string) => void;
    __pending?: Promise<number>;
    __doneAt?: number;
    __ttiMs?: number;
  }
}
