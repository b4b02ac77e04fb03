import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

/**
 * `npm run bench` only: the floor under "page load → counter ready" – an empty Vite + React page
 * built with the app's own config, ready when its one field has the focus (the same probe as the
 * counter's first step, scripts/bench/page-probes.ts). Never part of the app's bundle.
 */
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <form aria-label="Anliegensart">
      <input aria-label="Leer" autoFocus />
    </form>
  </StrictMode>,
);
