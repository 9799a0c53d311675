// `check-appointment <fichier.json> [--put <identifiant>]`: a publisher's integrator checks an RDV V3 appointment
// (FrAppointmentSAS) exactly as the SAS platform's receiver would take it, offline. Exit 0 accepted, 1 refused, 2 usage.
import { validateAppointment } from './appointment-validation';
import { readJsonFile } from './read-json-file';
import type { CliOutcome } from './run-cli';

const USAGE = 'npm run --silent cli -- check-appointment <fichier.json> [--put <identifiant du rendez-vous>]';

export async function runCheckAppointment(args: readonly string[]): Promise<CliOutcome> {
  const [file, flag, identifier, ...rest] = args;
  if (file === undefined || file.startsWith('--') || rest.length > 0 || (flag !== undefined && flag !== '--put'))
    return { exitCode: 2, output: { error: 'arguments invalides', usage: USAGE } };
  if (flag === '--put' && (identifier === undefined || identifier === ''))
    return { exitCode: 2, output: { error: '--put attend l’identifiant du rendez-vous', usage: USAGE } };
  const read = await readJsonFile(file);
  if (!read.ok && 'usage' in read) return { exitCode: 2, output: { error: read.usage, usage: USAGE } };
  if (!read.ok)
    return { exitCode: 1, output: { file, valid: false, issues: [{ code: read.code, message: read.message }] } };
  const verdict = await validateAppointment(
    read.text,
    flag === '--put' ? { method: 'PUT', identifier: identifier ?? '' } : {},
  );
  return {
    exitCode: verdict.accepted ? 0 : 1,
    output: { file, valid: verdict.accepted, httpStatus: verdict.status, issues: verdict.issues },
  };
}
