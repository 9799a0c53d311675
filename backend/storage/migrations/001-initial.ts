// What must not be lost: regulator accounts (RDV V1), appointments reported by publishers (RDV V3), SAS agenda slots.
import type { Migration } from './migration';

export const migration001Initial: Migration = {
  version: 1,
  name: 'comptes régulateurs, rendez-vous V3, créneaux agenda SAS',
  statements: [
    `CREATE TABLE regulator_accounts (
       national_id  text PRIMARY KEY,
       family_name  text NOT NULL,
       given_name   text,
       email        text,
       active       boolean NOT NULL DEFAULT true,
       created_at   timestamptz NOT NULL DEFAULT now(),
       updated_at   timestamptz NOT NULL DEFAULT now()
     )`,
    `CREATE TABLE appointments (
       id                        text PRIMARY KEY,
       publisher_id              text NOT NULL,
       publisher_appointment_id  text NOT NULL,
       status                    text NOT NULL
         CHECK (status IN ('booked', 'fulfilled', 'noshow', 'cancelled', 'pending', 'needs-action')),
       start_at                  timestamptz NOT NULL,
       end_at                    timestamptz NOT NULL,
       operator_id               text NOT NULL,
       practitioner_id           text,
       practitioner_name         text,
       practitioner_status       text
         CHECK (practitioner_status IN ('accepted', 'declined', 'tentative', 'needs-action')),
       search_id                 text,
       raw                       jsonb NOT NULL,
       created_at                timestamptz NOT NULL DEFAULT now(),
       updated_at                timestamptz NOT NULL DEFAULT now(),
       CONSTRAINT appointments_publisher_key UNIQUE (publisher_id, publisher_appointment_id),
       CONSTRAINT appointments_period CHECK (end_at >= start_at)
     )`,
    `CREATE INDEX appointments_operator_idx ON appointments (operator_id, start_at DESC)`,
    `CREATE TABLE sas_agenda_slots (
       id               text PRIMARY KEY,
       practitioner_id  text NOT NULL,
       start_at         timestamptz NOT NULL,
       end_at           timestamptz NOT NULL,
       types            text[] NOT NULL,
       modes            text[] NOT NULL,
       booking_url      text,
       created_at       timestamptz NOT NULL DEFAULT now(),
       updated_at       timestamptz NOT NULL DEFAULT now(),
       CONSTRAINT sas_agenda_slots_period CHECK (end_at > start_at)
     )`,
    `CREATE INDEX sas_agenda_slots_practitioner_idx ON sas_agenda_slots (practitioner_id, start_at)`,
  ],
};
