// Integrator checks (dispatcher): LRM and publisher integrators test their side with these commands.
// Exit codes: 0 valid, 1 invalid input, 2 usage error. Output: JSON on stdout.
import { runCheckBundle } from './check-bundle';
import { runCheckLaunch } from './check-launch';

export interface CliOutcome {
  exitCode: 0 | 1 | 2;
  /** Printed to stdout as JSON. */
  output: unknown;
}

const USAGE = {
  usage: [
    'npm run --silent cli -- check-launch "<URL de lancement ou argv>"',
    'npm run --silent cli -- check-bundle <fichier.json>',
  ],
};

export async function runCli(args: readonly string[]): Promise<CliOutcome> {
  const [command, ...rest] = args;
  switch (command) {
    case 'check-launch':
      return runCheckLaunch(rest);
    case 'check-bundle':
      return runCheckBundle(rest);
    default:
      return { exitCode: 2, output: { error: `commande inconnue : ${command ?? '(aucune)'}`, ...USAGE } };
  }
}
