// The parsers of what comes back from the Hub (RC-DE on `ack`, errors on `info`) and of what the LRM consumes:
// they never throw, whatever the bytes, and say which field is wrong.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildHubError,
  buildLrmMessage,
  buildRcDeAck,
  hubErrorSchema,
  rcDeAckSchema,
  type HubError,
  type Parsed,
  type RcDeAck,
  parseHubError,
  parseLrmEnvelope,
  parseRcDeAck,
} from '@backend/lrm/message';

const NOW = Date.parse('2026-03-01T10:00:00Z');
const ack = buildRcDeAck({
  acknowledged: 'fr.health.ptfsas_1',
  lrmId: 'fr.health.samu330',
  platformId: 'fr.health.ptfsas',
  now: NOW,
});
const errorOf = (errorCode: unknown) => {
  const envelope = buildHubError({
    distributionId: 'fr.health.samu330_e1',
    senderId: 'fr.health.samu330',
    recipient: 'fr.health.ptfsas',
    now: NOW,
    ttlMs: 60_000,
    code: 404,
    cause: 'rendez-vous inconnu',
    referencedDistributionId: 'fr.health.ptfsas_1',
  });
  const content = envelope.content[0]?.contentObject.JsonContent.embeddedJsonContent;
  return {
    ...envelope,
    content: [{ contentObject: { JsonContent: { embeddedJsonContent: { ...content, errorCode } } } }],
  };
};
const parsers = [parseRcDeAck, parseHubError, parseLrmEnvelope];

describe('Hub messages', () => {
  it('reads an RC-DE acknowledgement as the guide describes it', () => {
    expect(ack).toMatchObject({
      messageId: 'fr.health.ptfsas_1',
      reference: 'fr.health.ptfsas_1',
      sender: { name: 'fr.health.samu330', URL: 'hubex:fr.health.samu330' },
      sentAt: '2026-03-01T11:00:00+01:00',
      status: 'Actual',
      kind: 'Ack',
      recipients: { recipient: [{ explicitAddressScheme: 'Hubex', explicitAddressValue: 'fr.health.ptfsas' }] },
    });
    const parsed: Parsed<RcDeAck> = parseRcDeAck(Buffer.from(JSON.stringify(ack)));
    expect(parsed).toEqual({ ok: true, value: ack });
    expect(rcDeAckSchema.safeParse({ ...ack, kind: 'Nack' }).success).toBe(false);
  });

  it('reads an error code given as a number or as { statusCode, statusString }', () => {
    expect(hubErrorSchema.safeParse(errorOf(404)).success).toBe(true);
    const parsed: Parsed<HubError> = parseHubError(JSON.stringify(errorOf(404)));
    expect(parsed).toEqual({
      ok: true,
      value: {
        distributionId: 'fr.health.samu330_e1',
        referencedDistributionId: 'fr.health.ptfsas_1',
        code: 404,
        cause: 'rendez-vous inconnu',
        senderId: 'fr.health.samu330',
      },
    });
    const named = parseHubError(errorOf({ statusCode: 400, statusString: 'EXPIRED_MESSAGE_BEFORE_ROUTING' }));
    expect(named.ok && [named.value.code, named.value.codeName]).toEqual([400, 'EXPIRED_MESSAGE_BEFORE_ROUTING']);
  });

  it('names the wrong fields', () => {
    expect(parseRcDeAck({ ...ack, kind: 'Report', messageId: '' })).toEqual({
      ok: false,
      problems: [expect.stringMatching(/^messageId : /u), expect.stringMatching(/^kind : /u)],
    });
    const wrongCode = parseHubError(errorOf('quatre cent quatre'));
    expect(wrongCode.ok).toBe(false);
    expect(!wrongCode.ok && wrongCode.problems.join('\n')).toMatch(
      /content\.0\.contentObject\.JsonContent\.embeddedJsonContent\.errorCode/u,
    );
    expect(parseHubError('{')).toEqual({ ok: false, problems: ['JSON illisible'] });
    expect(
      parseRcDeAck(
        buildLrmMessage(
          {
            appointmentId: 'x',
            status: 'booked',
            start: '2026-03-01T10:00:00Z',
            end: '2026-03-01T10:00:00Z',
            created: '2026-03-01T10:00:00Z',
            category: 'ps',
          },
          { senderId: 'fr.health.ptfsas', recipient: 'fr.health.samu330', now: NOW },
        ).envelope,
      ).ok,
    ).toBe(false);
  });

  it('never throws, on any bytes or JSON', () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 200 }), fc.string(), fc.jsonValue()), (raw) => {
        for (const parse of parsers) {
          const result = parse(raw);
          if (!result.ok) expect(result.problems.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on a valid message with any field replaced by anything', () => {
    const samples: Record<string, unknown>[] = [ack, errorOf(500)];
    fc.assert(
      fc.property(fc.constantFrom(...samples), fc.string({ maxLength: 20 }), fc.jsonValue(), (sample, key, value) => {
        const keys = Object.keys(sample);
        const field = keys[key.length % keys.length] ?? key;
        const mutated = { ...sample, [field]: value };
        for (const parse of parsers) {
          const result = parse(mutated);
          if (!result.ok) expect(result.problems.every((p) => p.length > 0)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
