import { deviceClient, DeviceAuthError, storedCredentialSchema, type CredentialStore, type MiniFetch } from '@shared/auth/device-client';
import type { DeviceAuth, DeviceInfo, EnrollRequest } from '@shared/bridge/contract';

/** The parts of Electron's safeStorage the service uses (DPAPI on Windows). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

export interface DeviceServiceDeps {
  safeStorage: SafeStorageLike;
  /** The credential file's bytes, or null when there is none. */
  readFile(): Promise<Buffer | null>;
  writeFile(data: Buffer): Promise<void>;
  removeFile(): Promise<void>;
  /** The sync service (null: none configured – then nothing can be enrolled). */
  serviceUrl: string | null;
  fetch: MiniFetch;
}

/** A refusal whose German sentence the renderer shows as it is (ipc.ts passes it through). */
export class BridgeRefusal extends Error {}

/**
 * Issue 7 item 2 in the desktop app: the PC's credential lives only in the main process, encrypted
 * with safeStorage (Windows: DPAPI, bound to the Windows account), in the app's data folder. The
 * sync proxy asks `token()` for the short-lived PC token and adds it to each request; the renderer
 * sees neither the secret nor the token (`deviceAuth` gives it nothing to add).
 */
export function createDeviceService(deps: DeviceServiceDeps) {
  const store: CredentialStore = {
    async load() {
      const bytes = await deps.readFile();
      if (bytes === null || !deps.safeStorage.isEncryptionAvailable()) return null;
      try {
        const parsed = storedCredentialSchema.safeParse(JSON.parse(deps.safeStorage.decryptString(bytes)));
        return parsed.success ? parsed.data : null;
      } catch {
        // Unreadable (another Windows account, a damaged file): the PC is enrolled anew.
        return null;
      }
    },
    async save(credential) {
      if (!deps.safeStorage.isEncryptionAvailable()) {
        throw new BridgeRefusal('Die Zugangsdaten dieses PCs können hier nicht verschlüsselt gespeichert werden; bitte die IT-Betreuung informieren.');
      }
      await deps.writeFile(deps.safeStorage.encryptString(JSON.stringify(credential)));
    },
    clear: () => deps.removeFile(),
  };
  const client = deps.serviceUrl === null ? null : deviceClient({ baseUrl: deps.serviceUrl, fetch: deps.fetch, store });
  const refusing = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      if (error instanceof DeviceAuthError) throw new BridgeRefusal(error.message);
      throw error;
    }
  };
  return {
    deviceInfo: async (): Promise<DeviceInfo | null> => (client ? client.info() : null),
    enrollDevice: (request: EnrollRequest): Promise<DeviceInfo> =>
      refusing(async () => {
        if (!client) throw new BridgeRefusal('Für diesen PC ist kein Sync-Dienst eingerichtet (sync.json).');
        // The credential is written before the answer returns: a PC is never enrolled without it.
        if (!deps.safeStorage.isEncryptionAvailable()) {
          throw new BridgeRefusal('Die Zugangsdaten dieses PCs können hier nicht verschlüsselt gespeichert werden; bitte die IT-Betreuung informieren.');
        }
        return client.enroll(request);
      }),
    /** The renderer adds nothing: the proxy in main adds the PC token. */
    deviceAuth: async (): Promise<DeviceAuth> => ({ headers: {}, liveToken: null }),
    forgetDevice: async () => {
      await (client ? client.forget() : store.clear());
      return { forgotten: true };
    },
    /** For the sync proxy: a valid PC token, or null (not enrolled, or the service refuses it). */
    async token(): Promise<string | null> {
      if (!client) return null;
      try {
        return await client.token();
      } catch {
        return null;
      }
    },
    invalidateToken: () => client?.invalidate(),
  };
}
