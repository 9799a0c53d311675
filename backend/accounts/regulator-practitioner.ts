// The FrPractitionerRegul a publisher receives for a regulator account, and the key it is known by. A regulator
// whose id is not a national id (IDNPS) is sent with the SAS platform's technical id (INTRN); an absent given name or
// e-mail is left out, never sent empty (`given: [""]` fails the publishers' validation).
import type * as fhir from 'fhir/r4';
import { IDNPS_SYSTEM, parseNationalId, SAS_PLATFORM_OID } from '../../shared/domain/identifiers';
import type { RegulatorAccount } from '../../shared/domain/regulator';
import { buildRegulatorPractitioner } from '../../shared/fhir/build-v1-v3';

export interface RegulatorResource {
  practitioner: fhir.Practitioner;
  /** `system|value` of the identifier the publisher matches on (conditional PUT). */
  identifier: string;
}

export function regulatorResource(account: RegulatorAccount): RegulatorResource {
  const national = parseNationalId(account.nationalId).kind !== 'other';
  const practitioner = buildRegulatorPractitioner({
    ...(national ? { nationalId: account.nationalId } : { internalId: account.nationalId }),
    active: account.active,
    familyName: account.familyName,
    givenName: account.givenName ?? '',
    ...(account.email ? { email: account.email } : {}),
  });
  if (!account.givenName) practitioner.name = practitioner.name?.map(({ given: _given, ...name }) => name);
  return {
    practitioner,
    identifier: `${national ? IDNPS_SYSTEM : SAS_PLATFORM_OID}|${account.nationalId}`,
  };
}
