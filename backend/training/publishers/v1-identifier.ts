// How the training V1 receiver reads a conditional update: the IG identifies an account by its IDNPS.
import { IDNPS_SYSTEM } from '@shared/domain/identifiers';
import type { MappingIssue } from '@shared/fhir/issues';

/** The IDNPS named by a conditional PUT's `identifier` (`<IDNPS system>|<value>`, or the bare value). */
export function readIdentifierCriterion(
  identifier: string | null,
): { ok: true; value: string } | { ok: false; issue: MappingIssue } {
  if (identifier === null || identifier.trim() === '')
    return {
      ok: false,
      issue: {
        code: 'identifier-criterion-missing',
        message: `Mise à jour conditionnelle : paramètre identifier manquant (attendu : ${IDNPS_SYSTEM}|<IDNPS>).`,
      },
    };
  const bar = identifier.indexOf('|');
  const system = bar < 0 ? undefined : identifier.slice(0, bar);
  const value = bar < 0 ? identifier : identifier.slice(bar + 1);
  if (system !== undefined && system !== IDNPS_SYSTEM)
    return {
      ok: false,
      issue: {
        code: 'identifier-criterion-invalid',
        message: `Mise à jour conditionnelle : seul le système ${IDNPS_SYSTEM} (IDNPS) est accepté.`,
      },
    };
  if (value === '' || value.length > 64)
    return {
      ok: false,
      issue: {
        code: 'identifier-criterion-invalid',
        message: 'Mise à jour conditionnelle : valeur d’identifiant vide ou trop longue.',
      },
    };
  return { ok: true, value };
}
