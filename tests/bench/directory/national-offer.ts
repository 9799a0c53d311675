// A synthetic national care offer in the directory's format, for the directory benchmarks: N doctors spread over
// the communes in proportion to their population (Paris dense, Lozère sparse, as the real offer), general
// medicine for 45 % of them and 30 other specialties for the rest, with CPTS, MSP, centres de santé and SOS sites.
// Seeded: the same size gives the same offer.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Cpts, HealthStructure, Practitioner, SosSite } from '@shared/domain/care-offer';
import { specialtyCoding } from '@shared/domain/specialties';
import { createRandom } from '@shared/util/random';
import { parseCommunesTsv, type Commune } from '@backend/geo/communes';
import type { CareOfferData } from '@backend/directory/schema';
import type { Publisher } from '@backend/directory/publishers';

const COMMUNES_FILE = fileURLToPath(new URL('../../../resources/geo/communes-centroids.tsv', import.meta.url));
const OTHER_SPECIALTIES = Array.from({ length: 30 }, (_, i) => `SM${String(i + 1).padStart(2, '0')}`).filter(
  (code) => code !== 'SM26',
);
const PUBLISHERS = 20;

/** A point within ~`km` of the commune's centroid. */
function near(commune: Commune, km: number, next: () => number) {
  const dLat = ((next() - 0.5) * 2 * km) / 111;
  const dLon = ((next() - 0.5) * 2 * km) / (111 * Math.cos((commune.point.lat * Math.PI) / 180));
  return { lat: commune.point.lat + dLat, lon: commune.point.lon + dLon };
}

export async function generateNationalOffer(doctors: number, seed = 230_000): Promise<CareOfferData> {
  const random = createRandom(seed);
  const communes = parseCommunesTsv(await readFile(COMMUNES_FILE, 'utf8')).communes.filter((c) => c.population > 0);
  const totalPopulation = communes.reduce((sum, c) => sum + c.population, 0);
  const publishers: Publisher[] = Array.from({ length: PUBLISHERS }, (_, i) => ({
    id: `editeur-${i + 1}`,
    name: `Éditeur ${i + 1}`,
    kind: 'ps',
    fhirBaseUrl: `https://editeur-${i + 1}.example/fhir`,
    bookingOrigins: [`https://editeur-${i + 1}.example`],
    acceptsV1Accounts: false,
  }));
  const practitioners: Practitioner[] = [];
  let serial = 0;
  for (const commune of communes) {
    const expected = (doctors * commune.population) / totalPopulation;
    const count = Math.floor(expected) + (random.next() < expected % 1 ? 1 : 0);
    const spread = Math.max(0.5, Math.sqrt(commune.population) / 200);
    for (let i = 0; i < count; i += 1) {
      serial += 1;
      const generalist = random.chance(0.45);
      practitioners.push({
        nationalId: `8${String(10_000_000_000 + serial)}`,
        familyName: `NOM${serial}`,
        givenName: 'Prénom',
        prefix: 'Dr',
        specialties: [specialtyCoding('TRE_R38', generalist ? 'SM54' : random.pick(OTHER_SPECIALTIES))],
        places: [
          {
            line: `${1 + (serial % 90)} rue de la République`,
            ...(commune.postcodes[0] ? { postalCode: commune.postcodes[0] } : {}),
            city: commune.name,
            inseeCode: commune.insee,
            point: near(commune, spread, random.next),
            precision: 'street',
          },
        ],
        phone: '+33 1 45 62 62 62',
        ...(random.chance(0.6)
          ? {
              participation: { mode: 'individual' as const, acceptsBeyondSlots: random.chance(0.3) },
              agendaSource: `editeur-${random.int(1, PUBLISHERS)}`,
            }
          : {}),
      });
    }
  }
  const structureAt = (i: number, prefix: string) => {
    const commune = random.weighted(communes.slice(0, 3000).map((c) => ({ value: c, weight: c.population })));
    return {
      finess: `${prefix}${String(i).padStart(7, '0')}`.slice(0, 9),
      place: { city: commune.name, inseeCode: commune.insee, point: near(commune, 2, random.next) },
    };
  };
  communes.sort((a, b) => b.population - a.population);
  const cpts: Cpts[] = Array.from({ length: 800 }, (_, i) => ({
    ...structureAt(i, '99'),
    name: `CPTS ${i + 1}`,
    phone: '+33 5 53 00 00 00',
    memberIds: [],
  }));
  const structures: HealthStructure[] = Array.from({ length: 4_000 }, (_, i) => ({
    ...structureAt(i, i % 2 ? '98' : '97'),
    kind: i % 2 ? 'msp' : 'cds',
    name: `${i % 2 ? 'MSP' : 'Centre de santé'} ${i + 1}`,
    phone: '+33 5 53 00 00 01',
  }));
  const sosSites: SosSite[] = Array.from({ length: 60 }, (_, i) => {
    const { finess, place } = structureAt(i, '96');
    return { id: finess, associationName: `SOS Médecins ${i + 1}`, name: `Site ${i + 1}`, place };
  });
  return { publishers, practitioners, cpts, structures, sosSites };
}
