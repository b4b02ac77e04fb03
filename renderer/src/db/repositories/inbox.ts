import Dexie from 'dexie';
import { openAskKeys, settleAsks, type NoticeDraft, type Settlement } from '@shared/domain/cover-notices';
import type { BoardCell } from '@shared/domain/coverage';
import { sessionKey } from '@shared/domain/desk-sessions';
import type { InboxMessage, Role } from '@shared/model';
import { ROLES } from '@shared/model';
import { z } from 'zod';
import type { NotificationRequest } from '@shared/bridge/contract';
import type { AnlaufstelleDB } from '../db';
import { checkContext, checkId, isLive, logChange, NotFoundError, parseOrThrow, stampNew, stampUpdate, type WriteContext } from './base';

/**
 * The role inbox (issue #3 item 6: "The roles to be informed get it in an in-app inbox, and as an
 * OS notification through the platform bridge"). Messages are addressed to a role; an FM message
 * also to a site (the standortverantwortliche FM of that site). Read state belongs to the message,
 * so whoever holds the role sees it read once one of them has read it.
 *
 * The staffing writes (absences.ts, cover.ts) store messages through `storeNotices` inside their
 * own transaction and return them with ready-made OS notifications (`toNotification`), which the
 * UI hands to `platform.notify`. A message to one person (the stand-in) carries `recipientStaffId`;
 * a message that asks for decisions carries `asks`, settled by `settleRequests` once answered.
 */

/**
 * Who reads an inbox: a person's roles and home site (FM messages are per site) and, for the
 * messages addressed to one person, their id (a Staff record fits as it is).
 */
export interface InboxReader {
  roles: readonly Role[];
  homeSiteId: string;
  id?: string;
}

const roleSchema = z.enum(ROLES, { error: 'Unbekannte Rolle.' });
const readerSchema = z.object(
  {
    roles: z.array(roleSchema, { error: 'Bitte die Rollen der Person angeben.' }).max(ROLES.length * 2),
    homeSiteId: z.string({ error: 'Bitte den Stammstandort angeben.' }).min(1).max(100),
    id: z.string({ error: 'Die Person ist ungültig.' }).min(1).max(100).optional(),
  },
  { error: 'Es fehlt, wessen Postfach gelesen wird.' },
);
const listOptionsSchema = z.object(
  {
    unreadOnly: z.boolean({ error: 'Die Angabe „nur ungelesene“ ist ungültig.' }).optional(),
    limit: z.number({ error: 'Die Anzahl ist ungültig.' }).int().min(1).max(10_000).optional(),
  },
  { error: 'Die Angaben zum Postfach sind ungültig.' },
);

/** Whether a message is for this reader (their role; an FM's own site; a person's own messages). */
export function addressedTo(reader: InboxReader, m: Pick<InboxMessage, 'recipientRole' | 'siteId' | 'recipientStaffId'>): boolean {
  if (!reader.roles.includes(m.recipientRole)) return false;
  if (m.recipientStaffId !== undefined) return m.recipientStaffId === reader.id;
  // An FM reads the messages of their own site; the other roles read every site's.
  return m.recipientRole !== 'FM' || m.siteId === null || m.siteId === reader.homeSiteId;
}

/** The messages of one role (and for FM one site), newest first. */
export async function inboxForRole(
  db: AnlaufstelleDB,
  role: Role,
  siteId: string | null = null,
  options: { unreadOnly?: boolean; limit?: number } = {},
): Promise<InboxMessage[]> {
  parseOrThrow(roleSchema, role);
  if (siteId !== null) checkId(siteId, 'den Standort');
  parseOrThrow(listOptionsSchema, options);
  const rows = await db.inbox
    .where('[recipientRole+createdAt]')
    .between([role, Dexie.minKey], [role, Dexie.maxKey])
    .reverse()
    .filter(
      (m) =>
        m.deletedAt === null &&
        (siteId === null || m.recipientRole !== 'FM' || m.siteId === null || m.siteId === siteId) &&
        (!options.unreadOnly || m.readAt === null),
    )
    .limit(options.limit ?? 200)
    .toArray();
  return rows;
}

/** Everything addressed to any of the reader's roles, newest first. */
export async function inboxFor(
  db: AnlaufstelleDB,
  reader: InboxReader,
  options: { unreadOnly?: boolean; limit?: number } = {},
): Promise<InboxMessage[]> {
  parseOrThrow(readerSchema, reader);
  const lists = await Promise.all(reader.roles.map((role) => inboxForRole(db, role, reader.homeSiteId, options)));
  return lists
    .flat()
    .filter((m) => addressedTo(reader, m))
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? 1 : -1))
    .slice(0, options.limit ?? 200);
}

export async function unreadCount(db: AnlaufstelleDB, reader: InboxReader): Promise<number> {
  return (await inboxFor(db, reader, { unreadOnly: true, limit: 1000 })).length;
}

export async function markRead(db: AnlaufstelleDB, id: string, ctx: WriteContext): Promise<InboxMessage> {
  checkId(id, 'die Nachricht');
  checkContext(ctx);
  return db.transaction('rw', [db.inbox, db.outbox], async () => {
    const m = await db.inbox.get(id);
    if (!isLive(m)) throw new NotFoundError('Diese Nachricht gibt es nicht mehr.');
    if (m.readAt !== null) return m;
    const next = stampUpdate({ ...m, readAt: ctx.now.toISOString(), readBy: ctx.actorId }, ctx);
    await db.inbox.put(next);
    await logChange(db, 'inbox', id, 'put', ctx);
    return next;
  });
}

/** Marks every unread message of the reader read; returns how many. */
export async function markAllRead(db: AnlaufstelleDB, reader: InboxReader, ctx: WriteContext): Promise<number> {
  parseOrThrow(readerSchema, reader);
  checkContext(ctx);
  return db.transaction('rw', [db.inbox, db.outbox], async () => {
    const unread = await inboxFor(db, reader, { unreadOnly: true, limit: 10_000 });
    for (const m of unread) {
      await db.inbox.put(stampUpdate({ ...m, readAt: ctx.now.toISOString(), readBy: ctx.actorId }, ctx));
      await logChange(db, 'inbox', m.id, 'put', ctx);
    }
    return unread.length;
  });
}

/**
 * Stores notices as messages; call inside a transaction that includes db.inbox and db.outbox.
 * `trigger` names the write (e.g. `absence:<id>`); with the recipient it forms the message key,
 * so replaying the same write stores nothing twice.
 */
export async function storeNotices(
  db: AnlaufstelleDB,
  drafts: readonly NoticeDraft[],
  trigger: string,
  ctx: WriteContext,
): Promise<InboxMessage[]> {
  const stored: InboxMessage[] = [];
  // Issue 10 item 7: whoever acts is not told of their own action. A message that asks them to
  // decide something is still stored – it is a task, and the decision settles it (settleRequests).
  // A role message reaches everyone holding the role (the read state is shared), so it is left out
  // only where the actor is its one reader: a second Teamleitung Leistung must still hear of it.
  const actor = drafts.length > 0 ? await db.staff.get(ctx.actorId) : undefined;
  const self = isLive(actor) && actor.active ? actor : null;
  const colleagues = self ? (await db.staff.toArray()).filter((p) => isLive(p) && p.active && p.id !== self.id) : [];
  const onlyReaderIsActor = (d: NoticeDraft) =>
    self !== null && addressedTo(self, d) && (d.recipientStaffId !== undefined || !colleagues.some((p) => addressedTo(p, d)));
  for (const d of drafts) {
    if (onlyReaderIsActor(d) && (d.asks ?? []).length === 0) continue;
    const key = d.recipientStaffId ? `${trigger}:person:${d.recipientStaffId}` : `${trigger}:${d.recipientRole}:${d.siteId ?? '*'}`;
    if ((await db.inbox.where('key').equals(key).count()) > 0) continue;
    const message: InboxMessage = {
      ...stampNew(ctx),
      recipientRole: d.recipientRole,
      siteId: d.siteId,
      title: cut(d.title, 120),
      body: d.body,
      readAt: null,
      readBy: null,
      key,
      refs: d.refs,
      ...(d.recipientStaffId ? { recipientStaffId: d.recipientStaffId } : {}),
      ...(d.asks && d.asks.length > 0 ? { asks: d.asks, openAsks: openAskKeys(d.asks) } : {}),
    };
    await db.inbox.add(message);
    await logChange(db, 'inbox', message.id, 'put', ctx);
    stored.push(message);
  }
  return stored;
}

/**
 * Issue 10 item 3: after a write, every message still asking about one of `cells` (the board after
 * the write) is settled where the board no longer asks it – "entschieden von …" for a decision,
 * "erledigt" for anything else that made it void. Call inside the write's transaction (inbox,
 * outbox); found through the sparse '*openAsks' index, so only messages still asking are read.
 */
export async function settleRequests(
  db: AnlaufstelleDB,
  cells: Iterable<BoardCell>,
  settlement: Omit<Settlement, 'at'>,
  ctx: WriteContext,
): Promise<InboxMessage[]> {
  const byKey = new Map<string, BoardCell>();
  for (const c of cells) byKey.set(sessionKey(c.siteId, c.date, c.sessionStart), c);
  if (byKey.size === 0) return [];
  const asking = await db.inbox.where('openAsks').anyOf([...byKey.keys()]).distinct().toArray();
  const at = ctx.now.toISOString();
  // Item 7: a request the actor was asked and has now answered is read – it is not news to them.
  const actor = await db.staff.get(ctx.actorId);
  const changed: InboxMessage[] = [];
  for (const m of asking) {
    if (!isLive(m) || !m.asks) continue;
    const next = settleAsks({ title: m.title, asks: m.asks }, (a) => byKey.get(sessionKey(a.siteId, a.date, a.sessionStart)), { ...settlement, at });
    if (!next) continue;
    const readNow = m.readAt === null && next.openAsks.length === 0 && isLive(actor) && addressedTo(actor, m);
    const updated = stampUpdate({ ...m, ...next, ...(readNow ? { readAt: at, readBy: actor.id } : {}) }, ctx);
    await db.inbox.put(updated);
    await logChange(db, 'inbox', m.id, 'put', ctx);
    changed.push(updated);
  }
  return changed;
}

/**
 * Cut at whole characters (code points): a cut through an emoji in a name would leave half a
 * surrogate pair, which the bridge's text check refuses as an invisible character.
 */
const cut = (text: string, max: number) => [...text].slice(0, max).join('');

/**
 * The OS notifications the acting PC raises for the messages a write stored. A message for one
 * person (the stand-in, issue 10 item 3) speaks to them ("Sie vertreten …"): raised here it would
 * address whoever acts at this PC, so it waits in that person's Postfach instead.
 */
export function notificationsFor(messages: readonly InboxMessage[], ctx: Pick<WriteContext, 'actorId'>): NotificationRequest[] {
  return messages.filter((m) => m.recipientStaffId === undefined || m.recipientStaffId === ctx.actorId).map(toNotification);
}

/** The OS notification of a message, within the bridge's limits (title ≤ 120, body ≤ 500). */
export function toNotification(m: InboxMessage): NotificationRequest {
  const body = [...m.body].length > 500 ? `${cut(m.body, 498)} …` : m.body;
  return { title: cut(m.title, 120), body, tag: `inbox:${m.id}` };
}
