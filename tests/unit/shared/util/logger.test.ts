import { describe, expect, it } from 'vitest';
import {
  createJsonLineLogger,
  createLogger,
  describeError,
  type LogRecord,
  MAX_ERROR_DETAIL,
  silentLogger,
} from '@shared/util/logger';

const NOW = Date.parse('2026-03-01T08:00:00.000Z');

function recording(level?: 'debug' | 'info' | 'warn' | 'error') {
  const records: LogRecord[] = [];
  const logger = createLogger((record) => records.push(record), { now: () => NOW, ...(level ? { level } : {}) });
  return { records, logger };
}

describe('logger', () => {
  it('writes level, scope, message and fields, and nests scopes', () => {
    const { records, logger } = recording();
    logger.child('console').child('journal').warn('journal not pruned', { entries: 3 });
    expect(records).toEqual([
      {
        time: '2026-03-01T08:00:00.000Z',
        level: 'warn',
        scope: 'console.journal',
        message: 'journal not pruned',
        fields: { entries: 3 },
      },
    ]);
  });

  it('drops lines below its level', () => {
    const { records, logger } = recording('warn');
    logger.debug('a');
    logger.info('b');
    logger.warn('c');
    logger.error('d');
    expect(records.map((r) => r.level)).toEqual(['warn', 'error']);
  });

  it('funnels unexpected errors with where they happened and their cause chain', () => {
    const { records, logger } = recording();
    const cause = Object.assign(new Error('connect refused'), { code: 'ECONNREFUSED' });
    logger.unexpected('session restore', new TypeError('fetch failed', { cause }));
    expect(records).toHaveLength(1);
    expect(records[0]?.level).toBe('error');
    expect(records[0]?.fields).toEqual({
      where: 'session restore',
      error: 'TypeError',
      detail: 'fetch failed <- ECONNREFUSED: connect refused',
    });
  });

  it('cuts a runaway error message', () => {
    const fields = describeError(new Error('x'.repeat(10_000)));
    expect(String(fields.detail).length).toBe(MAX_ERROR_DETAIL + 1);
    expect(describeError('plain')).toEqual({ error: 'plain' });
  });

  it('never throws when its sink does', () => {
    const logger = createLogger(() => {
      throw new Error('stderr closed');
    });
    expect(() => logger.error('x')).not.toThrow();
  });

  it('writes one JSON object per line', () => {
    const lines: string[] = [];
    const logger = createJsonLineLogger((line) => lines.push(line), { scope: 'backend', now: () => NOW });
    logger.info('ready', { port: 8700 });
    logger.info('second');
    expect(lines.every((line) => line.endsWith('\n') && !line.slice(0, -1).includes('\n'))).toBe(true);
    expect(JSON.parse(lines[0] ?? '')).toEqual({
      time: '2026-03-01T08:00:00.000Z',
      level: 'info',
      scope: 'backend',
      message: 'ready',
      fields: { port: 8700 },
    });
  });

  it('has a silent logger whose children are silent', () => {
    expect(silentLogger.child('x')).toBe(silentLogger);
    expect(() => silentLogger.unexpected('x', new Error('y'))).not.toThrow();
  });
});
