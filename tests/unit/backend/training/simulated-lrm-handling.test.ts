// The simulated LRM's processing of one message, without a broker: which answer goes to which queue, what the
// orientations become, and the page escaping what a message carries.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildLrmMessage, parseHubError, parseRcDeAck, type LrmAppointmentInput } from '@backend/lrm/message';
import { renderDrmPage } from '@backend/training/lrm/drm-page';
import { handleLrmMessage } from '@backend/training/lrm/handle-message';
import { OrientationStore } from '@backend/training/lrm/orientations';

const SENDER = 'fr.health.ptfsas';
const SAMU = 'fr.health.samu330';
const NOW = Date.parse('2026-05-03T16:00:00Z');
const input: LrmAppointmentInput = {
  appointmentId: 'rdv-1',
  status: 'pending',
  start: '2026-05-04T07:30:00Z',
  end: '2026-05-04T07:50:00Z',
  created: '2026-05-03T16:00:00Z',
  category: 'sos',
};
const body = (message: ReturnType<typeof buildLrmMessage>) => Buffer.from(JSON.stringify(message.envelope));

describe('handleLrmMessage', () => {
  it('acknowledges, then keeps each update in the history and the practitioner added later', () => {
    const store = new OrientationStore();
    const first = buildLrmMessage(input, { senderId: SENDER, recipient: SAMU, now: NOW });
    const reply = handleLrmMessage(body(first), { samu: SAMU, senderId: SENDER, store, now: NOW });
    expect(reply.queue).toBe(`${SENDER}.ack`);
    expect(parseRcDeAck(reply.body)).toMatchObject({ ok: true, value: { messageId: first.distributionId } });
    const update = buildLrmMessage(
      { ...input, status: 'booked', practitioner: { idnps: '810002909371', text: 'Dr Jean Dupont' } },
      { senderId: SENDER, recipient: SAMU, now: NOW + 1000, previous: first },
    );
    handleLrmMessage(body(update), { samu: SAMU, senderId: SENDER, store, now: NOW + 1000 });
    expect(store.get(SAMU, 'rdv-1')).toMatchObject({
      status: 'booked',
      category: 'SOS',
      practitioner: 'Dr Jean Dupont (810002909371)',
      history: [
        { method: 'POST', status: 'pending' },
        { method: 'PUT', status: 'booked' },
      ],
    });
  });

  it('answers 404 NOT_FOUND for a PUT of an unknown appointment, 400 for an expired message', () => {
    const store = new OrientationStore();
    const update = buildLrmMessage(input, { senderId: SENDER, recipient: SAMU, now: NOW, previous: { resources: [] } });
    const notFound = handleLrmMessage(body(update), { samu: SAMU, senderId: SENDER, store, now: NOW });
    expect(notFound.queue).toBe(`${SENDER}.info`);
    expect(parseHubError(notFound.body)).toMatchObject({
      ok: true,
      value: { code: 404, referencedDistributionId: update.distributionId, cause: expect.stringContaining('rdv-1') },
    });
    const old = buildLrmMessage(input, { senderId: SENDER, recipient: SAMU, now: NOW, ttlMs: 60_000 });
    const expired = handleLrmMessage(body(old), { samu: SAMU, senderId: SENDER, store, now: NOW + 120_000 });
    expect(parseHubError(expired.body)).toMatchObject({
      ok: true,
      value: { code: 400, codeName: 'EXPIRED_MESSAGE_BEFORE_ROUTING' },
    });
    expect(store.list(SAMU)).toEqual([]);
  });

  it('never throws on any bytes, and answers an error on the info queue', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 300 }),
          fc.json().map((j) => new TextEncoder().encode(j)),
        ),
        (bytes) => {
          const reply = handleLrmMessage(Buffer.from(bytes), {
            samu: SAMU,
            senderId: SENDER,
            store: new OrientationStore(),
            now: NOW,
          });
          expect(reply.queue).toBe(`${SENDER}.info`);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('renderDrmPage', () => {
  it('escapes every value a message carries', () => {
    const store = new OrientationStore();
    const hostile = buildLrmMessage(
      {
        ...input,
        appointmentId: 'rdv-2',
        practitioner: { idnps: '810002909371', text: '<script>alert(1)</script>' },
        structure: { kind: 'sos', idnst: '334173748400020', name: 'SOS "Médecins" & <i>co</i>' },
      },
      { senderId: SENDER, recipient: SAMU, now: NOW },
    );
    handleLrmMessage(body(hostile), { samu: SAMU, senderId: SENDER, store, now: NOW });
    const html = renderDrmPage({ samus: [{ samu: SAMU, orientations: store.list(SAMU) }], connected: true });
    expect(html).not.toMatch(/<script|<i>/u);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('SOS &quot;Médecins&quot; &amp; &lt;i&gt;co&lt;/i&gt;');
    expect(html).toContain('En attente');
    const empty = renderDrmPage({ samus: [{ samu: SAMU, orientations: [] }], connected: false });
    expect(empty).toContain('Aucune orientation reçue.');
    expect(empty).toContain('Liaison avec le Hub (RabbitMQ) interrompue');
  });
});
