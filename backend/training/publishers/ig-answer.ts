// What the training publishers add to the shared searchset builder so that their answers pass the IG's profiles and
// the ANS test kit: every PractitionerRole names its structure by IDNST (the data set has none: a fictitious one is
// derived — the CPTS or MSP's FINESS, else a SIRET-shaped cabinet number), and a SOS Médecins association's
// Organization carries its IDNST and the site's phone.
import type * as fhir from 'fhir/r4';
import type { Practitioner, SosSite } from '@shared/domain/care-offer';
import { FINESS_PATTERN, idnstFromFiness } from '@shared/domain/identifiers';
import type { SearchsetInput } from '@shared/fhir/build-bundle';
import { hashText32 } from '@shared/util/random';

/** IDNST of a SOS association: its site id when it already is one (`1`+FINESS), else a fictitious FINESS. */
function sosIdnst(site: SosSite): string {
  if (site.place.organizationId !== undefined) return site.place.organizationId;
  if (/^1\d{9}$/u.test(site.id)) return site.id;
  return idnstFromFiness(`33${String(hashText32(site.id) % 10_000_000).padStart(7, '0')}`);
}

/** IDNST of the structure a practitioner works in, fictitious but stable. */
function practitionerIdnst(practitioner: Practitioner): string {
  const structure = practitioner.participation?.structureId;
  if (structure !== undefined && FINESS_PATTERN.test(structure)) return idnstFromFiness(structure);
  const digits = String(hashText32(practitioner.nationalId)).padStart(10, '0').slice(0, 10);
  return `3${digits}0001`;
}

export function withStructureIds(input: SearchsetInput): SearchsetInput {
  const byId = new Map(input.practitioners.map((p) => [p.nationalId, p]));
  return {
    ...input,
    // A slot names its place; the role of that place is found by comparing places, so both carry the same IDNST.
    slots: input.slots.map((slot) => {
      const practitioner = slot.practitionerId === undefined ? undefined : byId.get(slot.practitionerId);
      return practitioner && slot.place
        ? {
            ...slot,
            place: { ...slot.place, organizationId: slot.place.organizationId ?? practitionerIdnst(practitioner) },
          }
        : slot;
    }),
    practitioners: input.practitioners.map((practitioner) => ({
      ...practitioner,
      places: practitioner.places.map((place) => ({
        ...place,
        organizationId: place.organizationId ?? practitionerIdnst(practitioner),
      })),
    })),
    sosSites: (input.sosSites ?? []).map((site) => ({
      ...site,
      place: { ...site.place, organizationId: sosIdnst(site) },
    })),
  };
}

/** SOS Organizations (their IDNST comes from `withStructureIds`): the site's phone, which the profile asks for. */
export function completeIgAnswer(
  bundle: fhir.Bundle<fhir.FhirResource>,
  input: SearchsetInput,
): fhir.Bundle<fhir.FhirResource> {
  const sites = input.sosSites ?? [];
  if (sites.length === 0) return bundle;
  const phoneByOrganization = new Map<string, string>();
  for (const entry of bundle.entry ?? []) {
    const resource = entry.resource;
    if (resource?.resourceType !== 'Location') continue;
    const site = sites.find((s) => resource.identifier?.some((identifier) => identifier.value === s.id));
    const org = resource.managingOrganization?.reference;
    if (site?.phone !== undefined && org !== undefined) phoneByOrganization.set(org, site.phone);
  }
  for (const entry of bundle.entry ?? []) {
    const resource = entry.resource;
    if (resource?.resourceType !== 'Organization' || resource.id === undefined) continue;
    const phone = phoneByOrganization.get(`Organization/${resource.id}`);
    if (phone !== undefined) resource.telecom = [{ system: 'phone', value: phone }];
  }
  return bundle;
}
