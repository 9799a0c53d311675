// A booking page opened from a tab launched by an LRM carries that launch's origin, so the appointment the publisher
// reports afterwards can be sent back to the same SAMU.
import type { Migration } from './migration';

export const migration051BookingIntentOrigin: Migration = {
  version: 51,
  name: 'ouvertures de pages de réservation : origine LRM du lancement',
  statements: [`ALTER TABLE booking_intents ADD COLUMN lrm_origin text`],
};
