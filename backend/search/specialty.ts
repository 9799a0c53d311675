// Turns the specialty a search asks for into a coding the directory can match: codes as given (URL or OID
// spelling), free text through the TRE_R38 / TRE_G15 labels.
import type { Coding } from '../../shared/domain/care-offer';
import type { SpecialtyReference } from '../../shared/domain/launch';
import { specialtyCoding, TRE_G15_LABELS, TRE_R38_LABELS } from '../../shared/domain/specialties';
import { normalizeName } from '../geo/names';

export function resolveSpecialty(reference: SpecialtyReference): Coding | undefined {
  if (reference.kind === 'coded') return reference.coding;
  const wanted = normalizeName(reference.text);
  if (!wanted) return undefined;
  const tables = [
    ['TRE_R38', TRE_R38_LABELS],
    ['TRE_G15', TRE_G15_LABELS],
  ] as const;
  // Exact label first, then a label that starts with the text ("cardio" → Cardiologie…), then one containing it.
  for (const test of [(l: string) => l === wanted, (l: string) => l.startsWith(wanted), (l: string) => l.includes(wanted)]) {
    for (const [system, labels] of tables) {
      for (const [code, label] of Object.entries(labels)) {
        if (test(normalizeName(label))) return specialtyCoding(system, code);
      }
    }
  }
  return undefined;
}
