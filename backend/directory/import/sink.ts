// Where imported entries go. The importer streams practitioners to a sink as it reads them, then hands over the
// smaller collections once; a storage sink (versioned imports in the database) implements the same interface.
import { writeFile } from 'node:fs/promises';
import type { Cpts, HealthStructure, Practitioner, SosSite } from '../../../shared/domain/care-offer';
import type { Publisher } from '../publishers';
import { CARE_OFFER_FORMAT, CARE_OFFER_VERSION } from '../schema';
import { mergePractitioners } from './practitioner';

export interface DirectoryRest {
  publishers: Publisher[];
  cpts: Cpts[];
  structures: HealthStructure[];
  sosSites: SosSite[];
}

export interface DirectorySink {
  /** A kept practitioner; the same national id may come again when the file's lines were not contiguous. */
  writePractitioner(practitioner: Practitioner): Promise<void> | void;
  /** Everything else, once, after the last practitioner; the sink completes the import. */
  finish(rest: DirectoryRest): Promise<void>;
}

/**
 * The directory file the backend loads today (`sas-console/care-offer`). That format is one JSON document the
 * loader reads whole, so this sink holds the kept practitioners (the output, not the input) until `finish`.
 */
export function createJsonFileSink(file: string): DirectorySink & { readonly practitioners: ReadonlyMap<string, Practitioner> } {
  const practitioners = new Map<string, Practitioner>();
  return {
    practitioners,
    writePractitioner(practitioner) {
      const known = practitioners.get(practitioner.nationalId);
      practitioners.set(practitioner.nationalId, known ? mergePractitioners(known, practitioner) : practitioner);
    },
    async finish(rest) {
      // One entry per line, as the training data set: a re-import diffs line by line.
      const list = (items: readonly unknown[]) =>
        items.length === 0 ? '[]' : `[\n${items.map((item) => `    ${JSON.stringify(item)}`).join(',\n')}\n  ]`;
      const body = [
        `  "format": ${JSON.stringify(CARE_OFFER_FORMAT)}`,
        `  "version": ${CARE_OFFER_VERSION}`,
        `  "publishers": ${list(rest.publishers)}`,
        `  "practitioners": ${list([...practitioners.values()])}`,
        `  "cpts": ${list(rest.cpts)}`,
        `  "structures": ${list(rest.structures)}`,
        `  "sosSites": ${list(rest.sosSites)}`,
      ];
      await writeFile(file, `{\n${body.join(',\n')}\n}\n`, 'utf8');
    },
  };
}
