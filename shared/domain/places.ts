// A place offered while the regulator types a location (commune offline, address with a street geocoder).

export interface LocationSuggestion {
  label: string;
  inseeCode: string;
  city: string;
  postalCode?: string;
  department: string;
  streetName?: string;
  streetNumber?: string;
}
