// The privacy scanner of the e2e privacy test (tests/support/privacy-scan.ts): it must find a value in every encoding
// software writes it in, whatever surrounds it, and not count a number inside a longer number.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeScan, scanBuffer, scanTree, variantsOf } from '../../support/privacy-scan';

const STREET = { label: 'rue', text: 'rue Zéphyrin Quasimodo' };

describe('privacy scan', () => {
  it('finds a value written as UTF-8, UTF-16LE, percent-encoded, JSON-escaped, HTML entities, NFD, any ASCII case', () => {
    const forms = [
      Buffer.from('{"streetName":"rue Zéphyrin Quasimodo"}'),
      Buffer.from('rue Zéphyrin Quasimodo', 'utf16le'),
      Buffer.from('streetname=rue%20Z%C3%A9phyrin%20Quasimodo'),
      Buffer.from('streetname=rue+Z%c3%a9phyrin+QUASIMODO'),
      Buffer.from('"rue Z\\u00e9phyrin Quasimodo"'),
      Buffer.from('<p>rue Z&#233;phyrin Quasimodo</p>'),
      Buffer.from('rue Ze\u0301phyrin Quasimodo'.normalize('NFD')),
      Buffer.from('RUE ZÉPHYRIN QUASIMODO'.replace('É', 'é')),
    ];
    for (const form of forms) expect(scanBuffer(form, [STREET]).length, form.toString('latin1')).toBeGreaterThan(0);
    expect(scanBuffer(Buffer.from('rue Zéphyrin Quasimod'), [STREET])).toEqual([]);
  });

  it('counts a number only as a whole token', () => {
    const needle = { label: 'numéro', text: '4711', wholeNumber: true };
    expect(scanBuffer(Buffer.from('streetnumber=4711&x'), [needle])).toHaveLength(1);
    expect(scanBuffer(Buffer.from('"4711"'), [needle])).toHaveLength(1);
    expect(scanBuffer(Buffer.from('4711', 'utf16le'), [needle])).toHaveLength(1);
    expect(scanBuffer(Buffer.from('t=1764711234'), [needle])).toEqual([]);
    expect(scanBuffer(Buffer.from('47110'), [needle])).toEqual([]);
  });

  it('property: any value hidden anywhere in random bytes, in any of its encodings, is found', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', minLength: 3, maxLength: 30 }),
        fc.uint8Array({ maxLength: 200 }),
        fc.uint8Array({ maxLength: 200 }),
        fc.nat(),
        (text, before, after, pick) => {
          const variants = variantsOf(text);
          const variant = variants[pick % variants.length]!;
          const haystack = Buffer.concat([Buffer.from(before), variant.bytes, Buffer.from(after)]);
          expect(scanBuffer(haystack, [{ label: 'x', text }]).length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('walks a folder tree and reports every file, with hits by file', async () => {
    const root = await mkdtemp(join(tmpdir(), 'sas-scan-'));
    try {
      await mkdir(join(root, 'a', 'b'), { recursive: true });
      await writeFile(join(root, 'a', 'b', 'journal.jsonl'), '{"detail":"rien"}\n');
      await writeFile(
        join(root, 'a', 'cache.bin'),
        Buffer.concat([Buffer.alloc(10), Buffer.from('Quasimodo', 'utf16le')]),
      );
      const report = await scanTree(root, [{ label: 'rue', text: 'Quasimodo' }]);
      expect(report.files.map((f) => f.path).sort()).toEqual([join('a', 'b', 'journal.jsonl'), join('a', 'cache.bin')]);
      expect(report.hits).toMatchObject([
        { file: join('a', 'cache.bin'), needle: 'rue', encoding: 'utf-8 (utf-16le)', offset: 10 },
      ]);
      expect(describeScan(report)).toContain('1 occurrence(s) de données patient');
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
