// The console's SAS-agenda service against a backend on loopback answering each refusal: every one becomes the
// console's own code and a French message; a good answer is checked against the route table.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgendaService } from '@services/agenda-service';
import { createBackendApi } from '@services/backend-api';

const appointment = {
  id: 'rdv-1',
  publisherId: 'sas-agenda',
  publisherAppointmentId: 'b-1',
  status: 'booked',
  start: '2030-01-01T09:00:00.000Z',
  end: '2030-01-01T09:20:00.000Z',
  operatorId: '899999000005',
  agendaSlotId: 'sas-agenda/s-1',
  updatedAt: '2030-01-01T08:00:00.000Z',
};

/** What the backend answers, by the slot or appointment id the console sends. */
const answers: Record<string, [number, unknown]> = {
  ok: [201, { appointment }],
  taken: [409, { error: { code: 'agenda-slot-taken', message: 'pris' } }],
  gone: [404, { error: { code: 'agenda-slot-unknown', message: 'parti' } }],
  broken: [500, { error: { code: 'internal', message: 'Erreur interne du serveur SAS.' } }],
  down: [503, { error: { code: 'service-unavailable', message: 'indisponible' } }],
  malformed: [201, { appointment: { ...appointment, status: 'peut-être' } }],
  'rdv-autre': [403, { error: { code: 'agenda-cancel-refused', message: 'pas à vous' } }],
  'rdv-inconnu': [404, { error: { code: 'agenda-appointment-unknown', message: 'inconnu' } }],
  'rdv-409': [409, { error: { code: 'conflict', message: 'Conflit.' } }],
  'rdv-1': [200, { appointment: { ...appointment, status: 'cancelled' } }],
};

let server: Server;
let agenda: ReturnType<typeof createAgendaService>;

beforeAll(async () => {
  server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString()));
    request.on('end', () => {
      const body = JSON.parse(text) as { slotId?: string; appointmentId?: string };
      const [status, answer] = answers[body.slotId ?? body.appointmentId ?? ''] ?? [400, {}];
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  agenda = createAgendaService(
    createBackendApi({
      backendUrl: () => `http://127.0.0.1:${port}`,
      accessToken: async () => 'jeton-0123456789',
      fetch,
    }),
  );
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('booking a SAS-agenda slot from the console', () => {
  it('gives the appointment the backend recorded', async () => {
    expect(await agenda.book({ slotId: 'ok' })).toMatchObject({ id: 'rdv-1', agendaSlotId: 'sas-agenda/s-1' });
  });

  it('says the slot was just taken (409) or is gone (404), in French', async () => {
    await expect(agenda.book({ slotId: 'taken' })).rejects.toMatchObject({
      code: 'agenda-slot-taken',
      message: expect.stringMatching(/autre régulateur/u),
    });
    await expect(agenda.book({ slotId: 'gone' })).rejects.toMatchObject({ code: 'agenda-slot-unknown' });
  });

  it('keeps the general codes for a server error, an outage and an answer out of contract', async () => {
    await expect(agenda.book({ slotId: 'broken' })).rejects.toMatchObject({
      code: 'backend-error',
      message: 'Erreur interne du serveur SAS.',
    });
    await expect(agenda.book({ slotId: 'down' })).rejects.toMatchObject({ code: 'backend-unavailable' });
    await expect(agenda.book({ slotId: 'malformed' })).rejects.toMatchObject({ code: 'backend-invalid-answer' });
  });
});

describe('cancelling a SAS-agenda appointment from the console', () => {
  it('gives the cancelled appointment', async () => {
    expect(await agenda.cancel('rdv-1')).toMatchObject({ id: 'rdv-1', status: 'cancelled' });
  });

  it('refuses another regulator’s (403) and any other refusal as agenda-cancel-refused; unknown (404) as such', async () => {
    await expect(agenda.cancel('rdv-autre')).rejects.toMatchObject({
      code: 'agenda-cancel-refused',
      message: expect.stringMatching(/seul le régulateur/u),
    });
    await expect(agenda.cancel('rdv-409')).rejects.toMatchObject({
      code: 'agenda-cancel-refused',
      message: 'Conflit.',
    });
    await expect(agenda.cancel('rdv-inconnu')).rejects.toMatchObject({ code: 'agenda-slot-unknown' });
  });
});
