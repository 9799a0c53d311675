// The EDXL-DE envelope of an INT_L02 message: the Hub's routing fields, a unique distributionID per message, an
// expiry after the sending time, and the schema the LRM validates it with.
import { describe, expect, it } from 'vitest';
import {
  buildLrmMessage,
  lrmEnvelopeSchema,
  parseLrmEnvelope,
  type LrmAppointmentInput,
  type LrmMessage,
  type LrmMessageOptions,
} from '@backend/lrm/message';

const input: LrmAppointmentInput = {
  appointmentId: 'a1',
  status: 'booked',
  start: '2026-01-10T09:00:00Z',
  end: '2026-01-10T09:20:00Z',
  created: '2026-01-09T17:00:00Z',
  category: 'ps',
  practitioner: { idnps: '810002909371', text: 'Dr Jean Dupont' },
};
const options: LrmMessageOptions = {
  senderId: 'fr.health.ptfsas',
  recipient: 'fr.health.samu330',
  now: Date.parse('2026-01-09T17:00:05Z'),
};

describe('buildLrmMessage envelope', () => {
  it('carries the Hub routing fields, in Paris time', () => {
    const message: LrmMessage = buildLrmMessage(input, { ...options, ttlMs: 3_600_000 });
    const { envelope, distributionId } = message;
    expect(envelope).toMatchObject({
      distributionID: distributionId,
      senderID: 'fr.health.ptfsas',
      dateTimeSent: '2026-01-09T18:00:05+01:00',
      dateTimeExpires: '2026-01-09T19:00:05+01:00',
      distributionStatus: 'Actual',
      distributionKind: 'Report',
      descriptor: {
        language: 'fr-FR',
        explicitAddress: { explicitAddressScheme: 'Hubex', explicitAddressValue: 'fr.health.samu330' },
      },
    });
    expect(envelope.content).toHaveLength(1);
    expect(envelope.content[0]?.contentObject.JsonContent.embeddedJsonContent.type).toBe('transaction');
    expect(lrmEnvelopeSchema.safeParse(JSON.parse(JSON.stringify(envelope))).success).toBe(true);
  });

  it('gives every message its own distributionID `${senderId}_…`', () => {
    const ids = new Set(Array.from({ length: 50 }, () => buildLrmMessage(input, options).distributionId));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(/^fr\.health\.ptfsas_[0-9a-f-]{36}$/u);
  });

  it('expires after it is sent (a day by default)', () => {
    const { envelope } = buildLrmMessage(input, options);
    expect(Date.parse(envelope.dateTimeExpires) - Date.parse(envelope.dateTimeSent)).toBe(24 * 3_600_000);
  });

  it('refuses, naming them, an invalid input or recipient', () => {
    expect(() => buildLrmMessage({ ...input, appointmentId: 'a b', end: '2026-01-10T08:00:00Z' }, options)).toThrow(
      /appointmentId[\s\S]*end/u,
    );
    expect(() => buildLrmMessage(input, { ...options, recipient: 'SAMU 33' })).toThrow(/recipient invalide/u);
    expect(() => buildLrmMessage(input, { ...options, ttlMs: 10 })).toThrow(/ttlMs/u);
  });

  it('is what the LRM side parses back', () => {
    const { envelope, distributionId } = buildLrmMessage(input, options);
    const parsed = parseLrmEnvelope(Buffer.from(JSON.stringify(envelope)));
    expect(parsed.ok && parsed.value.distributionID).toBe(distributionId);
    const expired = parseLrmEnvelope({ ...envelope, dateTimeExpires: envelope.dateTimeSent });
    expect(expired).toEqual({ ok: false, problems: [expect.stringMatching(/^dateTimeExpires : /u)] });
  });
});
