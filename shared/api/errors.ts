// Errors that cross the console API: a stable code for code, a French message for the regulator.

export interface ConsoleErrorPayload {
  code: string;
  message: string;
}

/** Thrown by services for expected failures; its code and message reach the renderer as they are. */
export class ConsoleError extends Error implements ConsoleErrorPayload {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ConsoleError';
  }
}

export type CallOutcome<T> = { ok: true; value: T } | { ok: false; error: ConsoleErrorPayload };

export function isConsoleErrorPayload(value: unknown): value is ConsoleErrorPayload {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}

// Only an Error's message survives Electron's contextBridge, so the code travels inside it: "[code] message".
const ENCODED = /\[([a-z0-9-]{1,60})\] ([\s\S]*)$/u;

export function encodeConsoleError(payload: ConsoleErrorPayload): string {
  return `[${payload.code}] ${payload.message}`;
}

/** Reads back what a transport rejected with; anything else is an unexpected failure. */
export function decodeConsoleError(error: unknown): ConsoleErrorPayload {
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  // Electron prefixes errors from invoke with "Error invoking remote method '<channel>': Error: "; the leftmost
  // "[code] " is ours (the message itself may contain brackets).
  const match = ENCODED.exec(message);
  if (match?.[1] && match[2] !== undefined) return { code: match[1], message: match[2] };
  return { code: 'transport', message: 'La console ne répond pas. Réessayez dans un instant.' };
}
