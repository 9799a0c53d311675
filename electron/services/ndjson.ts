// Splits a byte stream of newline-delimited JSON into values, one line at a time, as the bytes arrive.
export async function* readNdjson(body: ReadableStream<Uint8Array>, maxLineBytes = 8 * 1024 * 1024): AsyncGenerator<unknown> {
  const decoder = new TextDecoder();
  let buffer = '';
  const reader = body.getReader();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let newline = buffer.indexOf('\n');
      while (newline >= 0) {
        const line = buffer.slice(0, newline).trim();
        buffer = buffer.slice(newline + 1);
        if (line) yield JSON.parse(line);
        newline = buffer.indexOf('\n');
      }
      if (buffer.length > maxLineBytes) throw new Error('ligne NDJSON trop longue');
    }
    const rest = (buffer + decoder.decode()).trim();
    if (rest) yield JSON.parse(rest);
  } finally {
    reader.releaseLock();
  }
}
