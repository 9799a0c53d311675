// `lrm-message <fichier.json> --samu fr.health.samuXXX --origin <origine>`: the INT_L02 envelope the platform would
// send to that SAMU's LRM for a publisher's appointment (FrAppointmentSAS, RDV V3), as a first message. For LRM
// integrators (what their consumer will receive) and for the tests that compare it with the guide. Offline: no
// directory, so the practitioner is sent as the appointment names it. Exit 0 envelope printed, 1 refused, 2 usage.
import { randomUUID } from 'node:crypto';
import { mapAppointment } from '@shared/fhir/map-appointment';
import { buildLrmMessage, type LrmAppointmentInput } from '@backend/lrm/message';
import { readJsonFile } from './read-json-file';
import type { CliOutcome } from './run-cli';

const USAGE =
  'npm run --silent cli -- lrm-message <fichier.json> --samu fr.health.samuXXX --origin <origine LRM> [--id <identifiant SAS du rendez-vous>] [--sender <identifiant Hub de la plateforme>]';
const SAMU = /^fr\.health\.samu\d{3}$/u;
/** As the launch carries it (the backend's route schema). */
const ORIGIN = /^[\w.:-]{1,100}$/u;
const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/u;
const FLAGS = ['--samu', '--origin', '--id', '--sender'] as const;
type Flag = (typeof FLAGS)[number];

function readArgs(args: readonly string[]): { file: string; flags: Partial<Record<Flag, string>> } | string {
  const [file, ...rest] = args;
  if (file === undefined || file.startsWith('--')) return 'fichier du rendez-vous attendu';
  const flags: Partial<Record<Flag, string>> = {};
  for (let i = 0; i < rest.length; i += 2) {
    const flag = FLAGS.find((known) => known === rest[i]);
    const value = rest[i + 1];
    if (flag === undefined) return `option inconnue : ${rest[i] ?? ''}`;
    if (value === undefined || value.startsWith('--')) return `${flag} attend une valeur`;
    flags[flag] = value;
  }
  if (!flags['--samu'] || !SAMU.test(flags['--samu']))
    return '--samu attend l’adresse Hub du SAMU (ex. fr.health.samu330)';
  if (!flags['--origin'] || !ORIGIN.test(flags['--origin']))
    return '--origin attend l’origine LRM du lancement (lettres, chiffres, . _ : -)';
  if (flags['--id'] !== undefined && !FHIR_ID.test(flags['--id']))
    return '--id attend un identifiant FHIR (lettres, chiffres, - et ., 64 au plus)';
  return { file, flags };
}

export async function runLrmMessage(args: readonly string[], now: () => number = Date.now): Promise<CliOutcome> {
  const parsedArgs = readArgs(args);
  if (typeof parsedArgs === 'string') return { exitCode: 2, output: { error: parsedArgs, usage: USAGE } };
  const { file, flags } = parsedArgs;
  const read = await readJsonFile(file);
  if (!read.ok && 'usage' in read) return { exitCode: 2, output: { error: read.usage, usage: USAGE } };
  if (!read.ok)
    return { exitCode: 1, output: { file, valid: false, issues: [{ code: read.code, message: read.message }] } };
  const mapped = mapAppointment(read.json);
  if (!mapped.ok) return { exitCode: 1, output: { file, valid: false, issues: mapped.issues } };
  const report = mapped.appointment;
  const input: LrmAppointmentInput = {
    appointmentId: flags['--id'] ?? randomUUID(),
    status: report.status,
    start: report.start,
    end: report.end,
    created: report.created ?? new Date(now()).toISOString(),
    ...(report.practitionerStatus ? { participantStatus: report.practitionerStatus } : {}),
    ...(report.practitionerId
      ? {
          practitioner: {
            idnps: report.practitionerId,
            ...(report.practitionerName ? { text: report.practitionerName } : {}),
          },
        }
      : {}),
    category: report.profile === 'sos' ? 'sos' : 'ps',
  };
  try {
    const message = buildLrmMessage(input, {
      senderId: flags['--sender'] ?? 'fr.health.ptfsas',
      recipient: flags['--samu'] ?? '',
      now: now(),
    });
    return { exitCode: 0, output: message.envelope };
  } catch (error) {
    return {
      exitCode: 1,
      output: { file, valid: false, issues: [{ code: 'lrm-message-invalid', message: (error as Error).message }] },
    };
  }
}
