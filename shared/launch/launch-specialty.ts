// What a valid launch asks for once read against the nomenclatures: the specialty resolved (or the suggestions to
// pick from) and the GP's national id classified. The parser keeps the LRM's words; this is how they are understood.
import { IDNPS_SYSTEM, parseNationalId, type NationalIdKind } from '../domain/identifiers';
import type { LaunchRequest } from '../domain/launch';
import { GENERAL_MEDICINE } from '../domain/specialties';
import { resolveSpecialtyReference, type SpecialtyResolution } from '../specialties/resolve';

/** The launch's specialty: general medicine when the LRM sent none (the platform's default). */
export function launchSpecialty(request: LaunchRequest): SpecialtyResolution {
  return resolveSpecialtyReference(request.specialty ?? { kind: 'coded', coding: GENERAL_MEDICINE });
}

export interface LaunchGpIdentifier {
  /** The normalised IDNPS: `8`+RPPS, `0`+ADELI, `3`+FINESS+`/`+number. */
  idnps: string;
  kind: NationalIdKind;
  /** As the platform writes it: `urn:oid:1.2.250.1.71.4.2.1|<IDNPS>`. */
  urn: string;
}

/** The GP's national id, when the launch names the GP by one. */
export function launchGpIdentifier(request: LaunchRequest): LaunchGpIdentifier | undefined {
  if (request.gp?.kind !== 'national-id') return undefined;
  const { nationalId } = request.gp;
  return { idnps: nationalId, kind: parseNationalId(nationalId).kind, urn: `${IDNPS_SYSTEM}|${nationalId}` };
}
