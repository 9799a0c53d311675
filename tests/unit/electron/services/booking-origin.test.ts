// Opening a publisher's booking page from a tab an LRM launched tells the backend that launch's origin, so the
// appointment the publisher reports is sent back to that SAMU's LRM. A real HTTP server on loopback stands for the
// backend and records the booking intents it receives.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackendApi } from '@services/backend-api';
import { createBookingService } from '@services/booking-service';
import type { Journal } from '@services/journal';
import { consoleCallSchemas } from '@shared/api/console-api-schemas';

const intents: unknown[] = [];
let server: Server;
let url: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      response.setHeader('content-type', 'application/json');
      if (request.url === '/api/publishers') {
        response.end(
          JSON.stringify({
            publishers: [{ id: 'agendaplume', name: 'AgendaPlume', bookingOrigins: ['http://127.0.0.1:9'] }],
          }),
        );
      } else if (request.url === '/api/bookings') {
        intents.push(JSON.parse(body));
        response.statusCode = 201;
        response.end(JSON.stringify({ recorded: true }));
      } else {
        response.statusCode = 404;
        response.end('{}');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function service() {
  const opened: string[] = [];
  const booking = createBookingService({
    api: createBackendApi({ backendUrl: () => url, accessToken: async () => 'jeton', fetch }),
    journal: { add: async () => undefined } as unknown as Journal,
    openExternal: async (target) => void opened.push(target),
    bookingOrigin: () => 'sas',
  });
  return { booking, opened };
}

const request = {
  searchId: 'onglet-1',
  slotId: 'slot-1',
  sourceId: 'agendaplume',
  bookingUrl: 'http://127.0.0.1:9/rdv/1',
};

describe('ouverture d’une page de réservation depuis un onglet lancé par un LRM', () => {
  it('sends the launch’s LRM origin with the booking intent', async () => {
    intents.length = 0;
    const { booking, opened } = service();
    await booking.open({ ...request, origin: 'lrm-samu33' });
    expect(intents).toEqual([{ searchId: 'onglet-1', sourceId: 'agendaplume', origin: 'lrm-samu33' }]);
    expect(opened).toHaveLength(1);
  });

  it('sends none for a tab no LRM launched', async () => {
    intents.length = 0;
    await service().booking.open(request);
    expect(intents).toEqual([{ searchId: 'onglet-1', sourceId: 'agendaplume' }]);
  });

  it('validates the origin the renderer sends like the agenda booking’s', () => {
    const schema = consoleCallSchemas.openBooking;
    expect(schema.safeParse([{ ...request, origin: 'lrm-samu33' }]).success).toBe(true);
    expect(schema.safeParse([{ ...request, origin: 'lrm samu33' }]).success).toBe(false);
    expect(schema.safeParse([{ ...request, origin: 'x'.repeat(101) }]).success).toBe(false);
  });
});
