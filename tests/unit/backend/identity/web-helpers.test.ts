// Small helpers behind the identity pages and routes: HTML escaping, form bodies, loopback checks, config schema.
import { Readable } from 'node:stream';
import type { IncomingMessage } from 'node:http';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { identityFileConfigSchema, identityProviderConfig } from '@backend/identity/config';
import { createIdentityEvents } from '@backend/identity/events';
import { escapeHtml, renderPage } from '@backend/identity/html';
import { MAX_FORM_BYTES, parseFormBody, readForm } from '@backend/identity/http';
import { isAllowedTransport } from '@backend/identity/loopback';
import { isLoopbackUrl } from '@shared/util/loopback';
import { PSC_ISSUERS } from '@backend/identity/psc-client';
import { arrayRegulatorAccounts } from '@backend/identity/regulator-accounts';
import { sessionTtlSeconds, shiftEndsAt } from '@backend/identity/session-policy';

function request(body: string | Buffer, contentType = 'application/x-www-form-urlencoded'): IncomingMessage {
  const stream = Readable.from([typeof body === 'string' ? Buffer.from(body) : body]) as unknown as IncomingMessage;
  stream.headers = { 'content-type': contentType };
  return stream;
}

describe('escapeHtml', () => {
  it('leaves no markup-significant character and round-trips through decoding', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const escaped = escapeHtml(text);
        expect(escaped).not.toMatch(/[<>"']/u);
        const decoded = escaped
          .replace(/&lt;/gu, '<')
          .replace(/&gt;/gu, '>')
          .replace(/&quot;/gu, '"')
          .replace(/&#39;/gu, "'")
          .replace(/&amp;/gu, '&');
        expect(decoded).toBe(text);
      }),
    );
  });

  it('renders French pages with the banner escaped', () => {
    const html = renderPage({ title: 'Accès <refusé>', body: '<p>x</p>', banner: 'FORMATION & test' });
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('Accès &lt;refusé&gt;');
    expect(html).toContain('FORMATION &amp; test');
  });
});

describe('form bodies', () => {
  it('parseFormBody never throws and reads back what URLSearchParams wrote', () => {
    fc.assert(
      fc.property(fc.string(), (raw) => {
        expect(() => parseFormBody(raw)).not.toThrow();
      }),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string(), fc.string()), { maxLength: 10 }), (pairs) => {
        const written = new URLSearchParams(pairs).toString();
        expect([...parseFormBody(written)]).toEqual(pairs);
      }),
    );
  });

  it('reads a url-encoded body', async () => {
    const result = await readForm(request('identity=810002673899&method=cps&pin=1234'));
    expect(result.ok && result.fields.get('pin')).toBe('1234');
  });

  it('refuses another content type and oversized bodies with a French message', async () => {
    expect(await readForm(request('{}', 'application/json'))).toEqual({
      ok: false,
      message: 'Formulaire attendu (application/x-www-form-urlencoded).',
    });
    expect(await readForm(request(Buffer.alloc(MAX_FORM_BYTES + 1, 97)))).toEqual({
      ok: false,
      message: 'Formulaire trop volumineux.',
    });
  });
});

describe('loopback transport rule', () => {
  it('knows loopback hosts', () => {
    for (const url of ['http://127.0.0.1:8080/x', 'http://127.1.2.3/', 'http://localhost:1/', 'http://[::1]:9/']) {
      expect(isLoopbackUrl(url)).toBe(true);
    }
    for (const url of ['http://127.0.0.1.evil.example/', 'http://10.0.0.1/', 'https://sas.sante.fr/', 'not a url']) {
      expect(isLoopbackUrl(url)).toBe(false);
    }
  });

  it('allows HTTPS anywhere and HTTP only on loopback, for any input without throwing', () => {
    fc.assert(
      fc.property(fc.webUrl(), (url) => {
        const parsed = new URL(url);
        expect(isAllowedTransport(url)).toBe(parsed.protocol === 'https:' || isLoopbackUrl(parsed));
      }),
    );
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(typeof isAllowedTransport(text)).toBe('boolean');
      }),
    );
  });
});

describe('identity configuration file', () => {
  const base = {
    issuer: 'https://sas.example/oidc',
    psc: { environment: 'sandbox', clientId: 'sas', clientSecret: 'a-very-long-secret-123' },
    publishers: [
      { clientId: 'doctolib', clientSecret: 'publisher-secret-000001', redirectUris: ['https://editeur.example/cb'] },
    ],
  };

  it('accepts a sandbox configuration and resolves the PSC issuer', () => {
    const parsed = identityFileConfigSchema.parse(base);
    const config = identityProviderConfig(parsed, { accounts: arrayRegulatorAccounts([]) });
    expect(config.psc.issuer).toBe(PSC_ISSUERS.sandbox);
    expect(config.publishers?.[0]?.clientId).toBe('doctolib');
  });

  it('requires the training PSC issuer in training, and long secrets', () => {
    const training = identityFileConfigSchema.safeParse({ ...base, psc: { ...base.psc, environment: 'training' } });
    expect(training.success).toBe(false);
    expect(training.error?.issues[0]?.message).toContain('psc.issuer est obligatoire en formation');
    expect(identityFileConfigSchema.safeParse({ ...base, psc: { ...base.psc, clientSecret: 'short' } }).success).toBe(
      false,
    );
    expect(identityFileConfigSchema.safeParse({ ...base, unknownKey: 1 }).success).toBe(false);
  });
});

describe('identity events', () => {
  it('delivers to listeners, survives a failing one, and unsubscribes', () => {
    const errors: unknown[] = [];
    const events = createIdentityEvents((e) => errors.push(e));
    const seen: string[] = [];
    events.on('login-refused', () => {
      throw new Error('boom');
    });
    const off = events.on('login-refused', (e) => seen.push(e.reason));
    events.emit('login-refused', { reason: 'regulator_unknown', detail: 'x', at: new Date() });
    off();
    events.emit('login-refused', { reason: 'psc_failed', detail: 'x', at: new Date() });
    expect(seen).toEqual(['regulator_unknown']);
    expect(errors).toHaveLength(2);
  });
});

describe('session policy (shift and idle)', () => {
  const policy = { shiftSeconds: 12 * 3600, idleSeconds: 3600 };

  it('gives the idle limit early in a shift and the rest of the shift at its end', () => {
    expect(sessionTtlSeconds({ loginTs: 1000 }, 1000, policy)).toBe(3600);
    expect(sessionTtlSeconds({ loginTs: 1000 }, 1000 + 12 * 3600 - 600, policy)).toBe(600);
    expect(sessionTtlSeconds({ loginTs: 1000 }, 1000 + 13 * 3600, policy)).toBe(1);
    expect(sessionTtlSeconds({}, 5, policy)).toBe(3600);
    expect(shiftEndsAt(1000, policy)).toBe(1000 + 12 * 3600);
  });

  it('never exceeds the idle limit nor the end of the shift, and stays positive', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2_000_000_000 }),
        fc.integer({ min: -100_000, max: 100_000 }),
        fc.integer({ min: 60, max: 86_400 }),
        fc.integer({ min: 60, max: 86_400 }),
        (loginTs, elapsed, shiftSeconds, idleSeconds) => {
          const now = loginTs + elapsed;
          const ttl = sessionTtlSeconds({ loginTs }, now, { shiftSeconds, idleSeconds });
          expect(ttl).toBeGreaterThanOrEqual(1);
          expect(ttl).toBeLessThanOrEqual(idleSeconds);
          if (loginTs + shiftSeconds - now >= 1) expect(now + ttl).toBeLessThanOrEqual(loginTs + shiftSeconds);
        },
      ),
    );
  });
});
