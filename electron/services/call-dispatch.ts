// One entry for every call from the renderer, whatever the transport: validate the arguments with the contract's
// schemas, run the call, and turn failures into codes and French messages. Unexpected errors are not echoed:
// their text may hold data the renderer must not see.
import type { ConsoleCalls } from '../../shared/api/console-api';
import { consoleCallSchemas, type ConsoleCallName } from '../../shared/api/console-api-schemas';
import { ConsoleError, type CallOutcome } from '../../shared/api/errors';

function isConsoleCallName(name: string): name is ConsoleCallName {
  return Object.hasOwn(consoleCallSchemas, name);
}

export async function dispatchCall(
  calls: ConsoleCalls,
  name: string,
  rawArgs: unknown,
  onUnexpected: (name: string, error: unknown) => void = () => {},
): Promise<CallOutcome<unknown>> {
  if (!isConsoleCallName(name)) {
    return { ok: false, error: { code: 'unknown-call', message: `Appel inconnu : ${name.slice(0, 60)}.` } };
  }
  const parsed = consoleCallSchemas[name].safeParse(rawArgs);
  if (!parsed.success) {
    const where = parsed.error.issues.map((issue) => issue.path.join('.') || '(arguments)');
    return {
      ok: false,
      error: {
        code: 'invalid-arguments',
        message: `Requête refusée : arguments invalides pour ${name} (${[...new Set(where)].join(', ')}).`,
      },
    };
  }
  try {
    const method = calls[name] as (...args: unknown[]) => Promise<unknown>;
    const value = await method.apply(calls, parsed.data as unknown[]);
    return { ok: true, value };
  } catch (error) {
    if (error instanceof ConsoleError) return { ok: false, error: { code: error.code, message: error.message } };
    onUnexpected(name, error);
    return {
      ok: false,
      error: {
        code: 'internal',
        message: 'Erreur interne de la console. Réessayez ; si elle persiste, prévenez le support.',
      },
    };
  }
}
