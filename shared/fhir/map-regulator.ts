// RDV V1: the regulator account the platform pushes to each publisher (FrPractitionerRegul) ⇄ its fields.
// The simulated publishers read it with this mapper; the backend writes it with buildRegulatorPractitioner.
import { IDNPS_SYSTEM, SAS_PLATFORM_OID, type NationalId } from '../domain/identifiers';
import type { RegulatorAccount } from '../domain/regulator';
import { IssueSink, type MappingIssue } from './issues';
import { NATIONAL_ID_PATTERN, identifierTypeCodes, isIdnpsIdentifier, readName, readTelecom } from './map-common';
import { child, describe, excerpt, isRecord, own, plainText, records, type JsonRecord } from './read';

/**
 * A regulator account as an RDV V1 FrPractitionerRegul carries it (see `RegulatorAccount` in shared/domain for the
 * account itself): the national id may be missing (regulators without RPPS have only the SAS technical id), the
 * given name is always written, and the resource adds its own identifiers.
 */
export interface RegulatorPractitioner extends Omit<RegulatorAccount, 'nationalId' | 'givenName'> {
  /** IDNPS (slice IdentifiantNatPS). Regulators without RPPS may only have `internalId`. */
  nationalId?: NationalId;
  /** SAS technical id (slice IdentifiantInterne, system urn:oid:1.2.250.1.213.3.6). */
  internalId?: string;
  givenName: string;
  /** meta.source: the SAS platform OID. */
  source?: string;
}

export type RegulatorMapping = { ok: true; regulator: RegulatorPractitioner } | { ok: false; issues: MappingIssue[] };

const INTERNAL_ID_PATTERN = /^[\w./:-]{1,100}$/u;

export function mapRegulatorPractitioner(input: unknown): RegulatorMapping {
  const sink = new IssueSink();
  try {
    const account = readRegulator(input, sink);
    return account !== undefined && sink.issues.length === 0
      ? { ok: true, regulator: account }
      : { ok: false, issues: sink.issues };
  } catch {
    sink.add('internal-error', 'Erreur interne pendant la lecture du compte régulateur.');
    return { ok: false, issues: sink.issues };
  }
}

function readRegulator(input: unknown, sink: IssueSink): RegulatorPractitioner | undefined {
  if (!isRecord(input)) {
    sink.add('regulator-not-an-object', `Un objet JSON Practitioner est attendu (reçu : ${describe(input)}).`);
    return undefined;
  }
  const resourceType = own(input, 'resourceType');
  if (resourceType !== 'Practitioner') {
    sink.add(
      'regulator-wrong-resource-type',
      `Une ressource Practitioner est attendue (resourceType = ${typeof resourceType === 'string' ? excerpt(resourceType, 40) : 'absent'}).`,
      'Practitioner.resourceType',
    );
    return undefined;
  }
  const ids = readIdentifiers(input, sink);
  const active = own(input, 'active');
  if (typeof active !== 'boolean')
    sink.add(
      active === undefined ? 'regulator-active-missing' : 'regulator-active-invalid',
      'Practitioner.active (booléen) est obligatoire : true = peut réserver pour un tiers, false = accès retiré.',
      'Practitioner.active',
    );
  const name = readName(records(input, 'name'));
  if (name.familyName === undefined || name.givenName === undefined)
    sink.add(
      'regulator-name-missing',
      'Nom et prénom du régulateur obligatoires (Practitioner.name.family et given).',
      'Practitioner.name',
    );
  const email = readTelecom(input, 'email', sink, 'Practitioner.telecom');
  const meta = child(input, 'meta');
  const source = meta === undefined ? undefined : plainText(meta, 'source', 200);
  if (source !== undefined && source !== SAS_PLATFORM_OID)
    sink.add(
      'regulator-source-invalid',
      `meta.source doit valoir ${SAS_PLATFORM_OID} (plateforme SAS) ; reçu « ${excerpt(source, 60)} ».`,
      'Practitioner.meta.source',
    );
  if (ids === undefined || typeof active !== 'boolean' || name.familyName === undefined || name.givenName === undefined)
    return undefined;
  const account: RegulatorPractitioner = { active, familyName: name.familyName, givenName: name.givenName };
  if (ids.nationalId !== undefined) account.nationalId = ids.nationalId;
  if (ids.internalId !== undefined) account.internalId = ids.internalId;
  if (email !== undefined) account.email = email;
  if (source !== undefined) account.source = source;
  return account;
}

function readIdentifiers(
  practitioner: JsonRecord,
  sink: IssueSink,
): { nationalId?: string; internalId?: string } | undefined {
  const out: { nationalId?: string; internalId?: string } = {};
  records(practitioner, 'identifier').forEach((identifier, index) => {
    const value = own(identifier, 'value');
    const path = `Practitioner.identifier[${index}]`;
    if (isIdnpsIdentifier(identifier)) {
      if (typeof value === 'string' && NATIONAL_ID_PATTERN.test(value)) out.nationalId ??= value;
      else sink.add('regulator-identifier-invalid', `IDNPS du régulateur invalide (${path}.value).`, `${path}.value`);
    } else if (own(identifier, 'system') === SAS_PLATFORM_OID || identifierTypeCodes(identifier).includes('INTRN')) {
      if (typeof value === 'string' && INTERNAL_ID_PATTERN.test(value)) out.internalId ??= value;
      else
        sink.add(
          'regulator-identifier-invalid',
          `Identifiant interne SAS du régulateur invalide (${path}.value).`,
          `${path}.value`,
        );
    }
  });
  if (out.nationalId === undefined && out.internalId === undefined) {
    if (!sink.issues.some((i) => i.code === 'regulator-identifier-invalid'))
      sink.add(
        'regulator-identifier-missing',
        `Identifiant du régulateur absent : IDNPS (système ${IDNPS_SYSTEM}) ou identifiant interne SAS.`,
        'Practitioner.identifier',
      );
    return undefined;
  }
  return out;
}
