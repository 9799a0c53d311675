// Booking pages the console opened (who, which publisher, from which search tab): they link an appointment to its
// tab and tell an appointment the console started from one it did not. Only ids and times, kept a few hours.
import type { Migration } from './migration';

export const migration022BookingIntents: Migration = {
  version: 22,
  name: 'ouvertures de pages de réservation',
  statements: [
    `CREATE TABLE booking_intents (
       id               bigserial PRIMARY KEY,
       operator_id      text NOT NULL,
       source_id        text NOT NULL,
       search_id        text NOT NULL,
       practitioner_id  text,
       start_at         timestamptz,
       recorded_at      timestamptz NOT NULL
     )`,
    `CREATE INDEX booking_intents_operator_idx ON booking_intents (operator_id, source_id, recorded_at DESC)`,
  ],
};
