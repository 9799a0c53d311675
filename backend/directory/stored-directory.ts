// Reads a stored directory version back, page by page, into the same validated data the file loader gives, and
// builds the in-memory indexes from it (once per version).
import type { DirectoryEntryKind, DirectoryVersionRepository } from '../storage/directory-versions';
import { createDirectory, type Directory } from './directory';
import { CARE_OFFER_FORMAT, CARE_OFFER_VERSION, parseCareOfferFile } from './schema';

const PAGE_SIZE = 5_000;

class StoredDirectoryError extends Error {
  constructor(
    readonly versionId: number,
    readonly errors: string[],
  ) {
    super(`Annuaire en base illisible (version ${versionId}) :\n- ${errors.slice(0, 10).join('\n- ')}`);
    this.name = 'StoredDirectoryError';
  }
}

async function readKind(versions: DirectoryVersionRepository, versionId: number, kind: DirectoryEntryKind) {
  const items: unknown[] = [];
  let after = '';
  for (;;) {
    const page = await versions.page(versionId, kind, after, PAGE_SIZE);
    for (const entry of page) items.push(JSON.parse(entry.data));
    const last = page.at(-1);
    if (!last || page.length < PAGE_SIZE) return items;
    after = last.id;
  }
}

export interface StoredDirectory {
  versionId: number;
  directory: Directory;
  warnings: string[];
}

/** The version's entries, validated as a directory file is; throws a StoredDirectoryError when they are not. */
export async function loadStoredVersion(
  versions: DirectoryVersionRepository,
  versionId: number,
): Promise<StoredDirectory> {
  const document = {
    format: CARE_OFFER_FORMAT,
    version: CARE_OFFER_VERSION,
    publishers: await readKind(versions, versionId, 'publisher'),
    practitioners: await readKind(versions, versionId, 'practitioner'),
    cpts: await readKind(versions, versionId, 'cpts'),
    structures: await readKind(versions, versionId, 'structure'),
    sosSites: await readKind(versions, versionId, 'sos-site'),
  };
  const parsed = parseCareOfferFile(document);
  if (!parsed.ok) throw new StoredDirectoryError(versionId, parsed.errors);
  return { versionId, directory: createDirectory(parsed.data), warnings: parsed.warnings };
}
