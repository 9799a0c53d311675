// `check-bundle <fichier.json> [--source <id>]`: a publisher's integrator checks a slot search answer (searchset
// Bundle, PS individual / CPTS / SOS Médecins) the way the console reads it. Prints the mapped result and its issues.
// Exit codes: 0 maps without issue, 1 invalid (unreadable JSON, not a Bundle, or any issue), 2 usage error.
import { readFile, stat } from 'node:fs/promises';
import type { MappingIssue } from '../shared/fhir/issues';
import { mapSlotBundle } from '../shared/fhir/map-slot-bundle';
import type { CliOutcome } from './run-cli';

/** Larger than any real answer (1,000 slots and their includes are a few MB); protects the integrator's machine. */
const MAX_FILE_BYTES = 64 * 1024 * 1024;
const DEFAULT_SOURCE = 'verification';
const USAGE = 'npm run --silent cli -- check-bundle <fichier.json> [--source <identifiant-editeur>]';

function usage(error: string): CliOutcome {
  return { exitCode: 2, output: { error, usage: USAGE } };
}

function invalid(file: string, issue: MappingIssue): CliOutcome {
  return { exitCode: 1, output: { file, valid: false, issues: [issue] } };
}

export async function runCheckBundle(args: readonly string[]): Promise<CliOutcome> {
  let file: string | undefined;
  let sourceId = DEFAULT_SOURCE;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    if (arg === '--source') {
      const value = args[i + 1];
      if (value === undefined || !/^[\w.-]{1,64}$/u.test(value))
        return usage("--source attend un identifiant d'éditeur (lettres, chiffres, . _ -).");
      sourceId = value;
      i += 1;
    } else if (arg !== undefined && file === undefined && !arg.startsWith('--')) {
      file = arg;
    } else {
      return usage(`argument inattendu : ${arg ?? ''}`);
    }
  }
  if (file === undefined) return usage('fichier JSON manquant');

  let size: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) return usage(`ce n'est pas un fichier : ${file}`);
    size = info.size;
  } catch {
    return usage(`fichier introuvable : ${file}`);
  }
  if (size > MAX_FILE_BYTES)
    return invalid(file, {
      code: 'file-too-large',
      message: `Fichier de ${size} octets : au-delà de ${MAX_FILE_BYTES} octets, il n'est pas lu.`,
    });

  let json: unknown;
  try {
    const text = await readFile(file, 'utf8');
    json = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch (error) {
    return invalid(file, {
      code: 'json-invalid',
      message: `JSON illisible (détail technique : ${error instanceof Error ? error.message : 'erreur de lecture'}).`,
    });
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
