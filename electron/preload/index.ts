import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_CHANNELS, type BridgeChannel } from '@shared/bridge/channels';
import type { BridgeResult, PlatformBridge } from '@shared/bridge/contract';

/**
 * The renderer's only door to the platform (STYLE 4): exactly the PlatformBridge object, each
 * method one `invoke` on one channel. ipcRenderer itself is never exposed (Electron security
 * checklist 20), and only values (no zod) are imported, because a sandboxed preload cannot load
 * packages from node_modules.
 */

/** Main answers every call with a BridgeResult; only an argument that cannot be cloned still throws here. */
function call<T>(channel: BridgeChannel, arg?: unknown): Promise<BridgeResult<T>> {
  const sent = arg === undefined ? ipcRenderer.invoke(channel) : ipcRenderer.invoke(channel, arg);
  return sent.catch(() => ({ ok: false, error: 'Die Anfrage konnte nicht übermittelt werden.' }));
}

const bridge = {
  kind: 'electron',
  printReceipt: (receipt) => call(BRIDGE_CHANNELS.printReceipt, receipt),
  printReport: (report) => call(BRIDGE_CHANNELS.printReport, report),
  notify: (notification) => call(BRIDGE_CHANNELS.notify, notification),
  appInfo: () => call(BRIDGE_CHANNELS.appInfo),
  saveFile: (file) => call(BRIDGE_CHANNELS.saveFile, file),
  deviceInfo: () => call(BRIDGE_CHANNELS.deviceInfo),
  enrollDevice: (request) => call(BRIDGE_CHANNELS.enrollDevice, request),
  deviceAuth: () => call(BRIDGE_CHANNELS.deviceAuth),
  forgetDevice: () => call(BRIDGE_CHANNELS.forgetDevice),
} satisfies PlatformBridge;

contextBridge.exposeInMainWorld('anlaufstelle', bridge);
