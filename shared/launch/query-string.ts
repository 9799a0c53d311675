// Splits a raw query string into name/value pairs and decodes one component, without ever throwing.
// Form encoding as browsers and LRMs send it: `&` separates pairs, the first `=` separates name and value,
// `+` is a space, `%XX` are UTF-8 bytes.

export interface RawParameter {
  rawName: string;
  rawValue: string;
}

/** Pairs in order of appearance; empty segments (`a=1&&b=2`, trailing `&`) are not parameters. */
export function splitQuery(query: string): RawParameter[] {
  const pairs: RawParameter[] = [];
  for (const segment of query.split('&')) {
    if (segment === '') continue;
    const eq = segment.indexOf('=');
    pairs.push(
      eq < 0 ? { rawName: segment, rawValue: '' } : { rawName: segment.slice(0, eq), rawValue: segment.slice(eq + 1) },
    );
  }
  return pairs;
}

/**
 * Decodes one form-encoded component, or undefined when its percent-encoding is not valid UTF-8 (`%E9` sent as
 * Latin-1, `%zz`, a truncated `%C3`, an encoded surrogate). Undefined, not a guess: a wrong guess would search
 * the wrong town.
 */
export function decodeComponent(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}
