// The OpenID provider's records (sessions, interactions, grants, authorization codes, refresh tokens...), one row per
// (model, id) holding the provider's payload as it gave it. Several backends on one database thus share logins:
// a browser may start its login on one instance and finish it on another, a refresh may land anywhere.
import { z } from 'zod';
import type { SqlExecutor } from './sql-database';

/** What the provider stores: an object; a few members are indexed (grant, session uid, device user code). */
type OidcPayload = Record<string, unknown>;

export interface OidcPayloadRepository {
  /** Writes the record; `expiresInSeconds` absent: it never expires (the provider decides). */
  upsert(model: string, id: string, payload: OidcPayload, expiresInSeconds: number | undefined): Promise<void>;
  /** The record unless it expired; `consumed` (epoch seconds) set when it was consumed. */
  find(model: string, id: string): Promise<OidcPayload | undefined>;
  findByUid(model: string, uid: string): Promise<OidcPayload | undefined>;
  findByUserCode(model: string, userCode: string): Promise<OidcPayload | undefined>;
  /** Marks a one-time record (an authorization code, a rotated refresh token) as used. */
  consume(model: string, id: string): Promise<void>;
  destroy(model: string, id: string): Promise<void>;
  /** Drops every token issued under a grant (logout, code replay, revocation). */
  revokeByGrantId(grantId: string): Promise<void>;
  /** Housekeeping: drops expired records; returns how many. */
  removeExpired(): Promise<number>;
}

/** Models whose records belong to a grant (the memory adapter of oidc-provider indexes the same ones). */
const GRANTABLE = new Set([
  'AccessToken',
  'AuthorizationCode',
  'RefreshToken',
  'DeviceCode',
  'BackchannelAuthenticationRequest',
  'PreAuthorizedCode',
]);

const rowSchema = z.object({
  payload: z.record(z.string(), z.unknown()),
  consumed: z.union([z.number(), z.string()]).nullable(),
});

const SELECT = `SELECT payload, floor(extract(epoch FROM consumed_at))::bigint AS consumed FROM oidc_payloads`;
const LIVE = '(expires_at IS NULL OR expires_at > now())';

function payloadOf(rows: unknown[]): OidcPayload | undefined {
  if (rows.length === 0) return undefined;
  const row = rowSchema.parse(rows[0]);
  return row.consumed === null ? row.payload : { ...row.payload, consumed: Number(row.consumed) };
}

const text = (value: unknown): string | null => (typeof value === 'string' && value.length > 0 ? value : null);

export function createOidcPayloadRepository(db: SqlExecutor): OidcPayloadRepository {
  return {
    async upsert(model, id, payload, expiresInSeconds) {
      await db.query(
        `INSERT INTO oidc_payloads (model, id, payload, grant_id, user_code, uid, consumed_at, expires_at)
         VALUES ($1, $2, $3::jsonb, $4, $5, $6, NULL,
                 CASE WHEN $7::integer IS NULL THEN NULL ELSE now() + make_interval(secs => $7::integer) END)
         ON CONFLICT (model, id) DO UPDATE SET
           payload = EXCLUDED.payload, grant_id = EXCLUDED.grant_id, user_code = EXCLUDED.user_code,
           uid = EXCLUDED.uid, expires_at = EXCLUDED.expires_at`,
        [
          model,
          id,
          JSON.stringify(payload),
          GRANTABLE.has(model) ? text(payload['grantId']) : null,
          text(payload['userCode']),
          text(payload['uid']),
          typeof expiresInSeconds === 'number' ? Math.max(0, Math.ceil(expiresInSeconds)) : null,
        ],
      );
    },
    async find(model, id) {
      return payloadOf((await db.query(`${SELECT} WHERE model = $1 AND id = $2 AND ${LIVE}`, [model, id])).rows);
    },
    async findByUid(model, uid) {
      return payloadOf((await db.query(`${SELECT} WHERE model = $1 AND uid = $2 AND ${LIVE}`, [model, uid])).rows);
    },
    async findByUserCode(model, userCode) {
      const result = await db.query(`${SELECT} WHERE model = $1 AND user_code = $2 AND ${LIVE}`, [model, userCode]);
      return payloadOf(result.rows);
    },
    async consume(model, id) {
      await db.query('UPDATE oidc_payloads SET consumed_at = now() WHERE model = $1 AND id = $2', [model, id]);
    },
    async destroy(model, id) {
      await db.query('DELETE FROM oidc_payloads WHERE model = $1 AND id = $2', [model, id]);
    },
    async revokeByGrantId(grantId) {
      await db.query('DELETE FROM oidc_payloads WHERE grant_id = $1', [grantId]);
    },
    async removeExpired() {
      const result = await db.query('DELETE FROM oidc_payloads WHERE expires_at <= now()');
      return result.rowCount;
    },
  };
}
