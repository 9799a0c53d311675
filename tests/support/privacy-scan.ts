// Scans every file under a folder for patient data: the bytes of each value in the encodings software writes them in
// (UTF-8, UTF-16LE as Chromium's storage does, percent-encoding with %20 or +, JSON \u escapes, HTML entities), ASCII
// case ignored. A number is matched as a whole token only (no digit just before or after), so a timestamp that happens
// to contain it is not a hit. Compressed content (LevelDB table blocks, gzip) is not inflated: a limit, stated in the
// report, not a pass.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';

export interface Needle {
  /** What it is, for the report (« nom de rue »...). */
  label: string;
  text: string;
  /** Numbers: only whole tokens count. */
  wholeNumber?: boolean;
}

interface ScannedFile {
  path: string;
  bytes: number;
}

export interface ScanHit {
  file: string;
  needle: string;
  encoding: string;
  offset: number;
  /** Printable bytes around the hit. */
  context: string;
}

export interface ScanReport {
  root: string;
  files: ScannedFile[];
  totalBytes: number;
  hits: ScanHit[];
}

interface Variant {
  encoding: string;
  bytes: Buffer;
  /** Width of one character in this encoding, for the whole-token check. */
  unit: 1 | 2;
}

const asciiLower = (byte: number) => (byte >= 0x41 && byte <= 0x5a ? byte + 0x20 : byte);

function lowerBuffer(buffer: Buffer): Buffer {
  const out = Buffer.allocUnsafe(buffer.length);
  for (let i = 0; i < buffer.length; i += 1) out[i] = asciiLower(buffer[i] ?? 0);
  return out;
}

const jsonEscaped = (text: string) =>
  text.replace(/[^\x20-\x7e]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
const htmlEntities = (text: string) => text.replace(/[^\x20-\x7e]/gu, (c) => `&#${c.codePointAt(0) ?? 0};`);

/** The byte sequences a value may take on disk, lower-cased (ASCII) and without duplicates. */
export function variantsOf(text: string): Variant[] {
  const forms: [string, string][] = [
    ['utf-8', text],
    ['utf-8 NFD', text.normalize('NFD')],
    ['pourcent', encodeURIComponent(text)],
    ['pourcent +', encodeURIComponent(text).replace(/%20/gu, '+')],
    ['json \\u', jsonEscaped(text)],
    ['html &#', htmlEntities(text)],
  ];
  const seen = new Set<string>();
  const variants: Variant[] = [];
  for (const [encoding, form] of forms) {
    for (const [suffix, bytes, unit] of [
      ['', Buffer.from(form, 'utf8'), 1],
      [' (utf-16le)', Buffer.from(form, 'utf16le'), 2],
    ] as const) {
      const lowered = lowerBuffer(bytes);
      const key = lowered.toString('hex');
      if (seen.has(key)) continue;
      seen.add(key);
      variants.push({ encoding: `${encoding}${suffix}`, bytes: lowered, unit });
    }
  }
  return variants;
}

const isDigit = (byte: number | undefined) => byte !== undefined && byte >= 0x30 && byte <= 0x39;

function wholeToken(haystack: Buffer, at: number, length: number, unit: 1 | 2): boolean {
  return !isDigit(haystack[at - unit]) && !isDigit(haystack[at + length]);
}

function printable(buffer: Buffer, at: number, length: number): string {
  const from = Math.max(0, at - 40);
  const to = Math.min(buffer.length, at + length + 40);
  return [...buffer.subarray(from, to)].map((b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '·')).join('');
}

/** Hits of every needle in one buffer. */
export function scanBuffer(buffer: Buffer, needles: readonly Needle[], file = '(mémoire)'): ScanHit[] {
  const lowered = lowerBuffer(buffer);
  const hits: ScanHit[] = [];
  for (const needle of needles) {
    for (const variant of variantsOf(needle.text)) {
      for (let at = lowered.indexOf(variant.bytes); at >= 0; at = lowered.indexOf(variant.bytes, at + 1)) {
        if (needle.wholeNumber && !wholeToken(lowered, at, variant.bytes.length, variant.unit)) continue;
        hits.push({
          file,
          needle: needle.label,
          encoding: variant.encoding,
          offset: at,
          context: printable(buffer, at, variant.bytes.length),
        });
      }
    }
  }
  return hits;
}

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(path)));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

/** Every regular file under `root`, read whole and scanned. */
export async function scanTree(root: string, needles: readonly Needle[]): Promise<ScanReport> {
  const files: ScannedFile[] = [];
  const hits: ScanHit[] = [];
  let totalBytes = 0;
  for (const path of (await listFiles(root)).sort()) {
    const size = (await stat(path)).size;
    const name = relative(root, path);
    files.push({ path: name, bytes: size });
    totalBytes += size;
    hits.push(...scanBuffer(await readFile(path), needles, name));
  }
  return { root, files, totalBytes, hits };
}

/** The report as lines: what was scanned (by folder), and each hit. */
export function describeScan(report: ScanReport): string {
  const byFolder = new Map<string, { files: number; bytes: number }>();
  for (const file of report.files) {
    const folder = file.path.split(/[\\/]/u).slice(0, 2).join('/');
    const entry = byFolder.get(folder) ?? { files: 0, bytes: 0 };
    entry.files += 1;
    entry.bytes += file.bytes;
    byFolder.set(folder, entry);
  }
  return [
    `Analyse de ${report.root} : ${report.files.length} fichiers, ${(report.totalBytes / 1024).toFixed(0)} Kio`,
    ...[...byFolder].map(([folder, e]) => `  ${folder} — ${e.files} fichier(s), ${(e.bytes / 1024).toFixed(1)} Kio`),
    report.hits.length === 0
      ? 'Aucune donnée patient trouvée.'
      : `${report.hits.length} occurrence(s) de données patient :`,
    ...report.hits
      .slice(0, 30)
      .map((h) => `  ${h.needle} [${h.encoding}] dans ${h.file} @${h.offset} : …${h.context}…`),
  ].join('\n');
}
