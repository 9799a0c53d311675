// RDV V1: what each publisher last acknowledged for each regulator account, so that an unchanged account is not sent
// again at every login, nor after a restart.
import type { Migration } from './migration';

export const migration030V1PushState: Migration = {
  version: 30,
  name: 'état des envois RDV V1 par éditeur',
  statements: [
    `CREATE TABLE v1_push_state (
       publisher_id     text NOT NULL,
       account_key      text NOT NULL,
       fingerprint      text NOT NULL,
       acknowledged_at  timestamptz NOT NULL DEFAULT now(),
       PRIMARY KEY (publisher_id, account_key)
     )`,
  ],
};
