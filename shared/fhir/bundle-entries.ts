// The envelope of a publisher's answer: a searchset Bundle whose entries are indexed by fullUrl and type/id so
// references between them can be followed. Entries that are not resources are reported and skipped; past
// LIMITS.entries the rest is not read, so a huge answer costs a bounded time.
import type { IssueSink } from './issues';
import { LIMITS, describe, excerpt, isRecord, own } from './read';
import { resourceTypeOf, type ResourceIndex, type ResolvedResource } from './references';

/** Checks the Bundle envelope and indexes its entries. Undefined when nothing can be read. */
export function readBundleEntries(
  input: unknown,
  root: IssueSink,
  index: ResourceIndex,
): ResolvedResource[] | undefined {
  const entries: ResolvedResource[] = [];
  if (!isRecord(input)) {
    root.add('not-an-object', `Un objet JSON Bundle est attendu (reçu : ${describe(input)}).`);
    return undefined;
  }
  const resourceType = own(input, 'resourceType');
  if (resourceType !== 'Bundle') {
    root.add(
      'not-a-bundle',
      `Un Bundle FHIR est attendu (resourceType = ${typeof resourceType === 'string' ? excerpt(resourceType, 40) : 'absent'}).`,
      'Bundle.resourceType',
    );
    return undefined;
  }
  const type = own(input, 'type');
  if (type !== 'searchset')
    root.add(
      'bundle-not-searchset',
      `Bundle de type « ${typeof type === 'string' ? excerpt(type, 30) : 'absent'} » : searchset attendu pour une réponse de recherche.`,
      'Bundle.type',
    );
  const entry = own(input, 'entry');
  if (entry === undefined) return entries;
  if (!Array.isArray(entry)) {
    root.add('bundle-entry-invalid', 'Bundle.entry doit être un tableau.', 'Bundle.entry');
    return undefined;
  }
  if (entry.length > LIMITS.entries)
    root.add(
      'bundle-too-many-entries',
      `Bundle de ${entry.length} entrées : seules les ${LIMITS.entries} premières sont lues.`,
      'Bundle.entry',
    );
  const n = Math.min(entry.length, LIMITS.entries);
  for (let i = 0; i < n; i += 1) readEntry(entry[i], i, root, index, entries);
  return entries;
}

function readEntry(
  value: unknown,
  index: number,
  root: IssueSink,
  resources: ResourceIndex,
  entries: ResolvedResource[],
): void {
  if (!isRecord(value)) {
    root.add('entry-invalid', `Entrée ${index} du Bundle invalide (objet attendu).`, `Bundle.entry[${index}]`);
    return;
  }
  const fullUrlValue = own(value, 'fullUrl');
  const fullUrl =
    typeof fullUrlValue === 'string' && fullUrlValue.length > 0 && fullUrlValue.length <= LIMITS.reference
      ? fullUrlValue
      : undefined;
  const label = fullUrl ?? index;
  const resource = own(value, 'resource');
  if (!isRecord(resource)) {
    root
      .forEntry(label)
      .add('entry-resource-missing', `Entrée ${index} du Bundle sans ressource.`, `Bundle.entry[${index}].resource`);
    return;
  }
  const resourceType = resourceTypeOf(resource);
  if (resourceType === undefined) {
    root
      .forEntry(label)
      .add(
        'resource-type-missing',
        `Ressource sans resourceType (entrée ${index}).`,
        `Bundle.entry[${index}].resource`,
      );
    return;
  }
  resources.add(resource, label, fullUrl);
  entries.push({ resource, resourceType, entry: label, contained: false });
}
