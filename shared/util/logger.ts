// One logger for the console, the backend and the harness: a scope (`session`, `journal`...), a level, and one
// funnel, `unexpected(where, error)`, for the errors nobody planned for, so none is swallowed in silence.
// Platform-free: the Node side hands `createJsonLineLogger` a writer to stderr, the renderer uses the console.
//
// Fields take only primitives: a log line can never carry a whole record (an address, a patient's context) by
// accident, and callers pass identifiers and counts, never free text typed by a user.
import { errorChain } from './error-chain';

type LogLevel = 'debug' | 'info' | 'warn' | 'error';

type LogFieldValue = string | number | boolean | null | undefined;
export type LogFields = Readonly<Record<string, LogFieldValue>>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** The same logger with `scope` appended (`backend` → `backend.search`). */
  child(scope: string): Logger;
  /** Records an error nobody planned for, at level error, with where it happened and its cause chain. */
  unexpected(where: string, error: unknown): void;
}

/** One log line before it is written. */
export interface LogRecord {
  /** ISO 8601 instant. */
  time: string;
  level: LogLevel;
  scope?: string;
  message: string;
  fields?: LogFields;
}

const LEVEL_RANK: Readonly<Record<LogLevel, number>> = { debug: 10, info: 20, warn: 30, error: 40 };

/** Longest error message kept in a log line: a runaway message (a dumped body) is cut, not written whole. */
export const MAX_ERROR_DETAIL = 500;

export interface LoggerOptions {
  /** Lines below this level are dropped. Default: `info`. */
  level?: LogLevel;
  scope?: string;
  now?: () => number;
}

/** A logger that hands every record at or above the level to `sink`. */
export function createLogger(sink: (record: LogRecord) => void, options: LoggerOptions = {}): Logger {
  const minimum = LEVEL_RANK[options.level ?? 'info'];
  const now = options.now ?? Date.now;
  const make = (scope: string | undefined): Logger => {
    const emit = (level: LogLevel, message: string, fields?: LogFields) => {
      if (LEVEL_RANK[level] < minimum) return;
      const record: LogRecord = { time: new Date(now()).toISOString(), level, message };
      if (scope !== undefined) record.scope = scope;
      if (fields !== undefined && Object.keys(fields).length > 0) record.fields = fields;
      try {
        sink(record);
      } catch {
        // A broken log sink (closed stderr) must not turn a log call into a crash of the caller.
      }
    };
    return {
      debug: (message, fields) => emit('debug', message, fields),
      info: (message, fields) => emit('info', message, fields),
      warn: (message, fields) => emit('warn', message, fields),
      error: (message, fields) => emit('error', message, fields),
      child: (child) => make(scope === undefined || scope === '' ? child : `${scope}.${child}`),
      unexpected: (where, error) => emit('error', 'erreur inattendue', { where, ...describeError(error) }),
    };
  };
  return make(options.scope);
}

/** The name, code and cause chain of an error, as log fields. */
export function describeError(error: unknown): LogFields {
  const chain = errorChain(error);
  const first = chain[0];
  if (first === undefined) return { error: truncate(String(error)) };
  const code = (first as { code?: unknown }).code;
  const detail = chain
    .map((current) => {
      const currentCode = (current as { code?: unknown }).code;
      return typeof currentCode === 'string' ? `${currentCode}: ${current.message}` : current.message;
    })
    .join(' <- ');
  return { error: first.name, ...(typeof code === 'string' ? { code } : {}), detail: truncate(detail) };
}

function truncate(text: string): string {
  return text.length > MAX_ERROR_DETAIL ? `${text.slice(0, MAX_ERROR_DETAIL)}…` : text;
}

/** One JSON object per line: what the Node processes write to stderr. */
function formatLogLine(record: LogRecord): string {
  return `${JSON.stringify(record)}\n`;
}

/** A logger writing JSON lines through `write` (Node: `(line) => process.stderr.write(line)`). */
export function createJsonLineLogger(write: (line: string) => void, options: LoggerOptions = {}): Logger {
  return createLogger((record) => write(formatLogLine(record)), options);
}

interface ConsoleLike {
  debug(...data: unknown[]): void;
  info(...data: unknown[]): void;
  warn(...data: unknown[]): void;
  error(...data: unknown[]): void;
}

/** A logger on the runtime's `console` (renderer, devtools): the level picks the console method. */
function createConsoleLogger(options: LoggerOptions = {}): Logger {
  const target = (globalThis as { console?: ConsoleLike }).console;
  if (target === undefined) return silentLogger;
  return createLogger((record) => {
    const prefix = record.scope === undefined ? record.message : `[${record.scope}] ${record.message}`;
    if (record.fields === undefined) target[record.level](prefix);
    else target[record.level](prefix, record.fields);
  }, options);
}

/** Drops everything: the default where a caller passes no logger (tests, library use). */
export const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  child: () => silentLogger,
  unexpected: () => undefined,
};

interface StderrLike {
  write(line: string): unknown;
}

/**
 * The Node processes' logger (backend, console main process, harness): JSON lines on stderr. Reached through
 * `globalThis` because `shared/` has no Node types; where there is no stderr (a browser), it falls back to the console.
 */
export function createStderrLogger(options: LoggerOptions = {}): Logger {
  const stderr = (globalThis as { process?: { stderr?: StderrLike } }).process?.stderr;
  if (stderr === undefined) return createConsoleLogger(options);
  return createJsonLineLogger((line) => stderr.write(line), options);
}
