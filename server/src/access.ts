import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { can, mayEraseForRetention } from '../../shared/auth/permissions';
import { ldapMappingSchema, type LdapMapping, type LdapMappingResponse } from '../../shared/model/ldap-mapping';
import { AUTH_HEADERS } from '../../shared/sync/protocol';
import { verifyProof } from '../../shared/auth/proof';
import { AUDIT_ACTIONS, appendAudit, auditCsv, searchAudit, type AuditEntry } from './audit';
import { accountInputSchema, listAccounts, saveAccount } from './auth/embedded';
import { clearMapping, storedMapping, unknownSites, writeMapping } from './auth/ldap-mapping';
import { AuthRefusal, type AuthService, type Principal } from './auth/service';
import type { Db, Queryable } from './db';
import { jobcenterSettingsPatchSchema, readJobcenterSettings, writeJobcenterSettings } from './settings';
import type { Caller, ValidChange } from './sync';

/**
 * Who may call the sync service (issue 7 items 1, 2, 5, 7). The sync routes ask `caller()` who is
 * asking; it answers the request itself (401/403) when the PC or the person is not who they claim.
 * The production implementation is `accessControl` below; the sync rules' own tests use one that
 * trusts the request's headers (server/test/helpers.ts) – there is no such switch in this folder.
 */
export interface AccessControl {
  /** `scope`: the caller comes with what the PC may see (issue 7 item 6; pull and push). */
  caller(req: FastifyRequest, reply: FastifyReply, opts: { fromQuery?: boolean; changes?: readonly ValidChange[]; needUser?: boolean; scope?: boolean; fail: Fail }): Promise<Caller | null>;
  /** Sign-in, enrollment, administration and the access log (absent in the trusting test double). */
  register?(app: FastifyInstance, fail: Fail): void;
  /** Called for every refused request (status ≥ 400) that has not written its own entry. */
  refused?(req: FastifyRequest, status: number, code: string): Promise<void>;
}
export type Fail = (reply: FastifyReply, status: number, code: string, message: string) => FastifyReply;

/** Requests whose refusal already wrote its own audit entry (sign-in failures, enrollment). */
const audited = new WeakSet<FastifyRequest>();
const principals = new WeakMap<FastifyRequest, Principal>();

const header = (req: FastifyRequest, name: string): string | null => {
  const v = req.headers[name];
  return typeof v === 'string' && v.length > 0 && v.length <= 4096 ? v : null;
};
const bearer = (req: FastifyRequest, fromQuery: boolean): string | null => {
  const h = header(req, 'authorization');
  if (h?.startsWith('Bearer ')) return h.slice(7);
  // A browser cannot set headers on a WebSocket: the live channel names its PC token in the query.
  const q = (req.query as Record<string, unknown>).token;
  return fromQuery && typeof q === 'string' && q.length <= 4096 ? q : null;
};

/** POST /v1/session/refresh and /v1/sign-out name the sign-in session they are about. */
const sessionBody = z.strictObject({ sessionId: z.string().min(1).max(100) });

/** Minutes after which a change counts as made offline in the log (it waited in the PC's outbox). */
const OFFLINE_AFTER_MS = 2 * 60_000;

export interface AccessOptions {
  /** The Jobcenter's retention period (RETENTION_DAYS overrides the setting): judges the PCs' own sweeps. */
  retentionDays?: () => Promise<number>;
  /** With Active Directory: ldap.json's roleGroups/siteGroups as rows (issue 7 item 8: ADMIN may replace them). */
  ldapFileMapping?: LdapMapping;
}

export function accessControl(db: Db, tenant: string, auth: AuthService, options: AccessOptions = {}): AccessControl {
  const retentionDays = options.retentionDays ?? (async () => (await readJobcenterSettings(db, tenant)).retentionDays);
  async function principalOf(req: FastifyRequest, reply: FastifyReply, fail: Fail, needUser: boolean, fromQuery = false): Promise<Principal | null> {
    try {
      const p = await auth.authenticate(bearer(req, fromQuery), header(req, AUTH_HEADERS.userToken), needUser);
      principals.set(req, p);
      return p;
    } catch (error) {
      if (!(error instanceof AuthRefusal)) throw error;
      fail(reply, error.status, error.code, error.message);
      return null;
    }
  }

  function changeAudit(p: Principal, actors: Map<string, { actor: { staffId: string }; username: string } | { refused: string }>) {
    return async (q: Queryable, changes: readonly ValidChange[], outcome: 'ok' | 'refused', reasons: ReadonlyMap<string, string>) => {
      const now = Date.now();
      const entries: AuditEntry[] = changes.map((c) => {
        const author = String(c.record.updatedBy ?? '');
        const a = actors.get(author);
        return {
          action: c.op === 'delete' ? 'delete' : c.record.createdAt === c.record.updatedAt ? 'create' : 'update',
          outcome,
          username: a && 'username' in a ? a.username : author === 'system' ? 'system' : null,
          staffId: author || null,
          deviceId: p.device.id,
          table: c.table,
          recordId: c.id,
          fields: c.fields ?? Object.keys(c.record),
          offline: now - Date.parse(c.hlc.slice(0, 24)) > OFFLINE_AFTER_MS,
          detail: reasons.get(c.changeId) || null,
        };
      });
      await appendAudit(q, tenant, entries);
    };
  }

  const fromDevice = async (p: Principal, scope: boolean | undefined): Promise<Caller> => ({
    deviceId: p.device.id,
    userId: p.user?.sub ?? null,
    siteId: p.device.siteId,
    ...(scope ? { scope: await auth.scopeOf(p) } : {}),
  });

  return {
    async caller(req, reply, opts) {
      const p = await principalOf(req, reply, opts.fail, opts.needUser ?? false, opts.fromQuery);
      if (!p) return null;
      if (!opts.changes) return fromDevice(p, opts.scope);
      // The authors of the changes: each must have signed in at this PC and still hold the account.
      const authors = [...new Set(opts.changes.map((c) => String(c.record.updatedBy ?? '')).filter((a) => a !== 'system'))];
      const days = opts.changes.some((c) => c.record.updatedBy === 'system') ? await retentionDays() : 0;
      let actors: Awaited<ReturnType<AuthService['actorsFor']>>;
      try {
        actors = await auth.actorsFor(p, authors);
      } catch (error) {
        if (!(error instanceof AuthRefusal)) throw error;
        opts.fail(reply, error.status, error.code, error.message);
        return null;
      }
      return {
        ...(await fromDevice(p, opts.scope)),
        authorize(c, before, after) {
          // The author is the one the change names – the same one the access log records.
          const author = String(c.record.updatedBy ?? '');
          if (author === 'system') {
            return mayEraseForRetention(c.table, before, after, new Date(), days)
              ? null
              : 'Unter dem Namen der Aufbewahrungsfrist darf nur anonymisiert werden, was nach der Frist des Jobcenters fällig ist.';
          }
          const a = actors.get(author);
          if (!a) return 'Die Änderung nennt keine angemeldete Person.';
          if ('refused' in a) return a.refused;
          // Issue 7 item 3: in the name of the person signed in with this request, or with that
          // person's proof from a sign-in at this PC – never on the PC's word alone.
          const live = p.user?.actor.staffId === author;
          if (!live && !(c.proof !== undefined && a.grants.some((g) => verifyProof(g, c.table, c.id, author, c.proof!)))) {
            return {
              unproven: `Die Änderung von ${a.username} wartet, bis sich ${a.username} an diesem PC wieder anmeldet (die Anmeldung ist hier nicht nachgewiesen).`,
            };
          }
          const verdict = can(a.actor, p.place, { kind: 'write', table: c.table, before, after });
          return verdict.ok ? null : verdict.reason;
        },
        audit: changeAudit(p, actors),
      };
    },

    async refused(req, status, code) {
      if (audited.has(req)) return;
      const p = principals.get(req);
      await appendAudit(db, tenant, [
        {
          action: 'request-refused',
          outcome: 'refused',
          username: p?.user?.sub ?? null,
          staffId: p?.user?.staff ?? null,
          deviceId: p?.device.id ?? null,
          detail: `${req.method} ${req.routeOptions.url ?? req.url.split('?')[0]}: ${status} ${code}`,
        },
      ]);
    },

    register(app, fail) {
      const refuse = (reply: FastifyReply, error: unknown) => {
        if (error instanceof AuthRefusal) return fail(reply, error.status, error.code, error.message);
        if (error instanceof z.ZodError) return fail(reply, 400, 'malformed', error.issues.map((i) => i.message).join(' '));
        throw error;
      };
      const withPrincipal = async (req: FastifyRequest, reply: FastifyReply, needUser: boolean) => principalOf(req, reply, fail, needUser);
      const permitted = (reply: FastifyReply, p: Principal, kind: 'administer' | 'read-audit') => {
        const v = can(p.user!.actor, p.place, { kind });
        if (!v.ok) fail(reply, 403, 'forbidden', v.reason);
        return v.ok;
      };

      // Issue 7 item 2: a PC is enrolled with a one-time code (or, at the PC itself, by an admin's sign-in).
      app.post('/v1/enroll', async (req, reply) => {
        try {
          return await auth.enroll(req.body);
        } catch (error) {
          if (error instanceof AuthRefusal) audited.add(req);
          return refuse(reply, error);
        }
      });
      app.post('/v1/device-token', async (req, reply) => {
        const h = header(req, 'authorization');
        try {
          if (!h?.startsWith('Device ')) throw new AuthRefusal(401, 'device-unknown', 'Der PC hat keinen Schlüssel genannt.');
          return await auth.deviceToken(h.slice(7));
        } catch (error) {
          return refuse(reply, error);
        }
      });
      app.post('/v1/sign-in', async (req, reply) => {
        const p = await withPrincipal(req, reply, false);
        if (!p) return reply;
        try {
          return await auth.signIn(p, req.body);
        } catch (error) {
          if (error instanceof AuthRefusal) audited.add(req);
          return refuse(reply, error);
        }
      });
      app.post('/v1/session/refresh', async (req, reply) => {
        const p = await withPrincipal(req, reply, false);
        if (!p) return reply;
        const body = sessionBody.safeParse(req.body);
        if (!body.success) return fail(reply, 400, 'malformed', 'Die Anfrage nennt keine Sitzung.');
        try {
          return await auth.refresh(p, body.data.sessionId);
        } catch (error) {
          if (error instanceof AuthRefusal) audited.add(req);
          return refuse(reply, error);
        }
      });
      app.post('/v1/sign-out', async (req, reply) => {
        const p = await withPrincipal(req, reply, false);
        if (!p) return reply;
        const body = sessionBody.safeParse(req.body);
        if (!body.success) return fail(reply, 400, 'malformed', 'Die Anfrage nennt keine Sitzung.');
        await auth.signOut(p, body.data.sessionId);
        return { ok: true };
      });

      // Issue 7 item 7: views, prints, exports, locks and offline sign-ins reported by the PCs.
      const reportedEvent = z.strictObject({
        action: z.enum(['view', 'print', 'export', 'lock', 'unlock', 'offline-sign-in', 'offline-sign-in-failed', 'sign-out']),
        at: z.iso.datetime(),
        table: z.enum(['tickets', 'handoffs', 'newCustomers', 'visits', 'absences', 'reports']).nullable(),
        // Ids and field names only: no free text can carry a value into the append-only log.
        recordId: z.string().regex(/^[\w.:-]{1,100}$/).nullable(),
        fields: z.array(z.string().regex(/^[A-Za-z][A-Za-z0-9.]{0,59}$/)).max(40),
        staffId: z.string().regex(/^[\w.:-]{1,100}$/).nullable(),
        username: z.string().regex(/^[\w.@-]{1,120}$/).nullable(),
        offline: z.boolean(),
      });
      app.post('/v1/audit', async (req, reply) => {
        const p = await withPrincipal(req, reply, false);
        if (!p) return reply;
        const body = z.strictObject({ events: z.array(reportedEvent).min(1).max(500) }).safeParse(req.body);
        if (!body.success) return fail(reply, 400, 'malformed', 'Die Protokolleinträge haben nicht das erwartete Format.');
        // A PC reports for the people who signed in at it; the user name comes from the service's
        // own record of that sign-in (a failed offline sign-in names whoever was typed, as typed).
        const here = await auth.signedInHere(p);
        const events = body.data.events;
        if (events.some((e) => e.staffId !== null && !here.has(e.staffId))) {
          return fail(reply, 403, 'forbidden', 'Der PC meldet Einträge für eine Person, die sich hier nicht angemeldet hat.');
        }
        await appendAudit(
          db,
          tenant,
          events.map((e) => ({
            ...e,
            username: e.staffId !== null ? here.get(e.staffId)! : e.username,
            outcome: e.action === 'offline-sign-in-failed' ? 'refused' : 'ok',
            deviceId: p.device.id,
            at: new Date(e.at),
            detail: 'vom PC gemeldet',
          })),
        );
        return { stored: events.length };
      });
      const auditQuery = z.strictObject({
        person: z.string().min(1).max(120).optional(),
        record: z.string().min(1).max(100).optional(),
        from: z.iso.datetime().optional(),
        to: z.iso.datetime().optional(),
        action: z.enum(AUDIT_ACTIONS).optional(),
        limit: z.coerce.number().int().min(1).max(10_000).optional(),
        format: z.enum(['json', 'csv']).optional(),
      });
      app.get('/v1/audit', async (req, reply) => {
        const p = await withPrincipal(req, reply, true);
        if (!p || !permitted(reply, p, 'read-audit')) return reply;
        const q = auditQuery.safeParse(req.query);
        if (!q.success) return fail(reply, 400, 'malformed', 'Die Suche ist ungültig (Person, Datensatz, Zeitraum).');
        const rows = await searchAudit(db, tenant, {
          person: q.data.person,
          recordId: q.data.record,
          from: q.data.from ? new Date(q.data.from) : undefined,
          to: q.data.to ? new Date(q.data.to) : undefined,
          action: q.data.action,
          limit: q.data.limit,
        });
        // Reading the log is on record too.
        const csv = q.data.format === 'csv';
        await appendAudit(db, tenant, [
          { action: csv ? 'audit-export' : 'audit-read', outcome: 'ok', username: p.user!.sub, staffId: p.user!.staff, deviceId: p.device.id, detail: JSON.stringify({ ...q.data, format: undefined }).slice(0, 300) },
        ]);
        if (csv) return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="zugriffsprotokoll.csv"').send(`\uFEFF${auditCsv(rows)}`);
        return { rows };
      });

      // Issue 7 item 8: the Jobcenter's settings; every PC reads them, ADMIN changes them.
      app.get('/v1/settings', async (req, reply) => {
        const p = await withPrincipal(req, reply, false);
        if (!p) return reply;
        return readJobcenterSettings(db, tenant);
      });
      app.put('/v1/settings', async (req, reply) => {
        const p = await withPrincipal(req, reply, true);
        if (!p || !permitted(reply, p, 'administer')) return reply;
        const patch = jobcenterSettingsPatchSchema.safeParse(req.body);
        if (!patch.success) return fail(reply, 400, 'malformed', patch.error.issues.map((i) => i.message).join(' '));
        return writeJobcenterSettings(db, tenant, patch.data, p);
      });

      // Issue 7 item 8: users, PCs and enrollment codes (ADMIN).
      app.get('/v1/admin/devices', async (req, reply) => {
        const p = await withPrincipal(req, reply, true);
        if (!p || !permitted(reply, p, 'administer')) return reply;
        return { devices: await auth.listDevices() };
      });
      app.post('/v1/admin/devices/:id/revoke', async (req, reply) => {
        const p = await withPrincipal(req, reply, true);
        if (!p || !permitted(reply, p, 'administer')) return reply;
        try {
          await auth.revokeDevice(p, String((req.params as { id: string }).id).slice(0, 100));
          return { ok: true };
        } catch (error) {
          return refuse(reply, error);
        }
      });
      app.post('/v1/admin/enrollment-codes', async (req, reply) => {
        const p = await withPrincipal(req, reply, true);
        if (!p || !permitted(reply, p, 'administer')) return reply;
        try {
          return await auth.createEnrollmentCode(p, req.body);
        } catch (error) {
          return refuse(reply, error);
        }
      });
      // Issue 7 item 8: which AD groups give which roles and home site (ldap.json's start value or ADMIN's).
      const fileMapping = auth.directory.kind === 'ldap' ? (options.ldapFileMapping ?? null) : null;
      const mappingAnswer = async (): Promise<LdapMappingResponse> => {
        if (!fileMapping) return { directory: 'embedded', mapping: null, fromFile: null, source: 'file' };
        const stored = await storedMapping(db, tenant);
        return { directory: 'ldap', mapping: stored ?? fileMapping, fromFile: fileMapping, source: stored ? 'service' : 'file' };
      };
      const EMBEDDED_MAPPING =
        'Der Dienst verwendet das eingebaute Verzeichnis, nicht das Active Directory: Rollen und Standort stehen an den Konten (Verwaltung, „Konten“), eine Zuordnung von AD-Gruppen gibt es nicht.';
      app.get('/v1/admin/ldap-mapping', async (req, reply) => {
        const p = await withPrincipal(req, reply, true);
        if (!p || !permitted(reply, p, 'administer')) return reply;
        return mappingAnswer();
      });
      app.put('/v1/admin/ldap-mapping', async (req, reply) => {
        const p = await withPrincipal(req, reply, true);
        if (!p || !permitted(reply, p, 'administer')) return reply;
        const body = ldapMappingSchema.safeParse(req.body);
        if (!body.success) return fail(reply, 400, 'malformed', body.error.issues.map((i) => i.message).join(' '));
        if (!fileMapping) return fail(reply, 409, 'conflict', EMBEDDED_MAPPING);
        const missing = await unknownSites(db, tenant, body.data);
        if (missing.length > 0) {
          return fail(reply, 400, 'malformed', `Diesen Standort gibt es im Jobcenter nicht: ${missing.map((id) => `„${id.slice(0, 100)}“`).join(', ')}.`);
        }
        // Found by review: a mapping whose ADMIN group the saving admin is not in would leave nobody to undo it.
        if (p.user && auth.directory.rolesUnder) {
          let rolesAfter: readonly string[] | null;
          try {
            rolesAfter = await auth.directory.rolesUnder(p.user.sub, body.data);
          } catch {
            return fail(reply, 503, 'directory-unavailable', 'Das Anmeldeverzeichnis ist nicht erreichbar; die Zuordnung wurde nicht gespeichert. Bitte später erneut versuchen.');
          }
          if (!rolesAfter?.includes('ADMIN')) return fail(
            reply,
            409,
            'conflict',
            'Mit dieser Zuordnung hätten Sie selbst keine Rolle „Administration“ mehr – dann könnte niemand sie wieder ändern. Bitte eine AD-Gruppe, in der Sie Mitglied sind, der Administration zuordnen.',
          );
        }
        await writeMapping(db, tenant, body.data, p);
        return mappingAnswer();
      });
      // A POST, not DELETE: the desktop app's sync proxy forwards GET, POST and PUT only.
      app.post('/v1/admin/ldap-mapping/reset', async (req, reply) => {
        const p = await withPrincipal(req, reply, true);
        if (!p || !permitted(reply, p, 'administer')) return reply;
        if (!fileMapping) return fail(reply, 409, 'conflict', EMBEDDED_MAPPING);
        await clearMapping(db, tenant, p);
        return mappingAnswer();
      });
      app.get('/v1/admin/accounts', async (req, reply) => {
        const p = await withPrincipal(req, reply, true);
        if (!p || !permitted(reply, p, 'administer')) return reply;
        return { directory: auth.directory.kind, accounts: auth.directory.kind === 'embedded' ? await listAccounts(db, tenant) : [] };
      });
      app.put('/v1/admin/accounts', async (req, reply) => {
        const p = await withPrincipal(req, reply, true);
        if (!p || !permitted(reply, p, 'administer')) return reply;
        if (auth.directory.kind !== 'embedded') return fail(reply, 409, 'conflict', 'Konten pflegt das Active Directory; hier ist nichts zu ändern.');
        const body = z.strictObject({ account: accountInputSchema, password: z.string().optional() }).safeParse(req.body);
        if (!body.success) return fail(reply, 400, 'malformed', body.error.issues.map((i) => i.message).join(' '));
        try {
          const account = await saveAccount(db, tenant, body.data.account, body.data.password);
          await appendAudit(db, tenant, [
            { action: 'account-changed', outcome: 'ok', username: p.user!.sub, staffId: p.user!.staff, deviceId: p.device.id, recordId: account.username, fields: body.data.password ? ['roles', 'disabled', 'password'] : ['roles', 'disabled'] },
          ]);
          return { account };
        } catch (error) {
          return refuse(reply, error);
        }
      });
    },
  };
}
