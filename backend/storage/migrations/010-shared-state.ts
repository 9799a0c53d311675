// State that several backend instances on one PostgreSQL must share: the OpenID provider's records (sessions,
// interactions, grants, codes, refresh tokens), the logins in progress at Pro Santé Connect, and the publishers'
// circuit breaker. Every row that expires carries its deadline, so a periodic clean-up can drop it.
import type { Migration } from './migration';

export const migration010SharedState: Migration = {
  version: 10,
  name: 'état partagé entre instances : OpenID, connexions PSC en cours, disjoncteur des éditeurs',
  statements: [
    `CREATE TABLE oidc_payloads (
       model        text NOT NULL,
       id           text NOT NULL,
       payload      jsonb NOT NULL,
       grant_id     text,
       user_code    text,
       uid          text,
       consumed_at  timestamptz,
       expires_at   timestamptz,
       PRIMARY KEY (model, id)
     )`,
    'CREATE INDEX oidc_payloads_grant_id ON oidc_payloads (grant_id) WHERE grant_id IS NOT NULL',
    'CREATE INDEX oidc_payloads_uid ON oidc_payloads (model, uid) WHERE uid IS NOT NULL',
    'CREATE INDEX oidc_payloads_user_code ON oidc_payloads (model, user_code) WHERE user_code IS NOT NULL',
    'CREATE INDEX oidc_payloads_expires_at ON oidc_payloads (expires_at) WHERE expires_at IS NOT NULL',
    `CREATE TABLE login_states (
       kind        text NOT NULL,
       key         text NOT NULL,
       value       jsonb NOT NULL,
       expires_at  timestamptz NOT NULL,
       PRIMARY KEY (kind, key)
     )`,
    'CREATE INDEX login_states_expires_at ON login_states (expires_at)',
    `CREATE TABLE publisher_breakers (
       publisher_id          text PRIMARY KEY,
       consecutive_failures  integer NOT NULL DEFAULT 0,
       open_until            timestamptz
     )`,
  ],
};
