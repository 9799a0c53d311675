// Organizations of a slot search answer (a CPTS, a SOS Médecins association) and the CPTS HealthcareService that
// points at its Organization. The Organization is read once into `OrganizationInfo`; whether it makes a CPTS
// (FINESS required) is decided apart, because the same Organization may also be a SOS association.
import type { Cpts, Place } from '../domain/care-offer';
import type { IssueSink } from './issues';
import { readAddress, readFiness, readStructureId, readTelecom } from './map-common';
import { records, text, type JsonRecord } from './read';
import { referenceString } from './references';

// Organization (CPTS, SOS association)

export interface OrganizationInfo {
  /** IDNST (`1`+FINESS, `3`+SIRET...). */
  structureId?: string;
  finess?: string;
  name?: string;
  phone?: string;
  place?: Place;
}

export function mapOrganizationResource(resource: JsonRecord, sink: IssueSink): OrganizationInfo {
  const identifiers = records(resource, 'identifier');
  const info: OrganizationInfo = {};
  const structureId = readStructureId(identifiers);
  if (structureId !== undefined) info.structureId = structureId;
  const finess = readFiness(identifiers);
  if (finess !== undefined) info.finess = finess;
  const name = text(resource, 'name', sink, 'Organization.name', 300);
  if (name !== undefined) info.name = name;
  const phone = readTelecom(resource, 'phone', sink, 'Organization.telecom');
  if (phone !== undefined) info.phone = phone;
  const address = records(resource, 'address')[0];
  if (address !== undefined) {
    const place = readAddress(address);
    if (Object.keys(place).length > 0) info.place = place;
  }
  return info;
}

/** A CPTS from its Organization: FINESS (IDNST `1`+FINESS) and name are required. */
export function cptsFromOrganization(info: OrganizationInfo, sink: IssueSink): Cpts | undefined {
  if (info.finess === undefined) {
    sink.add(
      'cpts-finess-missing',
      'Organisation CPTS sans FINESS (identifiant IDNST « 1 » + FINESS, système urn:oid:1.2.250.1.71.4.2.2) : CPTS ignorée.',
      'Organization.identifier',
    );
    return undefined;
  }
  if (info.name === undefined)
    sink.add('cpts-name-missing', `CPTS ${info.finess} sans nom (Organization.name).`, 'Organization.name');
  const cpts: Cpts = { finess: info.finess, name: info.name ?? `CPTS ${info.finess}`, memberIds: [] };
  if (info.phone !== undefined) cpts.phone = info.phone;
  if (info.place !== undefined) cpts.place = info.place;
  return cpts;
}

/** The CPTS Organization a CPTS HealthcareService points at: the only field of that service the SAS reads. */
export function healthcareServiceProvider(resource: JsonRecord, sink: IssueSink): string | undefined {
  const reference = referenceString(resource, 'providedBy');
  if (reference === undefined)
    sink.add(
      'healthcare-service-provider-missing',
      'HealthcareService CPTS sans structure (HealthcareService.providedBy vers l’Organization de la CPTS).',
      'HealthcareService.providedBy',
    );
  return reference;
}
