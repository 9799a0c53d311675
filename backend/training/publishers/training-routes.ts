// What every training publisher serves besides its slot searches: the RDV V1 receiver (regulator accounts) and
// its booking pages (RDV V2 single sign-on, RDV V3 reports to the backend).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PublisherRouteContext } from '../environment';
import { createBookingPages, type BookingPagesHandler } from './booking-pages';
import { createV1Receiver, type V1Receiver } from './v1-receiver';

const AGENDA_DAYS = 3;

export interface TrainingRoutes {
  handle: (request: IncomingMessage, response: ServerResponse, url: URL) => Promise<boolean>;
  v1: V1Receiver;
  pages: BookingPagesHandler;
}

export function trainingPublisherRoutes(
  context: PublisherRouteContext,
  now: () => Date = () => new Date(),
): TrainingRoutes {
  const v1 = createV1Receiver({ publisherName: context.publisher.name });
  const pages = createBookingPages({
    publisher: { id: context.publisher.id, name: context.publisher.name },
    oidc: context.oidc,
    appointmentsUrl: context.appointmentsUrl,
    publisherKey: context.publisherKey,
    accounts: v1.accounts,
    findSlot: (slotId) => {
      const found = context.catalogue.findSlot(slotId);
      return found?.practitioner ? { slot: found.slot, practitioner: found.practitioner } : undefined;
    },
    agendaFor: (practitionerId) => {
      const from = now();
      return context.catalogue.slotsOf(practitionerId, from, new Date(from.getTime() + AGENDA_DAYS * 24 * 3600 * 1000));
    },
    now: () => now().getTime(),
  });
  context.catalogue.setTakenCheck((slotId) => pages.bookings.isTaken(slotId));
  return {
    v1,
    pages,
    handle: async (request, response, url) =>
      (await v1.handle(request, response, url)) || pages(request, response, url),
  };
}
