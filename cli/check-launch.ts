// `check-launch`: lets an LRM integrator test the launch URL their software builds, exactly as the console reads it.
// One argument is a URL; several are a process argv (exe path, Chromium flags, then the URL), as Windows passes it.
import { launchGpIdentifier, launchSpecialty } from '../shared/launch/launch-specialty';
import { CHECK_LAUNCH_USAGE } from '../shared/launch/messages';
import { parseLaunch } from '../shared/launch/parse-launch';
import type { CliOutcome } from './run-cli';

/**
 * Exit 0 and the launch request with its warnings when valid, with how the console understands it: the specialty
 * resolved (`system`, `code`, `label`) or `resolved: false` with suggestions, and the GP's normalised IDNPS.
 * Exit 1 and the errors when not; 2 without argument.
 */
export async function runCheckLaunch(args: readonly string[]): Promise<CliOutcome> {
  const [only, ...more] = args;
  if (only === undefined) return { exitCode: 2, output: CHECK_LAUNCH_USAGE };
  const result = parseLaunch(more.length === 0 ? only : args);
  if (!result.ok) return { exitCode: 1, output: result };
  const gp = launchGpIdentifier(result.request);
  return {
    exitCode: 0,
    output: { ...result, specialty: launchSpecialty(result.request), ...(gp ? { practitioner: gp } : {}) },
  };
}
