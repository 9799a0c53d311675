// A SOS Médecins publisher's answer in the IG's shape (sas-sos-bundle-aggregator): consultation sites (Location, own
// INTRN identifier, managingOrganization → the association's Organization with its IDNST `3`+SIRET), their
// Schedules and free Slots. Used by the tests that check what the SAS keeps of such an answer.
import { IDNPS_SYSTEM, IDNST_SYSTEM } from '@shared/domain/identifiers';

export interface SosFixtureSite {
  /** The site's own identifier (Location.identifier INTRN). */
  siteId: string;
  /** IDNST of the managing association (`3`+SIRET). */
  associationId: string;
  name: string;
  /** Slot starts (FHIR instants), 20 minutes each. */
  starts: string[];
}

const LOCATION_ID_TYPE = 'http://interopsante.org/fhir/CodeSystem/fr-location-identifier-type';

function plusMinutes(instant: string, minutes: number): string {
  const offset = instant.slice(-6);
  const ms = Date.parse(instant) + minutes * 60_000;
  const sign = offset.startsWith('-') ? -1 : 1;
  const [h, m] = offset.slice(1).split(':').map(Number);
  const local = new Date(ms + sign * ((h ?? 0) * 60 + (m ?? 0)) * 60_000).toISOString().slice(0, 19);
  return `${local}${offset}`;
}

export function sosBundle(
  base: string,
  sites: readonly SosFixtureSite[],
  options: { practitionerSlot?: { nationalId: string; start: string } } = {},
): Record<string, unknown> {
  const entries: Record<string, unknown>[] = [];
  const orgs = new Map<string, string>();
  const push = (resource: Record<string, unknown>, mode: 'match' | 'include') =>
    entries.push({
      fullUrl: `${base}/${String(resource.resourceType)}/${String(resource.id)}`,
      resource,
      search: { mode },
    });
  sites.forEach((site, i) => {
    let orgId = orgs.get(site.associationId);
    if (orgId === undefined) {
      orgId = `org-${orgs.size + 1}`;
      orgs.set(site.associationId, orgId);
      push(
        {
          resourceType: 'Organization',
          id: orgId,
          identifier: [
            {
              type: { coding: [{ system: LOCATION_ID_TYPE, code: 'IDNST' }] },
              system: IDNST_SYSTEM,
              value: site.associationId,
            },
          ],
          name: `SOS Médecins ${site.associationId}`,
        },
        'include',
      );
    }
    push(
      {
        resourceType: 'Location',
        id: `loc-${i + 1}`,
        identifier: [
          {
            type: { coding: [{ system: LOCATION_ID_TYPE, code: 'INTRN' }] },
            system: `${base}/site`,
            value: site.siteId,
          },
        ],
        name: site.name,
        managingOrganization: { reference: `Organization/${orgId}` },
      },
      'include',
    );
    push({ resourceType: 'Schedule', id: `sch-${i + 1}`, actor: [{ reference: `Location/loc-${i + 1}` }] }, 'match');
    site.starts.forEach((start, j) =>
      push(
        {
          resourceType: 'Slot',
          id: `slot-${i + 1}-${j + 1}`,
          meta: {
            security: [
              { system: 'https://mos.esante.gouv.fr/NOS/TRE_R314-TypeCreneau/FHIR/TRE-R314-TypeCreneau', code: 'SNP' },
            ],
          },
          schedule: { reference: `Schedule/sch-${i + 1}` },
          status: 'free',
          start,
          end: plusMinutes(start, 20),
          comment: `${base.replace(/\/fhir$/u, '')}/rdv/${i + 1}-${j + 1}`,
        },
        'include',
      ),
    );
  });
  const ps = options.practitionerSlot;
  if (ps !== undefined) {
    push(
      {
        resourceType: 'Schedule',
        id: 'sch-ps',
        actor: [{ identifier: { system: IDNPS_SYSTEM, value: ps.nationalId } }, { reference: 'Location/loc-1' }],
      },
      'match',
    );
    push(
      {
        resourceType: 'Slot',
        id: 'slot-ps',
        meta: {
          security: [
            { system: 'https://mos.esante.gouv.fr/NOS/TRE_R314-TypeCreneau/FHIR/TRE-R314-TypeCreneau', code: 'SNP' },
          ],
        },
        schedule: { reference: 'Schedule/sch-ps' },
        status: 'free',
        start: ps.start,
        end: plusMinutes(ps.start, 20),
      },
      'include',
    );
  }
  return { resourceType: 'Bundle', type: 'searchset', total: entries.length, entry: entries };
}
