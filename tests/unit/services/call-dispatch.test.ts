import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ConsoleCalls } from '../../../shared/api/console-api';
import { ConsoleError, decodeConsoleError, encodeConsoleError } from '../../../shared/api/errors';
import { dispatchCall } from '../../../electron/services/call-dispatch';

const calls = {
  cancelSearch: async (id: string) => {
    if (id === 'boom') throw new Error('secret internals: 12 rue de la Paix');
    if (id === 'gone') throw new ConsoleError('unknown-search', 'Recherche fermée.');
  },
  getSession: async () => ({ status: 'logged-out' as const }),
} as unknown as ConsoleCalls;

describe('dispatchCall', () => {
  it('runs a valid call', async () => {
    expect(await dispatchCall(calls, 'getSession', [])).toEqual({ ok: true, value: { status: 'logged-out' } });
  });

  it('refuses unknown calls and invalid arguments without running them', async () => {
    expect(await dispatchCall(calls, '__proto__', [])).toMatchObject({ ok: false, error: { code: 'unknown-call' } });
    expect(await dispatchCall(calls, 'cancelSearch', [42])).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    expect(await dispatchCall(calls, 'cancelSearch', 'nope')).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    expect(await dispatchCall(calls, 'startSearch', [{ location: {} }])).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
  });

  it('passes ConsoleError through and hides unexpected errors', async () => {
    expect(await dispatchCall(calls, 'cancelSearch', ['gone'])).toEqual({ ok: false, error: { code: 'unknown-search', message: 'Recherche fermée.' } });
    const seen: unknown[] = [];
    const outcome = await dispatchCall(calls, 'cancelSearch', ['boom'], (_n, e) => seen.push(e));
    expect(outcome).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(outcome)).not.toContain('rue de la Paix');
    expect(seen).toHaveLength(1);
  });

  it('error codes survive the contextBridge message encoding', () => {
    const wrapped = new Error(`Error invoking remote method 'sas:call:login': Error: ${encodeConsoleError({ code: 'session-expired', message: 'Session [expirée].' })}`);
    expect(decodeConsoleError(wrapped)).toEqual({ code: 'session-expired', message: 'Session [expirée].' });
    expect(decodeConsoleError('nothing')).toMatchObject({ code: 'transport' });
  });

  it('decoding round-trips any code and message, and never throws on junk', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9-]{1,60}$/u), fc.string(), (code, message) => {
        const wrapped = new Error(`Error invoking remote method 'sas:call:x': Error: ${encodeConsoleError({ code, message })}`);
        expect(decodeConsoleError(wrapped)).toEqual({ code, message });
      }),
    );
    fc.assert(fc.property(fc.anything(), (junk) => typeof decodeConsoleError(junk).code === 'string'));
  });
});

describe('settings patch schema', () => {
  it('accepts only http(s) backend URLs from the renderer', async () => {
    const { settingsPatchSchema } = await import('../../../shared/api/console-api-schemas');
    expect(settingsPatchSchema.safeParse({ backendUrl: 'https://sas.example.fr' }).success).toBe(true);
    expect(settingsPatchSchema.safeParse({ backendUrl: '' }).success).toBe(true);
    expect(settingsPatchSchema.safeParse({ backendUrl: 'javascript:alert(1)' }).success).toBe(false);
    expect(settingsPatchSchema.safeParse({ backendUrl: 'file:///etc/passwd' }).success).toBe(false);
    expect(settingsPatchSchema.safeParse({ patientAddress: '12 rue X' }).success).toBe(false);
  });
});
