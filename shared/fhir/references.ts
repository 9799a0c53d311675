// Resolves FHIR references inside one Bundle: by entry fullUrl, by `Type/id` (relative, possibly versioned) and to
// contained resources (`#id`). Resolution only ever looks things up in maps: it never walks the input recursively,
// so reference cycles (A → B → A) and deep nesting cost nothing; the mapper follows fixed-length chains only
// (Slot → Schedule → PractitionerRole → Practitioner, Slot → HealthcareService → Organization...).
import { LIMITS, isRecord, own, records, type JsonRecord } from './read';

export interface ResolvedResource {
  resource: JsonRecord;
  resourceType: string;
  /** Entry label of the resource (fullUrl or index), or of its container for a contained resource. */
  entry: string | number;
  /** True for a contained resource. */
  contained: boolean;
}

const TYPE_ID = /(?:^|\/)([A-Z][A-Za-z]{1,63})\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[A-Za-z0-9\-.]{1,64})?$/u;

export function resourceTypeOf(resource: JsonRecord): string | undefined {
  const type = own(resource, 'resourceType');
  return typeof type === 'string' && type.length <= 64 ? type : undefined;
}

export function resourceIdOf(resource: JsonRecord): string | undefined {
  const id = own(resource, 'id');
  return typeof id === 'string' && /^[A-Za-z0-9\-.]{1,64}$/u.test(id) ? id : undefined;
}

export class ResourceIndex {
  private readonly byFullUrl = new Map<string, ResolvedResource>();
  private readonly byTypeId = new Map<string, ResolvedResource>();

  add(resource: JsonRecord, entry: string | number, fullUrl: string | undefined): void {
    const resourceType = resourceTypeOf(resource);
    if (resourceType === undefined) return;
    const indexed: ResolvedResource = { resource, resourceType, entry, contained: false };
    if (fullUrl !== undefined && !this.byFullUrl.has(fullUrl)) this.byFullUrl.set(fullUrl, indexed);
    const id = resourceIdOf(resource);
    const key = id === undefined ? undefined : `${resourceType}/${id}`;
    if (key !== undefined && !this.byTypeId.has(key)) this.byTypeId.set(key, indexed);
  }

  /**
   * The resource a reference string points to, if it is in the bundle (or contained in `container`), and, when
   * `types` is given, only if it has one of those resource types.
   */
  resolve(
    reference: string,
    container: ResolvedResource | undefined,
    types?: readonly string[],
  ): ResolvedResource | undefined {
    const found = this.lookup(reference, container);
    if (found === undefined) return undefined;
    return types === undefined || types.includes(found.resourceType) ? found : undefined;
  }

  private lookup(reference: string, container: ResolvedResource | undefined): ResolvedResource | undefined {
    if (reference.length === 0 || reference.length > LIMITS.reference) return undefined;
    if (reference.startsWith('#')) {
      if (container === undefined) return undefined;
      return findContained(container, reference.slice(1));
    }
    const exact = this.byFullUrl.get(reference);
    if (exact !== undefined) return exact;
    const m = TYPE_ID.exec(reference);
    if (!m) return undefined;
    return this.byTypeId.get(`${m[1]}/${m[2]}`);
  }
}

/** A resource contained in another one, by its local id. Only one level: FHIR forbids nested contained. */
export function findContained(container: ResolvedResource, localId: string): ResolvedResource | undefined {
  for (const candidate of records(container.resource, 'contained')) {
    if (own(candidate, 'id') !== localId) continue;
    const resourceType = resourceTypeOf(candidate);
    if (resourceType === undefined) return undefined;
    return { resource: candidate, resourceType, entry: container.entry, contained: true };
  }
  return undefined;
}

/** The `reference` string of a Reference-typed property, if any. */
export function referenceString(record: JsonRecord, key: string): string | undefined {
  const ref = own(record, key);
  if (!isRecord(ref)) return undefined;
  const value = own(ref, 'reference');
  return typeof value === 'string' && value.length > 0 && value.length <= LIMITS.reference ? value : undefined;
}
