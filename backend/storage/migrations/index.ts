// Every migration of the backend's schema, oldest first. Add new ones at the end with the next version number;
// never edit one that has shipped (databases already applied it).
import { migration001Initial } from './001-initial';
import { migration010SharedState } from './010-shared-state';
import { migration020AppointmentsMinimal } from './020-appointments-minimal';
import { migration021RegulatorTechnicalId } from './021-regulator-technical-id';
import { migration022BookingIntents } from './022-booking-intents';
import { migration030V1PushState } from './030-v1-push-state';
import { migration040DirectoryVersions } from './040-directory-versions';
import { migration050AppointmentHistoryLrm } from './050-appointment-history-lrm';
import { migration051BookingIntentOrigin } from './051-booking-intent-origin';
import { migration052LrmOutbox } from './052-lrm-outbox';
import { migration055AgendaBookings } from './055-agenda-bookings';
import type { Migration } from './migration';

export type { Migration } from './migration';

export const MIGRATIONS: readonly Migration[] = [
  migration001Initial,
  migration010SharedState,
  migration020AppointmentsMinimal,
  migration021RegulatorTechnicalId,
  migration022BookingIntents,
  migration030V1PushState,
  migration040DirectoryVersions,
  migration050AppointmentHistoryLrm,
  migration051BookingIntentOrigin,
  migration052LrmOutbox,
  migration055AgendaBookings,
];
