// What the regulator types in the location field, read the ways people say an address: a commune name ("Agen"),
// a postal code ("47000"), or a street with its commune ("12 rue Paul Vidal, Agen", "12 rue Paul Vidal 47000 Agen").
// Offline: communes from the table; the street is kept as typed and geocoded when the search runs.
import type { LocationSuggestion } from '../../shared/domain/places';
import type { Commune, CommuneTable } from './communes';

const POSTCODE = /^\d{5}$/u;
const POSTCODE_IN_TEXT = /\b(\d{5})\b/u;
/** "12", "12 bis", "12b": the house number at the start of a street. */
const STREET_NUMBER = /^(\d{1,5}(?:\s?(?:bis|ter|quater|[a-d]))?)\b[\s,]*(.+)$/iu;

function communeSuggestion(commune: Commune): LocationSuggestion {
  return {
    label: `${commune.name} (${commune.department})`,
    inseeCode: commune.insee,
    city: commune.name,
    ...(commune.postcodes[0] ? { postalCode: commune.postcodes[0] } : {}),
    department: commune.department,
  };
}

function withStreet(commune: Commune, street: string, postcode: string | undefined): LocationSuggestion {
  const match = STREET_NUMBER.exec(street);
  const streetNumber = match?.[1]?.replace(/\s+/gu, ' ');
  const streetName = (match?.[2] ?? street).trim();
  const postalCode = postcode && commune.postcodes.includes(postcode) ? postcode : commune.postcodes[0];
  return {
    label: `${[streetNumber, streetName].filter(Boolean).join(' ')}, ${commune.name} (${commune.department})`,
    inseeCode: commune.insee,
    city: commune.name,
    ...(postalCode ? { postalCode } : {}),
    department: commune.department,
    streetName,
    ...(streetNumber ? { streetNumber } : {}),
  };
}

/** Communes a "city part" names: by postal code, by exact name, then by name prefix. */
function communesFor(table: CommuneTable, cityPart: string, limit: number): { communes: Commune[]; postcode?: string } {
  const postcode = POSTCODE_IN_TEXT.exec(cityPart)?.[1];
  const name = cityPart.replace(POSTCODE_IN_TEXT, '').trim();
  if (postcode) {
    const byCode = table.byPostcode(postcode);
    const named = name ? byCode.filter((c) => c.name.toLowerCase().startsWith(name.toLowerCase())) : byCode;
    return { communes: (named.length > 0 ? named : byCode).slice(0, limit), postcode };
  }
  if (!name) return { communes: [] };
  const exact = table.byName(name);
  return { communes: (exact.length > 0 ? exact : table.search(name, { limit })).slice(0, limit) };
}

export function suggestPlaces(table: CommuneTable, text: string, limit = 8): LocationSuggestion[] {
  const query = text.trim().replace(/\s+/gu, ' ').slice(0, 200);
  if (query.length < 2) return [];
  if (POSTCODE.test(query)) return table.byPostcode(query).slice(0, limit).map(communeSuggestion);
  // "street, commune": the part after the last comma names the commune.
  const comma = query.lastIndexOf(',');
  if (comma > 0) {
    const street = query.slice(0, comma).trim();
    const { communes, postcode } = communesFor(table, query.slice(comma + 1), limit);
    return street ? communes.map((c) => withStreet(c, street, postcode)) : communes.map(communeSuggestion);
  }
  // "12 rue X 47000 Agen": a postal code inside the text splits street and commune.
  const code = POSTCODE_IN_TEXT.exec(query);
  if (code && code.index > 0) {
    const street = query.slice(0, code.index).trim();
    const { communes, postcode } = communesFor(table, query.slice(code.index), limit);
    return communes.map((c) => withStreet(c, street, postcode));
  }
  return table.search(query, { limit }).map(communeSuggestion);
}
