import type { PlatformBridge } from '@shared/bridge/contract';
import { createWebBridge } from './web-bridge';

/**
 * The bridge the UI talks to: Electron's, exposed by the preload, or the browser's.
 * UI code imports `platform` and never asks which one it got (STYLE 4).
 */
export const platform: PlatformBridge = window.anlaufstelle ?? createWebBridge();
