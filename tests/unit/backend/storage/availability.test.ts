// "Storage unreachable" (answer 503, retry) versus any other storage error (a bug: 500), read along the cause chain.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isStorageUnavailable } from '@backend/storage/availability';
import { StorageError } from '@backend/storage/sql-database';

const coded = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isStorageUnavailable', () => {
  it('recognises a refused connection, a server shutting down, a lost connection, an unreachable server', () => {
    expect(isStorageUnavailable(coded('ECONNREFUSED'))).toBe(true);
    expect(isStorageUnavailable(new Error('wrapped', { cause: coded('ECONNRESET') }))).toBe(true);
    expect(isStorageUnavailable(coded('57P01', 'terminating connection due to administrator command'))).toBe(true);
    expect(isStorageUnavailable(coded('08006'))).toBe(true);
    expect(isStorageUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isStorageUnavailable(new StorageError('postgres-unreachable', 'Connexion impossible'))).toBe(true);
  });

  it('does not take a query error for an outage', () => {
    expect(isStorageUnavailable(coded('23505', 'duplicate key value'))).toBe(false);
    expect(isStorageUnavailable(coded('42P01', 'relation does not exist'))).toBe(false);
    expect(isStorageUnavailable(new StorageError('schema-too-new', 'trop récent'))).toBe(false);
    expect(isStorageUnavailable('not an error')).toBe(false);
  });

  it('never throws, whatever it is given', () => {
    fc.assert(fc.property(fc.anything(), (value) => typeof isStorageUnavailable(value) === 'boolean'));
  });
});
