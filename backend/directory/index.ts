// The care-offer directory: loaded from a data file, validated, indexed for radius queries.
import { readFile } from 'node:fs/promises';
import { createDirectory, type Directory } from './directory';
import { parseCareOfferFile } from './schema';

export * from './directory';
export * from './publishers';
export * from './schema';
export * from './spatial-index';

class DirectoryLoadError extends Error {
  constructor(
    readonly file: string,
    readonly errors: string[],
  ) {
    super(`Offre de soins illisible (${file}) :\n- ${errors.join('\n- ')}`);
    this.name = 'DirectoryLoadError';
  }
}

/** Reads and validates a care-offer file; throws a DirectoryLoadError listing what is wrong. */
export async function loadDirectory(file: string): Promise<{ directory: Directory; warnings: string[] }> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new DirectoryLoadError(file, [`lecture impossible : ${(error as Error).message}`]);
  }
  const parsed = parseCareOfferFile(json);
  if (!parsed.ok) throw new DirectoryLoadError(file, parsed.errors);
  return { directory: createDirectory(parsed.data), warnings: parsed.warnings };
}
