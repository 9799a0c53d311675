// Filling the SAS agenda through the API (integrators, training): PUT and DELETE of availabilities for a
// practitioner, a CPTS or a SOS Médecins site, with a structure manager's token. Refusals name the problem: no or
// unknown token 401, a structure the token does not manage 403, a bad body 400 naming the field, a slot a
// regulator holds 409.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '@backend/agenda/managers';
import { startTrainingEnvironment, type TrainingEnvironment } from '@backend/training/environment';
import { createAgendaService } from '@services/agenda-service';
import { backendRoutes } from '@shared/backend-api/routes';
import type { Availability } from '@shared/backend-api/agenda-schemas';
import { ALICE, loginToTraining, type LoggedIn } from '../support/training-session';
import { consoleApi } from '../multi-instance/support';

const SITE_TOKEN = 'jeton-site-sos-0123456789abcdef';
const CPTS_TOKEN = 'jeton-cpts-0123456789abcdef0123';
const PATH = backendRoutes.agendaAvailabilitiesPut.path;

let env: TrainingEnvironment;
let siteId: string;
let cptsFiness: string;
let member: string;
let outsider: string;

beforeAll(async () => {
  const { loadTrainingDataset } = await import('@backend/training/dataset/files');
  const dataset = await loadTrainingDataset();
  const cpts = dataset.careOffer.cpts.find((c) => c.memberIds.length > 0)!;
  siteId = dataset.careOffer.sosSites[0]!.id;
  cptsFiness = cpts.finess;
  member = cpts.memberIds[0]!;
  outsider = dataset.careOffer.practitioners.find((p) => !cpts.memberIds.includes(p.nationalId))!.nationalId;
  env = await startTrainingEnvironment({
    streetGeocoder: false,
    backend: {
      agenda: {
        managers: [
          { name: 'SOS Médecins (formation)', tokenSha256: sha256Hex(SITE_TOKEN), sosSites: [siteId] },
          { name: 'CPTS (formation)', tokenSha256: sha256Hex(CPTS_TOKEN).toUpperCase(), cpts: [cptsFiness] },
        ],
      },
    },
  });
}, 90_000);

afterAll(async () => {
  await env?.close();
});

const inHours = (hours: number) => new Date(Date.now() + hours * 3600_000).toISOString();

function send(method: 'PUT' | 'DELETE', token: string | undefined, body?: unknown, query = '') {
  return fetch(`${env.backendUrl}${PATH}${query}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
}

const siteSlot = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  sosSiteId: siteId,
  start: inHours(4),
  end: inHours(4.5),
  types: ['SNP'],
  modes: ['cabinet'],
  ...extra,
});

async function errorOf(response: Response): Promise<{ code: string; message: string }> {
  return ((await response.json()) as { error: { code: string; message: string } }).error;
}

describe('PUT /api/agenda/availabilities', () => {
  it('refuses without a token, or with one it does not know (401), before reading the body', async () => {
    const none = await send('PUT', undefined, { availabilities: [siteSlot('a-1')] });
    expect(none.status).toBe(401);
    expect(await errorOf(none)).toMatchObject({ code: 'agenda-manager-unauthenticated' });
    const wrong = await send('PUT', 'jeton-inconnu-0123456789abcdef', 'pas du JSON');
    expect(wrong.status).toBe(401);
  });

  it('refuses a structure the token does not manage (403), naming the field, and writes nothing', async () => {
    const refused = await send('PUT', SITE_TOKEN, {
      availabilities: [siteSlot('a-ok'), { ...siteSlot('a-cpts'), sosSiteId: undefined, cptsFiness }],
    });
    expect(refused.status).toBe(403);
    const error = await errorOf(refused);
    expect(error.code).toBe('agenda-structure-forbidden');
    expect(error.message).toContain('availabilities.1.cptsFiness');
    expect(await env.storage.agendaSlots.get('a-ok')).toBeUndefined();
  });

  it('refuses a bad body (400) naming each bad field, in French and English', async () => {
    const badMode = await send('PUT', SITE_TOKEN, {
      availabilities: [siteSlot('a-ok'), siteSlot('a-bad', { modes: ['visio'], types: [] })],
    });
    expect(badMode.status).toBe(400);
    const error = await errorOf(badMode);
    expect(error.code).toBe('invalid-request');
    expect(error.message).toContain('availabilities.1.modes.0');
    expect(error.message).toContain('availabilities.1.types');
    expect(error.message).not.toContain('availabilities.0');
    expect(error.message).toMatch(/invalide.*invalid/u);
    const backwards = await send('PUT', SITE_TOKEN, { availabilities: [siteSlot('a-bad', { end: inHours(3) })] });
    expect(await errorOf(backwards)).toMatchObject({ message: expect.stringContaining('availabilities.0.end') });
    const noOwner = await send('PUT', SITE_TOKEN, { availabilities: [siteSlot('a-x', { sosSiteId: undefined })] });
    expect(await errorOf(noOwner)).toMatchObject({
      message: expect.stringContaining('availabilities.0.practitionerId'),
    });
    const unknownField = await send('PUT', SITE_TOKEN, { availabilities: [siteSlot('a-y', { patient: 'Dupont' })] });
    expect(unknownField.status).toBe(400);
  });

  it('adds and replaces the site’s availabilities by id, and a CPTS manager its members’ and its own', async () => {
    const put = await send('PUT', SITE_TOKEN, { availabilities: [siteSlot('sos-1'), siteSlot('sos-2')] });
    expect(put.status).toBe(200);
    const { availabilities } = (await put.json()) as { availabilities: Availability[] };
    expect(availabilities.map((a) => [a.id, a.sosSiteId, a.booked])).toEqual([
      ['sos-1', siteId, false],
      ['sos-2', siteId, false],
    ]);
    const later = inHours(8);
    const moved = await send('PUT', SITE_TOKEN, {
      availabilities: [siteSlot('sos-1', { start: later, end: inHours(8.25) })],
    });
    expect(moved.status).toBe(200);
    expect(Date.parse((await env.storage.agendaSlots.get('sos-1'))!.start)).toBe(Date.parse(later));

    const cptsPut = await send('PUT', CPTS_TOKEN, {
      availabilities: [
        {
          id: 'cpts-membre',
          practitionerId: member,
          cptsFiness,
          start: inHours(5),
          end: inHours(5.5),
          types: ['CPTS'],
          modes: ['cabinet'],
        },
        {
          id: 'cpts-propre',
          cptsFiness,
          start: inHours(6),
          end: inHours(6.5),
          types: ['CPTS'],
          modes: ['teleconsultation'],
        },
      ],
    });
    expect(cptsPut.status).toBe(200);
    // A practitioner outside the CPTS is not the CPTS manager's to fill, even when the slot names the CPTS.
    const outside = await send('PUT', CPTS_TOKEN, {
      availabilities: [
        {
          practitionerId: outsider,
          cptsFiness,
          start: inHours(5),
          end: inHours(5.5),
          types: ['CPTS'],
          modes: ['cabinet'],
        },
      ],
    });
    expect(outside.status).toBe(403);
    expect((await errorOf(outside)).message).toContain('availabilities.0.practitionerId');
    // Nor may it take over the site's slot by reusing its id.
    const hijack = await send('PUT', CPTS_TOKEN, {
      availabilities: [
        { id: 'sos-2', cptsFiness, start: inHours(5), end: inHours(5.5), types: ['CPTS'], modes: ['cabinet'] },
      ],
    });
    expect(hijack.status).toBe(403);
  });
});

describe('DELETE /api/agenda/availabilities', () => {
  let alice: LoggedIn | undefined;
  afterAll(async () => {
    await alice?.session.close();
  });

  it('removes a managed availability; 401 without token, 403 for another structure, 404 when unknown', async () => {
    expect((await send('DELETE', undefined, undefined, '?id=sos-2')).status).toBe(401);
    expect((await send('DELETE', CPTS_TOKEN, undefined, '?id=sos-2')).status).toBe(403);
    const removed = await send('DELETE', SITE_TOKEN, undefined, '?id=sos-2');
    expect(removed.status).toBe(200);
    expect(await removed.json()).toEqual({ removed: 'sos-2' });
    expect(await env.storage.agendaSlots.get('sos-2')).toBeUndefined();
    const again = await send('DELETE', SITE_TOKEN, undefined, '?id=sos-2');
    expect(again.status).toBe(404);
    expect(await errorOf(again)).toMatchObject({ code: 'agenda-slot-unknown' });
    const noId = await send('DELETE', SITE_TOKEN, undefined, '');
    expect(noId.status).toBe(400);
    expect((await errorOf(noId)).message).toContain('id');
  });

  it('keeps a slot a regulator holds (409) until the appointment is cancelled', async () => {
    alice = await loginToTraining(env, ALICE);
    const agenda = createAgendaService(consoleApi(env.backendUrl, () => alice!.session.accessToken()));
    const appointment = await agenda.book({ slotId: 'sas-agenda/sos-1' });
    const held = await send('DELETE', SITE_TOKEN, undefined, '?id=sos-1');
    expect(held.status).toBe(409);
    expect(await errorOf(held)).toMatchObject({ code: 'agenda-slot-booked' });
    const changed = await send('PUT', SITE_TOKEN, { availabilities: [siteSlot('sos-1')] });
    expect(changed.status).toBe(409);
    await agenda.cancel(appointment.id);
    expect((await send('DELETE', SITE_TOKEN, undefined, '?id=sas-agenda/sos-1')).status).toBe(200);
  }, 60_000);
});
