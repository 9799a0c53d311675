// The mapper's documented issue codes, read from its README ("## Issue codes"): the list integrators are given. A
// code the fuzzer meets that is not there is a contract break (undocumented code), reported as such.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const README = fileURLToPath(new URL('../../shared/fhir/README.md', import.meta.url));

export function documentedMappingCodes(text: string = readFileSync(README, 'utf8')): Set<string> {
  const start = text.indexOf('## Issue codes');
  if (start < 0) throw new Error('shared/fhir/README.md has no "## Issue codes" section');
  const next = text.indexOf('\n## ', start + 3);
  const section = text.slice(start, next < 0 ? undefined : next);
  return new Set([...section.matchAll(/`([a-z0-9]+(?:-[a-z0-9]+)*)`/gu)].map((m) => m[1] ?? ''));
}
