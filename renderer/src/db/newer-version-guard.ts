import Dexie from 'dexie';

/**
 * STYLE 8: refuse a database written by a newer app instead of working on a shape this app does
 * not know. Dexie 4 does not refuse it by itself: when IndexedDB answers VersionError ("the stored
 * database is a higher version than requested"), Dexie reopens with `indexedDB.open(name)` – no
 * version – and, if the installed schema lacks something this app declares, even upgrades the
 * newer database to patch it. Two guards, both leaving the data as it was:
 */

/**
 * 1. Before anything is opened: this app always opens with its own version, so an `open(name)`
 *    without one can only be Dexie's fallback after a VersionError. It is answered with a request
 *    for version 1, which IndexedDB refuses with VersionError too – and Dexie then gives up.
 */
export function refusingNewerVersions(factory: IDBFactory): IDBFactory {
  return new Proxy(factory, {
    get(target, prop) {
      if (prop === 'open') {
        return (name: string, version?: number) => target.open(name, version ?? 1);
      }
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/**
 * 2. After opening, whatever path Dexie took: a newer installed version fails open() (and every
 *    auto-open) with Dexie.VersionError; bootstrap.ts shows the German message.
 */
export function refuseNewerDatabase(appVersion: number) {
  return (db: Dexie): void => {
    // Dexie stores version n as n × 10 (plus 1 when it has patched a schema within a version).
    const installed = Math.floor(db.backendDB().version / 10);
    if (installed > appVersion) {
      throw new Dexie.VersionError(`Database version ${installed} is newer than this app's version ${appVersion}.`);
    }
  };
}
