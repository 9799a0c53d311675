// The `lrm` section of the backend's configuration: defaults that run a training backend, and every mistake an
// operator can make named with its setting and in French.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLrmConfig, routingKeyFor, samuFor } from '@backend/lrm/config';

describe('configuration de la liaison LRM', () => {
  it('defaults to the training client id, no broker and no SAMU', () => {
    const parsed = parseLrmConfig(undefined);
    expect(parsed).toEqual({
      ok: true,
      config: expect.objectContaining({
        senderId: 'fr.health.ptfsas',
        samus: {},
        exchange: '',
        routingKey: '{recipient}.message',
        declareQueues: true,
      }),
    });
    expect(parsed.ok && parsed.config.amqpUrl).toBeUndefined();
  });

  it('maps an LRM origin to its SAMU and builds the routing key of its message queue', () => {
    const parsed = parseLrmConfig({ amqpUrl: 'amqp://127.0.0.1:5672', samus: { 'lrm-33': 'fr.health.samu330' } });
    if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
    expect(samuFor(parsed.config, 'lrm-33')).toBe('fr.health.samu330');
    expect(samuFor(parsed.config, 'lrm-69')).toBeUndefined();
    // An origin that happens to name an object property is not a SAMU.
    expect(samuFor(parsed.config, 'toString')).toBeUndefined();
    expect(routingKeyFor(parsed.config, 'fr.health.samu330')).toBe('fr.health.samu330.message');
  });

  it.each([
    [{ amqpUrl: 'http://broker' }, 'lrm.amqpUrl : URL AMQP attendue'],
    [{ samus: { 'lrm-33': 'samu33' } }, 'lrm.samus.lrm-33 : adresse Hub d’un SAMU attendue'],
    [{ samus: { 'origine invalide': 'fr.health.samu330' } }, 'lrm.samus'],
    [{ senderId: 'ptfsas' }, 'lrm.senderId : identifiant Hub attendu'],
    [
      { amqpUrl: 'amqp://broker', tls: { cert: 'c.pem', key: 'k.pem' } },
      'lrm.tls : un certificat client (tls) demande une URL amqps://',
    ],
    [{ routingKey: 'samu.message' }, 'lrm.routingKey : doit contenir {recipient}'],
    [{ retry: { firstMs: 5_000, maxMs: 1_000 } }, 'lrm.retry.firstMs : le premier délai dépasse le délai maximal'],
    [{ brokerUrl: 'amqp://broker' }, 'lrm'],
  ])('refuses %j with a message naming the setting', (raw, expected) => {
    const parsed = parseLrmConfig(raw);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? [] : parsed.problems.join('\n')).toContain(expected);
  });

  it('accepts a client certificate with amqps', () => {
    const parsed = parseLrmConfig({
      amqpUrl: 'amqps://hub.example:5671',
      tls: { cert: 'c.pem', key: 'k.pem', ca: 'ca.pem' },
    });
    expect(parsed.ok).toBe(true);
  });

  it('never throws, and either gives a config or French problems prefixed by lrm (any input)', () => {
    fc.assert(
      fc.property(fc.anything(), (raw) => {
        const parsed = parseLrmConfig(raw);
        if (parsed.ok) expect(parsed.config.senderId).toMatch(/^fr\.health\./u);
        else {
          expect(parsed.problems.length).toBeGreaterThan(0);
          for (const problem of parsed.problems) expect(problem).toMatch(/^lrm(\.|\s)/u);
        }
      }),
    );
  });

  it('keeps every well-formed origin → SAMU mapping as given', () => {
    const origin = fc
      .stringMatching(/^[\w.:-]{1,40}$/u)
      .filter((key) => !['__proto__', 'constructor', 'prototype'].includes(key));
    const samu = fc.stringMatching(/^fr\.health\.samu[0-9a-z]{2,6}$/u);
    fc.assert(
      fc.property(fc.dictionary(origin, samu), (samus) => {
        const parsed = parseLrmConfig({ samus });
        if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
        for (const [key, value] of Object.entries(samus)) expect(samuFor(parsed.config, key)).toBe(value);
      }),
    );
  });

  it('refuses an origin an object cannot hold as its own key, rather than losing its SAMU silently', () => {
    for (const reserved of ['__proto__', 'constructor', 'prototype']) {
      const parsed = parseLrmConfig(JSON.parse(`{"samus":{"${reserved}":"fr.health.samu330"}}`));
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.problems.join('\n')).toMatch(/origine LRM réservée/u);
    }
  });
});
