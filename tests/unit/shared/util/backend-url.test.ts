import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backendEndpoint, backendIssuer, normalizeBackendBase } from '@shared/util/backend-url';

describe('backend URL joining', () => {
  it('gives one slash between the base and the route, bare or with a trailing slash', () => {
    for (const base of ['https://sas.example', 'https://sas.example/', 'https://sas.example//']) {
      expect(backendEndpoint(base, '/api/search')).toBe('https://sas.example/api/search');
      expect(backendIssuer(base)).toBe('https://sas.example/oidc');
    }
    expect(backendEndpoint('http://127.0.0.1:8700', '/health')).toBe('http://127.0.0.1:8700/health');
  });

  it('keeps a path prefix (a backend behind a reverse proxy)', () => {
    for (const base of ['https://host/sas', 'https://host/sas/']) {
      expect(backendEndpoint(base, '/api/appointments/events')).toBe('https://host/sas/api/appointments/events');
      expect(backendIssuer(base)).toBe('https://host/sas/oidc');
    }
    expect(normalizeBackendBase('https://host/a/b')).toBe('https://host/a/b/');
  });

  it('keeps a query carried by the route', () => {
    expect(backendEndpoint('https://host/sas', '/api/places?q=Agen%2047')).toBe(
      'https://host/sas/api/places?q=Agen%2047',
    );
  });

  it('never climbs above the base, nor accepts a base with a query', () => {
    expect(() => backendEndpoint('https://host/sas', '/../admin')).toThrow();
    expect(() => backendEndpoint('https://host/sas', '%2E%2e/admin')).toThrow();
    expect(() => normalizeBackendBase('https://host/sas?x=1')).toThrow();
  });

  it('every joined address starts with the base and has no double slash after the origin', () => {
    const segment = fc.stringMatching(/^[a-z0-9-]{1,12}$/u);
    fc.assert(
      fc.property(
        fc.array(segment, { maxLength: 3 }),
        fc.array(segment, { minLength: 1, maxLength: 4 }),
        fc.nat(3),
        fc.nat(3),
        (prefix, route, baseSlashes, routeSlashes) => {
          const base = `https://sas.example${prefix.map((s) => `/${s}`).join('')}${'/'.repeat(baseSlashes)}`;
          const path = `${'/'.repeat(routeSlashes)}${route.join('/')}`;
          const joined = backendEndpoint(base, path);
          const canonical = `https://sas.example/${[...prefix, ...route].join('/')}`;
          expect(joined).toBe(canonical);
          expect(new URL(joined).pathname).not.toContain('//');
        },
      ),
    );
  });
});
