// Integrator checks (dispatcher): LRM and publisher integrators test their side with these commands.
// Exit codes: 0 valid, 1 invalid input, 2 usage error. Output: JSON on stdout.
import { runCheckAppointment } from './check-appointment';
import { runCheckBundle } from './check-bundle';
import { runCheckLaunch } from './check-launch';
import { runCheckPublisher } from './check-publisher';
import { runLrmMessage } from './lrm-message';

export interface CliOutcome {
  exitCode: 0 | 1 | 2;
  /** Printed to stdout as JSON. */
  output: unknown;
}

const USAGE = {
  usage: [
    'npm run --silent cli -- check-launch "<URL de lancement ou argv>"',
    'npm run --silent cli -- check-bundle <fichier.json> [--strict]',
    'npm run --silent cli -- check-appointment <fichier.json> [--put <identifiant>]',
    'npm run --silent cli -- lrm-message <fichier.json> --samu fr.health.samuXXX --origin <origine LRM> [--id <identifiant>]',
    'npm run --silent cli -- check-publisher <URL de base FHIR> --ps <IDNPS,...> [--cpts <IDNPS,...>] [--sos <IDNST,...>] [--cert <pem> --key <pem> [--ca <pem>]]',
  ],
};

export async function runCli(args: readonly string[]): Promise<CliOutcome> {
  const [command, ...rest] = args;
  switch (command) {
    case 'check-launch':
      return runCheckLaunch(rest);
    case 'check-bundle':
      return runCheckBundle(rest);
    case 'check-appointment':
      return runCheckAppointment(rest);
    case 'check-publisher':
      return runCheckPublisher(rest);
    case 'lrm-message':
      return runLrmMessage(rest);
    default:
      return { exitCode: 2, output: { error: `commande inconnue : ${command ?? '(aucune)'}`, ...USAGE } };
  }
}
