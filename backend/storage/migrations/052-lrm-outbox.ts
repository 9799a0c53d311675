// Messages to the LRMs (INT_L02), written in the same transaction as the appointment change they report, so a crash
// loses none; sent at least once, in order per appointment (the row id orders them: changes of one appointment are
// serialised by its row lock). The appointment snapshot is what the message is composed from (no patient data: the
// platform stores none); the envelope is composed once, just before the first sending, and kept for resends.
import type { Migration } from './migration';

export const migration052LrmOutbox: Migration = {
  version: 52,
  name: 'boîte d’envoi des messages aux LRM',
  statements: [
    `CREATE TABLE lrm_outbox (
       id               bigserial PRIMARY KEY,
       appointment_id   text NOT NULL REFERENCES appointments (id) ON DELETE CASCADE,
       lrm_origin       text NOT NULL,
       appointment      jsonb NOT NULL,
       recipient        text,
       distribution_id  text UNIQUE,
       payload          jsonb,
       state            text NOT NULL DEFAULT 'queued'
         CHECK (state IN ('queued', 'sent', 'acknowledged', 'refused', 'skipped')),
       attempts         integer NOT NULL DEFAULT 0,
       next_attempt_at  timestamptz NOT NULL DEFAULT now(),
       claimed_until    timestamptz,
       last_error       text,
       resend_of        bigint REFERENCES lrm_outbox (id),
       created_at       timestamptz NOT NULL DEFAULT now(),
       sent_at          timestamptz
     )`,
    `CREATE INDEX lrm_outbox_queued_idx ON lrm_outbox (appointment_id, id) WHERE state = 'queued'`,
    `CREATE INDEX lrm_outbox_appointment_idx ON lrm_outbox (appointment_id, id)`,
  ],
};
