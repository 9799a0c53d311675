// The training offer written as the national files a deployment imports: an RPPS `PS_LibreAcces_Personne_activite`
// file (2026 layout, one activity per place, each at a fictitious FINESS site whose position carries the place's
// point), a FINESS `etalab-cs1100507-stock` extraction (Latin-1: the sites in Lambert-93, the CPTS, and the MSP the
// participations name) and the SAS participation, SOS sites and publisher CSVs. Training then goes through the
// importer, as the national directory does.
import proj4 from 'proj4';
import type { Cpts, Place, Practitioner } from '@shared/domain/care-offer';
import { specialtyCodeSystem } from '@shared/domain/specialties';
import { PARTICIPATION_COLUMNS, PUBLISHER_COLUMNS, SOS_SITE_COLUMNS } from '../../directory/import/participation';
import { RPPS_HEADER_2026 } from '../../directory/import/rpps';
import type { CareOfferData } from '../../directory/schema';

const LAMBERT_93 =
  '+proj=lcc +lat_0=46.5 +lon_0=3 +lat_1=49 +lat_2=44 +x_0=700000 +y_0=6600000 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs';
const toLambert93 = proj4('WGS84', LAMBERT_93);
const FINESS_SOURCE = '1,ATLASANTE,96,BAN,EPSG:2154 RGF93 / Lambert-93 (Métropole)';
const DATE = '2026-10-08';

export const NATIONAL_FILES = {
  rpps: 'PS_LibreAcces_Personne_activite_202610080000.txt',
  finess: 'etalab-cs1100507-stock-20261008-0000.csv',
  participation: 'participation.csv',
  sosSites: 'sos-sites.csv',
  publishers: 'publishers.csv',
} as const;

/** The few characters beyond Latin-1 that the FINESS file's windows-1252 has (the importer decodes it so). */
const WINDOWS_1252: Readonly<Record<string, number>> = { '’': 0x92, '‘': 0x91, œ: 0x9c, Œ: 0x8c, '€': 0x80, '…': 0x85 };

/** `+33536490001` → `0536490001` (the national files write phones without the country code). */
const nationalPhone = (phone?: string) => (phone ? phone.replace(/[ .]/g, '').replace(/^\+33/, '0') : '');

const clean = (text: string | undefined) => (text ?? '').replace(/[|;\n\r]/g, ' ');

function rppsLine(practitioner: Practitioner, place: Place, siteFiness: string): string {
  const cells = new Map<string, string>();
  const set = (name: (typeof RPPS_HEADER_2026)[number], value: string | undefined) => cells.set(name, clean(value));
  const rpps = practitioner.nationalId.startsWith('8');
  const coding = practitioner.specialties[0];
  const ordinal = coding && specialtyCodeSystem(coding.system) === 'TRE_R38';
  set("Type d'identifiant PP", rpps ? '8' : '0');
  set('Identifiant PP', practitioner.nationalId.slice(1));
  set('Identification nationale PP', practitioner.nationalId);
  set("Code civilité d'exercice", practitioner.prefix?.toUpperCase());
  set("Nom d'exercice", practitioner.familyName);
  set("Prénom d'exercice", practitioner.givenName);
  set('Code profession', ordinal ? '10' : coding?.code);
  set('Code type savoir-faire', ordinal ? 'S' : '');
  set('Code savoir-faire', ordinal ? coding.code : '');
  set('Code mode exercice', 'L');
  set('Numéro FINESS site', siteFiness);
  // "87 rue du Lavoir": the importer joins number, street type and street with spaces, as here.
  const [number, ...street] = (place.line ?? '').split(' ');
  const numbered = number !== undefined && /^\d+$/.test(number);
  set('Numéro Voie (coord. structure)', numbered ? number : '');
  set('Libellé Voie (coord. structure)', numbered ? street.join(' ') : place.line);
  set('Code postal (coord. structure)', place.postalCode);
  set('Code commune (coord. structure)', place.inseeCode);
  set('Libellé commune (coord. structure)', place.city);
  set('Téléphone (coord. structure)', nationalPhone(practitioner.phone));
  set("Code secteur d'activité", 'SA07');
  return `${RPPS_HEADER_2026.map((name) => cells.get(name) ?? '').join('|')}|`;
}

function geolocalisation(finess: string, place: Place | undefined): string[] {
  if (!place?.point) return [];
  const [x, y] = toLambert93.forward([place.point.lon, place.point.lat]);
  return [`geolocalisation;${finess};${x?.toFixed(1)};${y?.toFixed(1)};${FINESS_SOURCE};${DATE}`];
}

function structureet(finess: string, name: string, category: string, place?: Place, phone?: string): string {
  const insee = place?.inseeCode ?? '';
  const [number, ...street] = (place?.line ?? '').split(' ');
  const numbered = number !== undefined && /^\d+$/.test(number);
  const delivery = place?.postalCode ? `${place.postalCode} ${clean(place.city).toUpperCase()}` : '';
  const cells = [
    'structureet',
    finess,
    finess,
    clean(name).slice(0, 38),
    clean(name),
    '',
    '',
    numbered ? number : '',
    '',
    clean(numbered ? street.join(' ') : place?.line),
    '',
    '',
    insee.slice(2),
    insee.slice(0, 2),
    '',
    delivery,
    nationalPhone(phone),
    '',
    category,
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    DATE,
    DATE,
    DATE,
  ];
  return `${cells.join(';')};`;
}

function csv(header: readonly string[], rows: readonly (readonly (string | undefined)[])[]): string {
  return `${[header, ...rows].map((row) => row.map((cell) => clean(cell)).join(';')).join('\n')}\n`;
}

/** The files' contents; FINESS as Latin-1 bytes, the others UTF-8 text. */
export function renderNationalFiles(offer: CareOfferData): {
  rpps: string;
  finess: Uint8Array;
  participation: string;
  sosSites: string;
  publishers: string;
} {
  const rpps: string[] = [`\uFEFF${RPPS_HEADER_2026.join('|')}|`];
  const finess: string[] = ['finess;etalab;95;2026-10-08'];
  let site = 0;
  for (const practitioner of offer.practitioners) {
    for (const place of practitioner.places) {
      site += 1;
      const siteFiness = `38${String(site).padStart(7, '0')}`;
      rpps.push(rppsLine(practitioner, place, siteFiness));
      finess.push(...geolocalisation(siteFiness, place));
    }
  }
  const cpts = (entry: Cpts) => [
    structureet(entry.finess, entry.name, '604', entry.place, entry.phone),
    ...geolocalisation(entry.finess, entry.place),
  ];
  finess.push(...offer.cpts.flatMap(cpts));
  const msp = new Map<string, string>();
  for (const { participation } of offer.practitioners) {
    if (participation?.mode === 'msp' && participation.structureId)
      msp.set(participation.structureId, participation.structureName ?? participation.structureId);
  }
  for (const [id, name] of msp) finess.push(structureet(id, name, '603'));

  const participation = csv(
    PARTICIPATION_COLUMNS,
    offer.practitioners.flatMap((p) =>
      p.participation || p.agendaSource
        ? [
            [
              p.nationalId,
              p.participation?.mode ?? 'none',
              p.participation?.structureId,
              p.participation?.acceptsBeyondSlots ? 'oui' : 'non',
              p.agendaSource,
            ],
          ]
        : [],
    ),
  );
  const sosSites = csv(
    SOS_SITE_COLUMNS,
    offer.sosSites.map((s) => [
      s.id,
      s.associationName,
      s.name,
      nationalPhone(s.phone),
      s.place.line,
      s.place.postalCode,
      s.place.city,
      s.place.inseeCode,
      s.place.point ? String(s.place.point.lat) : '',
      s.place.point ? String(s.place.point.lon) : '',
      s.agendaSource,
    ]),
  );
  const publishers = csv(
    PUBLISHER_COLUMNS,
    offer.publishers.map((p) => [
      p.id,
      p.name,
      p.kind,
      p.fhirBaseUrl,
      p.bookingOrigins.join(' '),
      p.acceptsV1Accounts ? 'oui' : 'non',
    ]),
  );
  const latin1 = Uint8Array.from(`${finess.join('\n')}\n`, (char) => {
    const code = char.charCodeAt(0);
    return code < 256 ? code : (WINDOWS_1252[char] ?? 0x3f);
  });
  return { rpps: `${rpps.join('\n')}\n`, finess: latin1, participation, sosSites, publishers };
}
