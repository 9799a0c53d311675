// Errors that cross the console API: a stable code for code, a French message for the regulator. They travel as
// objects (a CallOutcome), never inside an Error's text: Electron's contextBridge keeps only an Error's message,
// so the preload returns the outcome and the renderer side turns a failure back into a ConsoleError.
// Login failures have their own codes (SessionFailureCode, electron/services/session/messages.ts): a failed login
// is a session state with a message, not a rejected call.

/** Every code a console call can fail with. */
const CONSOLE_ERROR_CODES = [
  // Transport and dispatch: the call did not reach a service, or failed there unexpectedly.
  'transport',
  'forbidden-sender',
  'unknown-call',
  'invalid-arguments',
  'internal',
  // The SAS backend.
  'backend-unavailable',
  'backend-unreachable',
  'backend-error',
  'backend-invalid-answer',
  'session-expired',
  // Searches.
  'search-refused',
  'unknown-search',
  'offer-page-failed',
  // Bookings.
  'unknown-publisher',
  'booking-url-refused',
  'open-failed',
  // The SAS agenda (booked in the console).
  'agenda-slot-taken',
  'agenda-slot-unknown',
  'agenda-cancel-refused',
  // Settings.
  'invalid-settings',
  'settings-not-saved',
  // The shift's journal (a file on this workstation).
  'journal-unavailable',
] as const;

export type ConsoleErrorCode = (typeof CONSOLE_ERROR_CODES)[number];

export interface ConsoleErrorPayload {
  code: ConsoleErrorCode;
  message: string;
}

/** Thrown by services for expected failures; its code and message reach the renderer as they are. */
export class ConsoleError extends Error implements ConsoleErrorPayload {
  constructor(
    readonly code: ConsoleErrorCode,
    message: string,
    /**
     * Technical detail for logs (what exactly was wrong), never sent to the renderer. It is also the error's
     * `cause`, so loggers that read the cause chain print it. Never patient data.
     */
    readonly detail?: string,
  ) {
    super(message, detail === undefined ? undefined : { cause: new Error(detail) });
    this.name = 'ConsoleError';
  }
}

export type CallOutcome<T> = { ok: true; value: T } | { ok: false; error: ConsoleErrorPayload };

export const TRANSPORT_FAILURE: ConsoleErrorPayload = {
  code: 'transport',
  message: 'La console ne répond pas. Réessayez dans un instant.',
};

const CODES: ReadonlySet<string> = new Set(CONSOLE_ERROR_CODES);

function isPayload(value: unknown): value is ConsoleErrorPayload {
  if (typeof value !== 'object' || value === null) return false;
  const { code, message } = value as { code?: unknown; message?: unknown };
  return typeof code === 'string' && CODES.has(code) && typeof message === 'string';
}

/**
 * The value of a call's outcome as a transport delivered it, or the ConsoleError it failed with. Anything that is
 * not an outcome (a broken transport) is a `transport` failure.
 */
export function settleOutcome(outcome: unknown): unknown {
  if (typeof outcome === 'object' && outcome !== null) {
    const o = outcome as { ok?: unknown; value?: unknown; error?: unknown };
    if (o.ok === true) return o.value;
    if (o.ok === false && isPayload(o.error)) throw new ConsoleError(o.error.code, o.error.message);
  }
  throw new ConsoleError(TRANSPORT_FAILURE.code, TRANSPORT_FAILURE.message);
}

/** What a rejected call means for the regulator: its ConsoleError, or else an unexpected transport failure. */
export function consoleErrorPayload(error: unknown): ConsoleErrorPayload {
  return error instanceof ConsoleError ? { code: error.code, message: error.message } : { ...TRANSPORT_FAILURE };
}
