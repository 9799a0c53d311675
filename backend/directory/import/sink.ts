// Where imported entries go. The importer streams practitioners to a sink as it reads them, then hands over the
// smaller collections once; a storage sink (versioned imports in the database) implements the same interface.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Cpts, HealthStructure, Practitioner, SosSite } from '@shared/domain/care-offer';
import type { Publisher } from '../publishers';
import { CARE_OFFER_FORMAT, CARE_OFFER_VERSION } from '../schema';
import { mergePractitioners } from './practitioner';

interface DirectoryRest {
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
 * The directory file the backend loads today (`sas-console/care-offer`). That format is one JSON document, so this
 * sink holds the kept practitioners (the output, not the input) until `finish`, each as its JSON text (a third of
 * the memory of the object), and streams the file out entry by entry.
 */
export function createJsonFileSink(file: string): DirectorySink & { readonly size: number } {
  const practitioners = new Map<string, string>();
  return {
    get size() {
      return practitioners.size;
    },
    writePractitioner(practitioner) {
      const known = practitioners.get(practitioner.nationalId);
      const merged = known ? mergePractitioners(JSON.parse(known) as Practitioner, practitioner) : practitioner;
      practitioners.set(practitioner.nationalId, JSON.stringify(merged));
    },
    async finish(rest) {
      const out = createWriteStream(file, { encoding: 'utf8' });
      const write = async (text: string) => {
        if (!out.write(text)) await once(out, 'drain');
      };
      // One entry per line, as the training data set: a re-import diffs line by line.
      const list = async (name: string, items: Iterable<string>, last = false) => {
        await write(`  "${name}": [`);
        let first = true;
        for (const item of items) {
          await write(`${first ? '' : ','}\n    ${item}`);
          first = false;
        }
        await write(`${first ? '' : '\n  '}]${last ? '' : ','}\n`);
      };
      const json = (items: readonly unknown[]) => items.map((item) => JSON.stringify(item));
      await write(`{\n  "format": ${JSON.stringify(CARE_OFFER_FORMAT)},\n  "version": ${CARE_OFFER_VERSION},\n`);
      await list('publishers', json(rest.publishers));
      await list('practitioners', practitioners.values());
      await list('cpts', json(rest.cpts));
      await list('structures', json(rest.structures));
      await list('sosSites', json(rest.sosSites), true);
      await write('}\n');
      out.end();
      await once(out, 'finish');
    },
  };
}
