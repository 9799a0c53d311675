// Line-by-line reading of the national files without loading them: memory stays flat whatever their size.
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { createInterface } from 'node:readline';

/** Lines of a UTF-8 file (the BOM removed). */
export async function* utf8Lines(file: string): AsyncGenerator<string> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let first = true;
  for await (const line of lines) {
    yield first ? line.replace(/^\uFEFF/, '') : line;
    first = false;
  }
}

/**
 * Lines of a Latin-1 file. TextDecoder's `latin1` is windows-1252, a superset that also reads the €, œ and quotes
 * some producers write in the 0x80–0x9F range.
 */
export async function* latin1Lines(file: string): AsyncGenerator<string> {
  const decoder = new TextDecoder('latin1');
  async function* decoded() {
    for await (const chunk of createReadStream(file)) yield decoder.decode(chunk as Buffer, { stream: true });
    const rest = decoder.decode();
    if (rest) yield rest;
  }
  yield* createInterface({ input: Readable.from(decoded()), crlfDelay: Infinity });
}
