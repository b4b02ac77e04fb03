import type { z } from 'zod';
import { BRIDGE_CHANNELS } from '@shared/bridge/channels';
import {
  appInfoSchema,
  BRIDGE_FAILURE,
  deviceEnrollSchema,
  deviceNoArgSchema,
  type DeviceAuth,
  type DeviceInfo,
  type EnrollRequest,
  notificationSchema,
  parseBridgeInput,
  receiptSchema,
  reportPrintSchema,
  saveFileSchema,
  type AppInfo,
  type BridgeResult,
  type NotificationRequest,
  type Receipt,
  type ReportPrint,
  type SaveFileRequest,
} from '@shared/bridge/contract';
import type { SenderFrame } from './origin';
import { BridgeRefusal } from './services/device';

/** What main can do for the renderer; each service lives in services/ (STYLE 3). */
export interface BridgeServices {
  printReceipt(receipt: Receipt): Promise<{ printed: boolean }>;
  printReport(report: ReportPrint): Promise<{ printed: boolean }>;
  notify(notification: NotificationRequest): Promise<{ shown: boolean }>;
  appInfo(): Promise<AppInfo>;
  saveFile(file: SaveFileRequest): Promise<{ saved: boolean; path?: string }>;
  deviceInfo(): Promise<DeviceInfo | null>;
  enrollDevice(request: EnrollRequest): Promise<DeviceInfo>;
  deviceAuth(): Promise<DeviceAuth>;
  forgetDevice(): Promise<{ forgotten: boolean }>;
}

/** The parts of Electron's ipcMain and its invoke event the handlers use. */
export interface InvokeEvent {
  readonly senderFrame: SenderFrame | null;
}
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>): void;
}

export interface BridgeHandlerDeps {
  ipcMain: IpcMainLike;
  services: BridgeServices;
  isTrustedSender: (frame: SenderFrame | null) => boolean;
  /** Where a service's own error goes; the renderer only ever sees the German sentence. */
  logError?: (channel: string, error: unknown) => void;
}

export const UNTRUSTED_SENDER_ERROR = 'Anfrage abgelehnt: Sie kam nicht von der Anlaufstelle selbst.';
const SERVICE_ERROR = 'Bitte erneut versuchen; wenn es wieder nicht klappt, die IT-Betreuung informieren.';

/**
 * One handler per channel (STYLE 5): take `unknown`, check the sender frame (Electron security
 * checklist 17), parse with the schema from shared/, call the service, answer a BridgeResult.
 * Nothing throws across IPC: a rejected invoke would reach the UI as an English stack trace.
 */
export function registerBridgeHandlers({ ipcMain, services, isTrustedSender, logError = console.error }: BridgeHandlerDeps): void {
  function handle<A, R>(channel: string, schema: z.ZodType<A>, failure: string, run: (arg: A) => Promise<R>): void {
    ipcMain.handle(channel, async (event, raw): Promise<BridgeResult<R>> => {
      if (!isTrustedSender(event.senderFrame)) return { ok: false, error: `${failure} ${UNTRUSTED_SENDER_ERROR}` };
      const input = parseBridgeInput(schema, raw, failure);
      if (!input.ok) return input;
      try {
        return { ok: true, value: await run(input.value) };
      } catch (error) {
        // A refusal the service answered in German (a used enrollment code) reads as it is.
        if (error instanceof BridgeRefusal) return { ok: false, error: error.message };
        logError(channel, error);
        return { ok: false, error: `${failure} ${SERVICE_ERROR}` };
      }
    });
  }

  handle(BRIDGE_CHANNELS.printReceipt, receiptSchema, BRIDGE_FAILURE.printReceipt, (r) => services.printReceipt(r));
  handle(BRIDGE_CHANNELS.printReport, reportPrintSchema, BRIDGE_FAILURE.printReport, (r) => services.printReport(r));
  handle(BRIDGE_CHANNELS.notify, notificationSchema, BRIDGE_FAILURE.notify, (n) => services.notify(n));
  handle(BRIDGE_CHANNELS.appInfo, appInfoSchema, BRIDGE_FAILURE.appInfo, () => services.appInfo());
  handle(BRIDGE_CHANNELS.saveFile, saveFileSchema, BRIDGE_FAILURE.saveFile, (f) => services.saveFile(f));
  handle(BRIDGE_CHANNELS.deviceInfo, deviceNoArgSchema, BRIDGE_FAILURE.deviceInfo, () => services.deviceInfo());
  handle(BRIDGE_CHANNELS.enrollDevice, deviceEnrollSchema, BRIDGE_FAILURE.enrollDevice, (r) => services.enrollDevice(r));
  handle(BRIDGE_CHANNELS.deviceAuth, deviceNoArgSchema, BRIDGE_FAILURE.deviceAuth, () => services.deviceAuth());
  handle(BRIDGE_CHANNELS.forgetDevice, deviceNoArgSchema, BRIDGE_FAILURE.forgetDevice, () => services.forgetDevice());
}
