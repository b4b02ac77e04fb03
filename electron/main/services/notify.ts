import type { NotificationRequest } from '@shared/bridge/contract';

/** The parts of Electron's Notification class the service uses. */
export interface NotificationHandle {
  show(): void;
  close(): void;
  once(event: 'close', listener: () => void): unknown;
}
export interface NotificationClass {
  new (options: { title: string; body: string }): NotificationHandle;
  isSupported(): boolean;
}

/**
 * Desktop notifications from the main process, so the renderer needs no permission
 * (security.ts denies them all). Electron's Notification has no `tag`; like the Web API, a new
 * notification with the same tag replaces the old one instead of stacking up.
 */
export function createNotifyService({ Notification }: { Notification: NotificationClass }) {
  const byTag = new Map<string, NotificationHandle>();
  return {
    async notify({ title, body, tag }: NotificationRequest): Promise<{ shown: boolean }> {
      // Unsupported is a fact about the machine, not an error (same as the web bridge).
      if (!Notification.isSupported()) return { shown: false };
      const notification = new Notification({ title, body });
      if (tag !== undefined) {
        byTag.get(tag)?.close();
        byTag.set(tag, notification);
        // Forget it once it is gone: every inbox message has its own tag, the map must not grow.
        notification.once('close', () => {
          if (byTag.get(tag) === notification) byTag.delete(tag);
        });
      }
      notification.show();
      return { shown: true };
    },
  };
}
