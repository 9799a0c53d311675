// A SOS Médecins consultation site (Location, sas-sos-location-aggregator). The site is read first; the domain site
// is built once its managing Organization (the association) has been followed by the caller.
import type { Place, SosSite } from '../domain/care-offer';
import type { IssueSink } from './issues';
import type { OrganizationInfo } from './map-organization';
import { readLocationPlace, readTelecom } from './map-common';
import { child, own, plainText, records, text } from './read';
import { referenceString, resourceIdOf, type ResolvedResource } from './references';

// Location of a SOS Médecins consultation site (sas-sos-location-aggregator)

export interface SosLocationInfo {
  siteId: string;
  name?: string;
  phone?: string;
  place: Place;
  organizationReference?: string;
  organizationDisplay?: string;
}

export function mapSosLocationResource(location: ResolvedResource, sink: IssueSink): SosLocationInfo | undefined {
  const resource = location.resource;
  const identifiers = records(resource, 'identifier');
  const internal =
    identifiers.find((i) => records(child(i, 'type') ?? {}, 'coding').some((c) => own(c, 'code') === 'INTRN')) ??
    identifiers[0];
  const siteId = (internal === undefined ? undefined : plainText(internal, 'value', 64)) ?? resourceIdOf(resource);
  if (siteId === undefined) {
    sink.add(
      'sos-location-id-missing',
      'Lieu de consultation SOS sans identifiant (Location.identifier ou Location.id).',
      'Location.identifier',
    );
    return undefined;
  }
  const info: SosLocationInfo = { siteId, place: readLocationPlace(resource, sink, 'Location') };
  const name = text(resource, 'name', sink, 'Location.name', 300);
  if (name === undefined)
    sink.add(
      'sos-location-name-missing',
      `Lieu de consultation SOS ${siteId} sans nom (Location.name).`,
      'Location.name',
    );
  else info.name = name;
  const phone = readTelecom(resource, 'phone', sink, 'Location.telecom');
  if (phone !== undefined) info.phone = phone;
  const managing = child(resource, 'managingOrganization');
  if (managing !== undefined) {
    const reference = referenceString(resource, 'managingOrganization');
    if (reference !== undefined) info.organizationReference = reference;
    const display = plainText(managing, 'display', 300);
    if (display !== undefined) info.organizationDisplay = display;
  }
  if (info.organizationReference === undefined)
    sink.add(
      'sos-organization-missing',
      `Lieu de consultation SOS ${siteId} sans structure de rattachement (Location.managingOrganization).`,
      'Location.managingOrganization',
    );
  return info;
}

/** Builds the domain SOS site once the managing Organization (the association) is known. */
export function sosSiteFrom(location: SosLocationInfo, organization: OrganizationInfo | undefined): SosSite {
  const place: Place = { ...location.place };
  const site: SosSite = {
    id: location.siteId,
    associationName: organization?.name ?? location.organizationDisplay ?? '',
    name: location.name ?? '',
    place,
  };
  if (organization?.structureId !== undefined) {
    place.organizationId = organization.structureId;
    site.associationId = organization.structureId;
  }
  if (location.phone !== undefined) site.phone = location.phone;
  return site;
}
