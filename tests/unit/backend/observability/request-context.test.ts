import type { IncomingMessage } from 'node:http';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { currentRequestId, requestIdFor, runWithRequestId } from '@backend/observability/request-context';

const request = (peer: string, id?: string) =>
  ({ headers: id === undefined ? {} : { 'x-request-id': id }, socket: { remoteAddress: peer } }) as IncomingMessage;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/u;
const proxies = new Set(['10.0.0.5']);

describe('request ids', () => {
  it('keeps a well-formed id from a trusted proxy (IPv4-mapped too), never from anyone else', () => {
    expect(requestIdFor(request('10.0.0.5', 'lb-0123456789'), proxies)).toBe('lb-0123456789');
    expect(requestIdFor(request('::ffff:10.0.0.5', 'lb-0123456789'), proxies)).toBe('lb-0123456789');
    expect(requestIdFor(request('10.0.0.6', 'lb-0123456789'), proxies)).toMatch(UUID);
    expect(requestIdFor(request('10.0.0.5'), proxies)).toMatch(UUID);
  });

  it('replaces any offered id that is not short and printable, whatever the text (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (offered) => {
        const id = requestIdFor(request('10.0.0.5', offered), proxies);
        expect(id).toMatch(/^[A-Za-z0-9._:-]{8,128}$/u);
        if (id !== offered) expect(id).toMatch(UUID);
      }),
    );
  });

  it('carries the id across awaits', async () => {
    const seen = await runWithRequestId('req-00000001', async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      return currentRequestId();
    });
    expect(seen).toBe('req-00000001');
    expect(currentRequestId()).toBeUndefined();
  });
});
