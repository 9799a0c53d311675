// Splits a byte stream of newline-delimited JSON into lines, then values, one at a time, as the bytes arrive.
export async function* readLines(
  body: ReadableStream<Uint8Array>,
  maxLineBytes = 8 * 1024 * 1024,
): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let buffer = '';
  const reader = body.getReader();
  let finished = false;
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) {
        finished = true;
        break;
      }
      buffer += decoder.decode(value, { stream: true });
      let newline = buffer.indexOf('\n');
      while (newline >= 0) {
        yield buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        newline = buffer.indexOf('\n');
      }
      if (buffer.length > maxLineBytes) throw new Error('ligne NDJSON trop longue');
    }
    const rest = buffer + decoder.decode();
    if (rest) yield rest;
  } finally {
    // Left early (a malformed line, a consumer that stopped): close the connection rather than leave it open.
    if (!finished) void reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

export async function* readNdjson(body: ReadableStream<Uint8Array>, maxLineBytes?: number): AsyncGenerator<unknown> {
  for await (const line of readLines(body, maxLineBytes)) {
    const trimmed = line.trim();
    if (trimmed) yield JSON.parse(trimmed);
  }
}
