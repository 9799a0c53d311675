import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ConsoleCalls } from '@shared/api/console-api';
import { ConsoleError, consoleErrorPayload, settleOutcome } from '@shared/api/errors';
import { callsFromOutcomes } from '@shared/api/make-calls';
import { dispatchCall } from '@services/call-dispatch';

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
    expect(await dispatchCall(calls, 'cancelSearch', [42])).toMatchObject({
      ok: false,
      error: { code: 'invalid-arguments' },
    });
    expect(await dispatchCall(calls, 'cancelSearch', 'nope')).toMatchObject({
      ok: false,
      error: { code: 'invalid-arguments' },
    });
    expect(await dispatchCall(calls, 'startSearch', [{ location: {} }])).toMatchObject({
      ok: false,
      error: { code: 'invalid-arguments' },
    });
  });

  it('passes ConsoleError through and hides unexpected errors', async () => {
    expect(await dispatchCall(calls, 'cancelSearch', ['gone'])).toEqual({
      ok: false,
      error: { code: 'unknown-search', message: 'Recherche fermée.' },
    });
    const seen: unknown[] = [];
    const outcome = await dispatchCall(calls, 'cancelSearch', ['boom'], (_n, e) => seen.push(e));
    expect(outcome).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(outcome)).not.toContain('rue de la Paix');
    expect(seen).toHaveLength(1);
  });

  it('a failed outcome becomes a ConsoleError with its code, whatever its message holds', () => {
    expect(() =>
      settleOutcome({ ok: false, error: { code: 'session-expired', message: 'Session [expirée].' } }),
    ).toThrow(ConsoleError);
    try {
      settleOutcome({ ok: false, error: { code: 'session-expired', message: 'Session [expirée].' } });
    } catch (error) {
      expect(consoleErrorPayload(error)).toEqual({ code: 'session-expired', message: 'Session [expirée].' });
    }
    expect(settleOutcome({ ok: true, value: 42 })).toBe(42);
    expect(consoleErrorPayload(new Error('nothing'))).toMatchObject({ code: 'transport' });
  });

  it('anything that is not an outcome (or names an unknown code) is a transport failure, never a crash', () => {
    fc.assert(
      fc.property(fc.anything(), (junk) => {
        fc.pre(!(typeof junk === 'object' && junk !== null && (junk as { ok?: unknown }).ok === true));
        let thrown: unknown;
        try {
          settleOutcome(junk);
        } catch (error) {
          thrown = error;
        }
        expect(thrown).toBeInstanceOf(ConsoleError);
      }),
    );
    expect(() => settleOutcome({ ok: false, error: { code: 'made-up', message: 'x' } })).toThrow(/ne répond pas/u);
    fc.assert(fc.property(fc.anything(), (junk) => typeof consoleErrorPayload(junk).code === 'string'));
  });

  it('calls over outcomes resolve with the value and reject with the ConsoleError, as over the preload', async () => {
    const calls = callsFromOutcomes({
      cancelSearch: async () => ({ ok: false, error: { code: 'unknown-search', message: 'Recherche fermée.' } }),
      getSettings: async () => ({ ok: true, value: { backendUrl: '' } }),
      logout: async () => {
        throw new Error('bridge gone');
      },
    } as never);
    expect(await calls.getSettings()).toEqual({ backendUrl: '' });
    await expect(calls.cancelSearch('s-1')).rejects.toMatchObject({
      name: 'ConsoleError',
      code: 'unknown-search',
      message: 'Recherche fermée.',
    });
    await expect(calls.logout()).rejects.toMatchObject({ code: 'transport' });
  });
});

describe('settings patch schema', () => {
  it('accepts no backend URL from the renderer (administrator only), nor unknown fields', async () => {
    const { settingsPatchSchema } = await import('@shared/api/console-api-schemas');
    expect(settingsPatchSchema.safeParse({ backendUrl: 'https://sas.example.fr' }).success).toBe(false);
    expect(settingsPatchSchema.safeParse({ backendUrl: '' }).success).toBe(false);
    expect(settingsPatchSchema.safeParse({ environmentLabel: 'PROD' }).success).toBe(true);
    expect(settingsPatchSchema.safeParse({ backendUrl: 'javascript:alert(1)' }).success).toBe(false);
    expect(settingsPatchSchema.safeParse({ backendUrl: 'file:///etc/passwd' }).success).toBe(false);
    expect(settingsPatchSchema.safeParse({ patientAddress: '12 rue X' }).success).toBe(false);
  });
});
