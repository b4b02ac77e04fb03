import type { PlatformBridge } from './contract';

/**
 * IPC channel names, `domain:verb` (STYLE 4). Kept apart from the zod schemas on purpose: the
 * sandboxed preload imports this file, and a sandboxed preload cannot `require` packages from
 * node_modules, so nothing here may pull in zod (Electron security checklist: sandbox).
 */
export const BRIDGE_CHANNELS = {
  printReceipt: 'receipt:print',
  printReport: 'report:print',
  notify: 'notification:show',
  appInfo: 'app:info',
  saveFile: 'file:save',
  deviceInfo: 'device:info',
  enrollDevice: 'device:enroll',
  deviceAuth: 'device:auth',
  forgetDevice: 'device:forget',
} as const satisfies Record<Exclude<keyof PlatformBridge, 'kind'>, `${string}:${string}`>;

export type BridgeChannel = (typeof BRIDGE_CHANNELS)[keyof typeof BRIDGE_CHANNELS];
