import { useSwitchPersonHint } from '../../auth/auth';
import { useEffect, useId, useRef, useState } from 'react';
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
import { INITIAL_FOCUS, isTextEntry, useWindowKeydown } from '../../lib/keyboard';

const NONE: InboxMessage[] = [];

/**
 * The role inbox (issue #3 items 6 and 8): messages for the roles of the person am Platz (FM
 * messages of their home site), unread first. Keyboard: ↑/↓ move between messages, G marks the
 * focused one read; every action is also a button. Read state is shared by everyone holding the
 * role (inbox.ts).
 */
export function InboxScreen() {
  const switchHint = useSwitchPersonHint();
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
      // The question is gone with the last unread message: the focus goes back to the list.
      focusItem(current);
      setError(null);
    } catch (e) {
      setError(writeErrorMessage(e));
    }
  }

  function focusItem(i: number) {
    setActive(i);
    listRef.current?.querySelectorAll<HTMLElement>('article')[i]?.focus();
  }
  // ↑/↓/G work from wherever the focus is on the Postfach (issue 10 item 2), also from a message's
  // link or button – the keys the hint names; a dialog or text field keeps its own keys.
  useWindowKeydown((e) => {
    if (!messages || messages.length === 0 || e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || isTextEntry(e.target)) return;
    const target = e.target instanceof Element ? e.target : null;
    if (target?.closest('[data-own-keys]')) return;
    // The keys belong to the Postfach's content, not to the navigation above it.
    if (target && target !== document.body && !target.closest('main')) return;
    // Focus on a message's link or button: the keys act on that message.
    const article = target?.closest('article');
    const at = article ? Array.from(listRef.current?.querySelectorAll('article') ?? []).indexOf(article as HTMLElement) : -1;
    const from = at >= 0 ? at : current;
    const last = messages.length - 1;
    const moves: Record<string, number> = { ArrowDown: Math.min(from + 1, last), ArrowUp: Math.max(from - 1, 0), Home: 0, End: last };
    if (e.key in moves) {
      e.preventDefault();
      focusItem(moves[e.key]!);
    } else if (e.key === 'g' || e.key === 'G') {
      e.preventDefault();
      void read(messages[from]!);
    }
  });

  return (
    <div className="inbox-screen">
      <h1>Postfach</h1>
      {!person ? (
        <p className="notice">Niemand ist am Platz. {switchHint.sentence}</p>
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
          <p className="inbox-count">{unreadLabel(unread)}</p>
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
            <ul className="inbox-list" aria-label="Nachrichten" ref={listRef}>
              {messages.map((m, i) => (
                <li key={m.id}>
                  <article
                    className={m.readAt === null ? 'inbox-item is-unread' : 'inbox-item'}
                    tabIndex={i === current ? 0 : -1}
                    {...(i === current ? INITIAL_FOCUS : {})}
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
          {unread > 0 && <ReadAll unread={unread} onConfirm={() => void readAll()} />}
        </>
      )}
    </div>
  );
}

/**
 * "Alle als gelesen markieren" acts on messages the clerk may not have seen (issue 10 item 7): it
 * comes after the list, not as the first Tab stop, and asks first – focus on the safe answer.
 */
function ReadAll({ unread, onConfirm }: { unread: number; onConfirm: () => void }) {
  const id = useId();
  const [asking, setAsking] = useState(false);
  const cancel = useRef<HTMLButtonElement>(null);
  const start = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) cancel.current?.focus();
  }, [asking]);
  if (!asking) {
    return (
      <p className="toolbar">
        <button ref={start} type="button" onClick={() => setAsking(true)}>
          Alle als gelesen markieren …
        </button>
      </p>
    );
  }
  const close = () => {
    setAsking(false);
    requestAnimationFrame(() => start.current?.focus());
  };
  return (
    <div
      role="group"
      aria-labelledby={`${id}-q`}
      className="notice"
      data-own-keys
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          close();
        }
      }}
    >
      <p id={`${id}-q`}>
        {unread === 1 ? 'Die ungelesene Nachricht' : `Alle ${unread} ungelesenen Nachrichten`} als gelesen markieren? Auch für die anderen
        Personen mit dieser Rolle gelten sie dann als gelesen.
      </p>
      <div className="step-actions">
        <button
          type="button"
          className="primary"
          onClick={() => {
            setAsking(false);
            onConfirm();
          }}
        >
          Ja, alle als gelesen markieren
        </button>
        <button ref={cancel} type="button" onClick={close} aria-keyshortcuts="Escape">
          Abbrechen <kbd>Esc</kbd>
        </button>
      </div>
    </div>
  );
}
