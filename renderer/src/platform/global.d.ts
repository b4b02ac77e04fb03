import type { PlatformBridge } from '@shared/bridge/contract';

declare global {
  interface Window {
    /** Set by the Electron preload (electron/preload/index.ts); absent in the browser build. */
    anlaufstelle?: PlatformBridge;
  }
}

export {};
