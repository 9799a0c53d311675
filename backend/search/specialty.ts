// Turns the specialty a search asks for into the codings the directory matches, through the one shared resolver
// (codes as given in URL or OID spelling; free text through the TRE_R38 / TRE_G15 labels and usual names).
import type { Coding } from '../../shared/domain/care-offer';
import type { SpecialtyReference } from '../../shared/domain/launch';
import {
  resolutionCodings,
  resolveSpecialtyReference,
  type SpecialtyResolution,
} from '../../shared/specialties/resolve';

/** The codings sought (several for « gynécologue »), or undefined when the text names no specialty. */
export function resolveSpecialty(reference: SpecialtyReference): Coding[] | undefined {
  const resolution = resolveSpecialtyReference(reference);
  return resolution.resolved ? resolutionCodings(resolution) : undefined;
}

/** The resolution itself, for the message that names the suggestions. */
export function specialtyResolution(reference: SpecialtyReference): SpecialtyResolution {
  return resolveSpecialtyReference(reference);
}
