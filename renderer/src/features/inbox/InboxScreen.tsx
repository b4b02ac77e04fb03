import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { InboxMessage } from '@shared/model';
import { rolesText } from '@shared/model';
import { hrefTo } from '../../app/router';
import { writeContext } from '../../app/write-context';
import { getDb } from '../../db/db';
import { inboxFor, markAllRead, markRead } from '../../db/repositories/inbox';
import { formatDateTime } from '../../lib/format';
import { announce } from '../../state/announcer';
import { useDeskStaff, useSites, useStaff } from '../../state/session';
import { boardCellSegments } from '../staffing/staffing-routes';
import { orderInbox, recipientText, settledLines, unreadLabel } from './inbox-model';
import './inbox.css';
import { writeErrorMessage } from '../../lib/use-write-action';

const NONE: InboxMessage[] = [];

/**
 * The role inbox (issue #3 items 6 and 8): messages for the roles of the person am Platz (FM
 * messages of their home site), unread first. Keyboard: ↑/↓ move between messages, G marks the
 * focused one read; every action is also a button. Read state is shared by everyone holding the
 * role (inbox.ts).
 */
export function InboxScreen() {
  const id = useId();
  const person = useDeskStaff();
  const sites = useSites();
  const staff = useStaff();
  const listRef = useRef<HTMLUListElement>(null);
  const [active, setActive] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const messages = useLiveQuery(
    async () => (person ? orderInbox(await inboxFor(getDb(), person)) : NONE),
    [person],
  );
  const siteName = (sid: string) => sites.find((s) => s.id === sid)?.name;
  const personName = (pid: string) => staff.find((p) => p.id === pid)?.name;
  const unread = (messages ?? NONE).filter((m) => m.readAt === null).length;
  const current = Math.min(active, Math.max((messages?.length ?? 1) - 1, 0));

  async function read(m: InboxMessage) {
    if (m.readAt !== null) return;
    try {
      await markRead(getDb(), m.id, writeContext());
      announce(`Gelesen: ${m.title}.`, 'info');
      setError(null);
    } catch (e) {
      setError(writeErrorMessage(e));
    }
  }
  async function readAll() {
    if (!person) return;
    try {
      const n = await markAllRead(getDb(), person, writeContext());
      announce(n === 1 ? '1 Nachricht als gelesen markiert.' : `${n} Nachrichten als gelesen markiert.`, 'info');
      setError(null);
    } catch (e) {
      setError(writeErrorMessage(e));
    }
  }

  function focusItem(i: number) {
    setActive(i);
    listRef.current?.querySelectorAll<HTMLElement>('article')[i]?.focus();
  }
  function onKeyDown(e: KeyboardEvent<HTMLUListElement>) {
    if (!messages || messages.length === 0 || e.altKey || e.ctrlKey || e.metaKey) return;
    if ((e.target as HTMLElement).tagName !== 'ARTICLE') return;
    const last = messages.length - 1;
    const moves: Record<string, number> = { ArrowDown: Math.min(current + 1, last), ArrowUp: Math.max(current - 1, 0), Home: 0, End: last };
    if (e.key in moves) {
      e.preventDefault();
      focusItem(moves[e.key]!);
    } else if (e.key === 'g' || e.key === 'G') {
      e.preventDefault();
      void read(messages[current]!);
    }
  }

  return (
    <div className="inbox-screen">
      <h1>Postfach</h1>
      {!person ? (
        <p className="notice">Bitte zuerst in den Einstellungen die Person am Platz wählen.</p>
      ) : (
        <>
          <p>
            Nachrichten für <strong>{person.name}</strong> in den Rollen {rolesText(person.roles)}
            {person.roles.includes('FM') ? ` (Fallmanagement ${siteName(person.homeSiteId) ?? ''})` : ''}.{' '}
            <span className="hint">
              Benachrichtigungen zeigt der PC, an dem entschieden wurde; die Postfächer der anderen PCs füllen sich, sobald die Synchronisation
              eingerichtet ist.
            </span>
          </p>
          <div className="toolbar">
            <p className="inbox-count">{unreadLabel(unread)}</p>
            <button type="button" onClick={() => void readAll()} disabled={unread === 0}>
              Alle als gelesen markieren
            </button>
          </div>
          <p id={`${id}-keys`} className="hint">
            <kbd>↑</kbd> <kbd>↓</kbd> Nachricht wählen · <kbd>G</kbd> als gelesen markieren · <kbd>Tab</kbd> zu Link und Schaltfläche der Nachricht
          </p>
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
          {!messages ? (
            <p aria-busy="true">Wird geladen …</p>
          ) : messages.length === 0 ? (
            <p>Keine Nachrichten.</p>
          ) : (
            <ul className="inbox-list" aria-label="Nachrichten" ref={listRef} onKeyDown={onKeyDown}>
              {messages.map((m, i) => (
                <li key={m.id}>
                  <article
                    className={m.readAt === null ? 'inbox-item is-unread' : 'inbox-item'}
                    tabIndex={i === current ? 0 : -1}
                    aria-labelledby={`${id}-${m.id}`}
                    aria-describedby={`${id}-keys`}
                    aria-keyshortcuts="G"
                    onFocus={(e) => {
                      if (e.target === e.currentTarget) setActive(i);
                    }}
                  >
                    <h2 id={`${id}-${m.id}`} className="inbox-title">
                      {m.readAt === null ? <span className="badge badge-due-soon">Ungelesen</span> : <span className="badge badge-neutral">Gelesen</span>}{' '}
                      {m.title}
                    </h2>
                    <p className="hint">
                      {formatDateTime(m.createdAt)} · an {recipientText(m, siteName, personName)}
                    </p>
                    <p className="inbox-body">{m.body}</p>
                    {settledLines(m).map((line) => (
                      <p key={line} className="inbox-settled">
                        {line}
                      </p>
                    ))}
                    <div className="inbox-actions">
                      {m.refs.siteId && m.refs.date && m.refs.sessionStart && (
                        <a href={hrefTo(...boardCellSegments({ siteId: m.refs.siteId, date: m.refs.date, sessionStart: m.refs.sessionStart }))}>
                          Zur Öffnungszeit in der Übersicht
                        </a>
                      )}
                      {m.readAt === null && (
                        <button type="button" onClick={() => void read(m)}>
                          Als gelesen markieren<span className="visually-hidden">: {m.title}</span>
                        </button>
                      )}
                    </div>
                  </article>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
