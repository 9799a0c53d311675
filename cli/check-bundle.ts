// `check-bundle <fichier.json> [--source <id>] [--strict [--now <instant>]]`: a publisher's integrator checks a slot
// search answer (searchset Bundle, PS individual / CPTS / SOS Médecins). Default: the way the console reads it (the
// mapped result and its issues). `--strict`: every deviation from the IG's profiles, with its code, location and
// the ANS test kit requirement (shared/conformance); warnings do not fail. An Appointment (RDV V3) goes through
// the receiver's validation, as check-appointment does.
// Exit codes: 0 valid, 1 invalid (unreadable JSON, not a Bundle, or any issue / error), 2 usage error.
import { checkBundleConformance } from '../shared/conformance/check-bundle';
import { mapSlotBundle } from '../shared/fhir/map-slot-bundle';
import { validateAppointment } from './appointment-validation';
import { readJsonFile } from './read-json-file';
import type { CliOutcome } from './run-cli';

const DEFAULT_SOURCE = 'verification';
const USAGE =
  'npm run --silent cli -- check-bundle <fichier.json> [--source <identifiant-editeur>] [--strict [--now <instant ISO>]]';

function usage(error: string): CliOutcome {
  return { exitCode: 2, output: { error, usage: USAGE } };
}

interface Arguments {
  file: string;
  sourceId: string;
  strict: boolean;
  now?: Date;
}

function readArguments(args: readonly string[]): Arguments | string {
  let file: string | undefined;
  let sourceId = DEFAULT_SOURCE;
  let strict = false;
  let now: Date | undefined;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    if (arg === '--source') {
      const value = args[i + 1];
      if (value === undefined || !/^[\w.-]{1,64}$/u.test(value))
        return "--source attend un identifiant d'éditeur (lettres, chiffres, . _ -).";
      sourceId = value;
      i += 1;
    } else if (arg === '--strict') {
      strict = true;
    } else if (arg === '--now') {
      const value = args[i + 1] ?? '';
      const date = new Date(value);
      if (!/^\d{4}-\d{2}-\d{2}T/u.test(value) || Number.isNaN(date.getTime()))
        return '--now attend un instant ISO 8601 (ex. 2024-06-12T16:20:00+02:00).';
      now = date;
      i += 1;
    } else if (arg !== undefined && file === undefined && !arg.startsWith('--')) {
      file = arg;
    } else {
      return `argument inattendu : ${arg ?? ''}`;
    }
  }
  if (file === undefined) return 'fichier JSON manquant';
  return { file, sourceId, strict, ...(now ? { now } : {}) };
}

export async function runCheckBundle(args: readonly string[]): Promise<CliOutcome> {
  const parsed = readArguments(args);
  if (typeof parsed === 'string') return usage(parsed);
  const { file, sourceId } = parsed;
  const read = await readJsonFile(file);
  if (!read.ok && 'usage' in read) return usage(read.usage);
  if (!read.ok)
    return { exitCode: 1, output: { file, valid: false, issues: [{ code: read.code, message: read.message }] } };
  const json = read.json;

  if (parsed.strict) {
    if (
      typeof json === 'object' &&
      json !== null &&
      (json as { resourceType?: unknown }).resourceType === 'Appointment'
    ) {
      const verdict = await validateAppointment(read.text);
      return {
        exitCode: verdict.accepted ? 0 : 1,
        output: { file, valid: verdict.accepted, resourceType: 'Appointment', issues: verdict.issues },
      };
    }
    const check = checkBundleConformance(json, parsed.now ? { now: parsed.now } : {});
    return {
      exitCode: check.errors === 0 ? 0 : 1,
      output: {
        file,
        valid: check.errors === 0,
        variant: check.variant,
        errors: check.errors,
        warnings: check.warnings,
        findings: check.findings,
      },
    };
  }

  const { issues, ...result } = mapSlotBundle(json, { sourceId });
  return {
    exitCode: issues.length === 0 ? 0 : 1,
    output: {
      file,
      valid: issues.length === 0,
      summary: {
        slots: result.slots.length,
        practitioners: result.practitioners.length,
        cpts: result.cpts.length,
        sosSites: result.sosSites.length,
        issues: issues.length,
      },
      result,
      issues,
    },
  };
}
