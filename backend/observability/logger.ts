// The backend's logger: the shared Logger interface (shared/util/logger.ts) written by pino as one JSON object per
// line on stderr, each line of a request carrying its `requestId`. The rest of the backend only sees the interface.
import { pino, stdTimeFunctions, type DestinationStream, type Logger as PinoLogger } from 'pino';
import { describeError, type LogFields, type Logger } from '@shared/util/logger';
import { currentRequestId } from './request-context';

type Level = 'debug' | 'info' | 'warn' | 'error';

export interface BackendLoggerOptions {
  level?: Level;
  /** Where lines go; default stderr (stdout is left to the start-up banner). */
  destination?: DestinationStream;
}

export function createBackendLogger(options: BackendLoggerOptions = {}): Logger {
  const root = pino(
    {
      level: options.level ?? 'info',
      base: { service: 'sas-backend' },
      timestamp: stdTimeFunctions.isoTime,
      messageKey: 'message',
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => {
        const requestId = currentRequestId();
        return requestId === undefined ? {} : { requestId };
      },
    },
    options.destination ?? pino.destination({ fd: 2, sync: false }),
  );
  return wrap(root, undefined);
}

function wrap(target: PinoLogger, scope: string | undefined): Logger {
  const emit = (level: Level, message: string, fields?: LogFields) => {
    try {
      if (fields === undefined) target[level](message);
      else target[level]({ ...fields }, message);
    } catch {
      // A broken sink must not turn a log call into a crash of the caller.
    }
  };
  return {
    debug: (message, fields) => emit('debug', message, fields),
    info: (message, fields) => emit('info', message, fields),
    warn: (message, fields) => emit('warn', message, fields),
    error: (message, fields) => emit('error', message, fields),
    child: (child) => {
      const next = scope === undefined ? child : `${scope}.${child}`;
      return wrap(target.child({ scope: next }), next);
    },
    unexpected: (where, error) => emit('error', 'erreur inattendue', { where, ...describeError(error) }),
  };
}

/** The older `(level, message)` callback some modules still take, on top of a Logger. */
export function logCallback(logger: Logger): (level: 'info' | 'warn' | 'error', message: string) => void {
  return (level, message) => logger[level](message);
}
