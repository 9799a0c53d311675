import { describe, expect, it } from 'vitest';
import { causeChain, errorChain } from '@shared/util/error-chain';
import { isNetworkError, NETWORK_ERROR_CODES, networkErrorCode } from '@shared/util/network-errors';

function coded(code: string, message = code): Error {
  return Object.assign(new Error(message), { code });
}

describe('network errors', () => {
  it('finds a network code along the cause chain', () => {
    for (const code of NETWORK_ERROR_CODES) {
      const wrapped = new TypeError('fetch failed', { cause: coded(code) });
      expect(networkErrorCode(wrapped)).toBe(code);
      expect(isNetworkError(new Error('outer', { cause: wrapped }))).toBe(true);
    }
  });

  it('counts deadlines and undici wrappers without a code as unreachable', () => {
    expect(networkErrorCode(Object.assign(new Error('x'), { name: 'TimeoutError' }))).toBe('TimeoutError');
    expect(networkErrorCode(Object.assign(new Error('x'), { name: 'AbortError' }))).toBe('AbortError');
    expect(networkErrorCode(new TypeError('fetch failed'))).toBe('fetch failed');
  });

  it('prefers the precise code to the generic wrapper', () => {
    expect(networkErrorCode(new TypeError('fetch failed', { cause: coded('ECONNREFUSED') }))).toBe('ECONNREFUSED');
  });

  it('does not count other failures', () => {
    expect(isNetworkError(new Error('invalid issuer'))).toBe(false);
    expect(isNetworkError(coded('ERR_INVALID_URL'))).toBe(false);
    expect(isNetworkError(new TypeError('other'))).toBe(false);
    expect(isNetworkError('ECONNREFUSED')).toBe(false);
    expect(isNetworkError(undefined)).toBe(false);
  });

  it('reads a bounded depth, so a cyclic chain ends', () => {
    const a = new Error('a');
    const b = new Error('b', { cause: a });
    (a as { cause?: unknown }).cause = b;
    expect(errorChain(a)).toHaveLength(5);
    expect(isNetworkError(a)).toBe(false);
    // Beyond the depth read, a code is not seen.
    let deep: Error = coded('ECONNREFUSED');
    for (let i = 0; i < 5; i += 1) deep = new Error(`wrap ${i}`, { cause: deep });
    expect(isNetworkError(deep)).toBe(false);
  });

  it('writes the chain for logs', () => {
    expect(causeChain(new TypeError('fetch failed', { cause: coded('ECONNREFUSED', 'connect') }))).toBe(
      'fetch failed <- ECONNREFUSED: connect',
    );
    expect(causeChain('text')).toBe('text');
  });
});
