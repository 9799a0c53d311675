// The storage sink: practitioners go to a new directory version in batches as the importer reads them (memory
// stays that of one batch, whatever the size of the national file), the rest at the end, then the version is
// published, i.e. made current in one transaction. A failed import marks its version failed: the current one stays.
import type { Practitioner } from '@shared/domain/care-offer';
import type { DirectoryEntryKind, DirectoryVersionRepository } from '../../storage/directory-versions';
import { mergePractitioners } from './practitioner';
import type { DirectorySink } from './sink';

const DEFAULT_BATCH_SIZE = 1_000;

export interface StorageSink extends DirectorySink {
  readonly versionId: number;
  /** Called instead of `finish` when the import failed. */
  abort(reason: string): Promise<void>;
}

export async function createStorageSink(
  versions: DirectoryVersionRepository,
  options: { batchSize?: number } = {},
): Promise<StorageSink> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const versionId = await versions.begin();
  let batch = new Map<string, Practitioner>();
  let written = 0;

  const flush = async () => {
    if (batch.size === 0) return;
    const pending = batch;
    batch = new Map();
    const entries = [...pending.values()].map((p) => ({ id: p.nationalId, data: JSON.stringify(p) }));
    const already = await versions.insert(versionId, 'practitioner', entries);
    written += entries.length - already.length;
    // Lines of one professional that were not contiguous in the file: merged with what an earlier batch stored.
    for (const id of already) {
      const stored = await versions.entry(versionId, 'practitioner', id);
      const later = pending.get(id);
      if (!stored || !later) continue;
      const merged = mergePractitioners(JSON.parse(stored) as Practitioner, later);
      await versions.replace(versionId, 'practitioner', { id, data: JSON.stringify(merged) });
    }
  };
  const writeAll = async (kind: DirectoryEntryKind, items: readonly { id: string; value: unknown }[]) => {
    for (let start = 0; start < items.length; start += batchSize) {
      const slice = items.slice(start, start + batchSize);
      await versions.insert(
        versionId,
        kind,
        slice.map((item) => ({ id: item.id, data: JSON.stringify(item.value) })),
      );
    }
  };

  return {
    versionId,
    async writePractitioner(practitioner) {
      const known = batch.get(practitioner.nationalId);
      batch.set(practitioner.nationalId, known ? mergePractitioners(known, practitioner) : practitioner);
      if (batch.size >= batchSize) await flush();
    },
    async finish(rest) {
      await flush();
      await writeAll(
        'publisher',
        rest.publishers.map((value) => ({ id: value.id, value })),
      );
      await writeAll(
        'cpts',
        rest.cpts.map((value) => ({ id: value.finess, value })),
      );
      await writeAll(
        'structure',
        rest.structures.map((value) => ({ id: value.finess, value })),
      );
      await writeAll(
        'sos-site',
        rest.sosSites.map((value) => ({ id: value.id, value })),
      );
      await versions.publish(versionId, {
        practitioners: written,
        cpts: rest.cpts.length,
        structures: rest.structures.length,
        sosSites: rest.sosSites.length,
        publishers: rest.publishers.length,
      });
    },
    abort: (reason) => versions.fail(versionId, reason),
  };
}
