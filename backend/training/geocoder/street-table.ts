// The streets the training geocoder knows: those of the training data set's places (practitioners, CPTS seats,
// SOS Médecins sites). Each street of a commune is a line through its known house numbers, so any number on it
// gets an interpolated position and a number written in the data set gets exactly that place's position.
import type { GeoPoint, Place } from '@shared/domain/care-offer';
import { kmToLatDegrees, kmToLonDegrees } from '../../geo/distance';
import { addressTokens } from './scoring';

interface StreetAnchor {
  number: number;
  point: GeoPoint;
}

export interface TrainingStreet {
  /** Stable id: `<citycode>_<normalized name>`. */
  id: string;
  citycode: string;
  city: string;
  postcode?: string;
  /** As written in the data set, e.g. "rue du Lavoir". */
  name: string;
  words: string[];
  /** Known house numbers with their positions, by number. */
  anchors: StreetAnchor[];
}

/** "87 rue du Lavoir" → number 87, street "rue du Lavoir"; undefined without a street name. */
function splitAddressLine(line: string): { number?: number; street: string } | undefined {
  const match = /^\s*(\d{1,4})\s*(?:bis|ter|quater)?[\s,]+(.+?)\s*$/iu.exec(line);
  if (match) return { number: Number(match[1]), street: match[2] as string };
  const street = line.trim();
  return street.length > 0 ? { street } : undefined;
}

export function streetsFromPlaces(places: readonly Place[]): TrainingStreet[] {
  const streets = new Map<string, TrainingStreet>();
  for (const place of places) {
    if (!place.line || !place.inseeCode || !place.point) continue;
    const parts = splitAddressLine(place.line);
    if (!parts) continue;
    const words = addressTokens(parts.street);
    const id = `${place.inseeCode}_${words.join('_')}`;
    let street = streets.get(id);
    if (!street) {
      street = {
        id,
        citycode: place.inseeCode,
        city: place.city ?? '',
        ...(place.postalCode ? { postcode: place.postalCode } : {}),
        name: parts.street,
        words,
        anchors: [],
      };
      streets.set(id, street);
    }
    if (parts.number !== undefined && !street.anchors.some((a) => a.number === parts.number)) {
      street.anchors.push({ number: parts.number, point: place.point });
    }
  }
  for (const street of streets.values()) street.anchors.sort((a, b) => a.number - b.number);
  return [...streets.values()].sort((a, b) => a.id.localeCompare(b.id));
}

/** Metres between consecutive house numbers on a street known by one place only. */
const METRES_PER_NUMBER = 8;

/** A fixed direction per street (from its id), for a street known by one place only. */
function bearingOf(id: string): number {
  let h = 7;
  for (const c of id) h = (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0;
  return ((h % 360) * Math.PI) / 180;
}

const between = (a: GeoPoint, b: GeoPoint, t: number): GeoPoint => ({
  lat: a.lat + (b.lat - a.lat) * t,
  lon: a.lon + (b.lon - a.lon) * t,
});

/**
 * The position of a house number on the street (interpolated between the known numbers around it, held at the
 * ends), or of the street itself (its middle known place) when no number is given.
 */
export function positionOn(street: TrainingStreet, number?: number): GeoPoint | undefined {
  const { anchors } = street;
  const first = anchors[0];
  const last = anchors[anchors.length - 1];
  if (!first || !last) return undefined;
  if (number === undefined || !Number.isFinite(number)) return anchors[Math.floor((anchors.length - 1) / 2)]?.point;
  if (anchors.length === 1) {
    // One known place: the street runs through it in a fixed direction, numbers spaced evenly along it.
    const km = ((number - first.number) * METRES_PER_NUMBER) / 1000;
    const bearing = bearingOf(street.id);
    return {
      lat: first.point.lat + Math.sin(bearing) * kmToLatDegrees(km),
      lon: first.point.lon + Math.cos(bearing) * kmToLonDegrees(km, first.point.lat),
    };
  }
  if (number <= first.number) return first.point;
  if (number >= last.number) return last.point;
  for (let i = 1; i < anchors.length; i += 1) {
    const low = anchors[i - 1] as StreetAnchor;
    const high = anchors[i] as StreetAnchor;
    if (number <= high.number)
      return between(low.point, high.point, (number - low.number) / (high.number - low.number));
  }
  return last.point;
}
