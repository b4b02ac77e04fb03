import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import type { SilentAlarm } from '@shared/model';
import { getDb } from '../../db/db';
import { acknowledgeAlarm, openAlarmsFor, raiseAlarm } from '../../db/repositories/alarms';
import { writeContext } from '../../app/write-context';
import { formatTime } from '../../lib/format';
import { useDeskStaff, useSession } from '../../state/session';
import { deviceIdOf } from '../../sync/engine';

/**
 * Stiller Alarm (issue 6 item 5; staff safety at the counter, as the emergency call of ZMS).
 *
 * Strg+Alt+Umschalt+A at any desk raises it – with no visible sign on that screen: a threatening
 * visitor stands in front of it. Every other PC of the site and the leads' PCs show it at once,
 * with desk and time, until a colleague acknowledges it. When the alarm cannot leave this PC
 * (no network, no sync service), the header says so in a few neutral words only the clerk
 * understands: "Meldung nicht gesendet".
 */
export const ALARM_KEYS = 'Control+Alt+Shift+A';

/** How long the alarm may take to reach the service before the triggering PC says it did not. */
const SENT_WITHIN_MS = 4000;

function isAlarmKey(e: KeyboardEvent): boolean {
  return e.ctrlKey && e.altKey && e.shiftKey && !e.metaKey && e.code === 'KeyA';
}

function useDeviceId(): string | null {
  const [id, setId] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void deviceIdOf(getDb()).then((d) => live && setId(d));
    return () => {
      live = false;
    };
  }, []);
  return id;
}

/** The key combination and the discreet "not sent" hint of the triggering PC (in the header). */
export function SilentAlarmTrigger() {
  const deviceId = useDeviceId();
  const [raised, setRaised] = useState<string | null>(null);
  /** The alarm whose time to reach the service has run out. */
  const [late, setLate] = useState<string | null>(null);

  useEffect(() => {
    if (!deviceId) return;
    const onKey = (e: KeyboardEvent) => {
      if (!isAlarmKey(e) || e.repeat) return;
      e.preventDefault();
      e.stopPropagation();
      const { settings, sites, staff } = useSession.getState();
      const site = sites.find((s) => s.id === settings.siteId);
      if (!site) return;
      const person = staff.find((s) => s.id === settings.deskStaffId);
      const deskLabel = `${person?.name ?? 'unbesetzter Platz'}, ${site.name}`;
      void raiseAlarm(getDb(), { siteId: site.id, deskLabel, deviceId }, writeContext({ evenLocked: true })).then((a) => {
        setRaised(a.id);
        setTimeout(() => setLate(a.id), SENT_WITHIN_MS);
      });
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [deviceId]);

  const waiting = useLiveQuery(
    async () => (raised ? (await getDb().outbox.where('[table+recordId]').equals(['alarms', raised]).count()) > 0 : false),
    [raised],
  );
  const unsent = raised !== null && late === raised && waiting === true;
  // Neutral words, no colour, no sound: meaningful to the clerk, not to the person at the desk.
  return unsent ? (
    <span className="sync-status" data-testid="alarm-unsent">
      · Meldung nicht gesendet
    </span>
  ) : null;
}

/** The alarms of colleagues that concern this PC, each until someone acknowledges it. */
export function SilentAlarmBanner() {
  const deviceId = useDeviceId();
  const siteId = useSession((s) => s.settings.siteId);
  const me = useDeskStaff();
  const alarms = useLiveQuery(
    () =>
      deviceId
        ? openAlarmsFor(getDb(), { deviceId, siteId: siteId ?? null, roles: me?.roles ?? [], homeSiteId: me?.homeSiteId ?? null }, new Date())
        : Promise.resolve([] as SilentAlarm[]),
    [deviceId, siteId, me?.roles.join(','), me?.homeSiteId],
  );
  const [error, setError] = useState<string | null>(null);
  if (!alarms || alarms.length === 0) return null;
  const acknowledge = (a: SilentAlarm) => {
    setError(null);
    acknowledgeAlarm(getDb(), a.id, writeContext()).catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  };
  return (
    <section className="silent-alarm" aria-labelledby="silent-alarm-title">
      <h2 id="silent-alarm-title">Stiller Alarm</h2>
      <div role="alert">
        <ul>
        {alarms.map((a) => (
          <li key={a.id}>
            <span>
              <strong>{a.deskLabel}</strong> braucht Hilfe – ausgelöst um {formatTime(a.raisedAt)} Uhr.
            </span>{' '}
            <button type="button" onClick={() => acknowledge(a)}>
              Ich kümmere mich (Alarm beenden)
            </button>
          </li>
        ))}
        </ul>
      </div>
      {error && <p role="status">{error}</p>}
    </section>
  );
}
