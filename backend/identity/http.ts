// Plain Node `http` helpers shared by the identity routes and the training PSC: the handlers are mounted on
// servers built elsewhere (backend/app.ts, the training PSC), so nothing here assumes a framework.
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Largest form body accepted (login forms carry a few short fields). */
export const MAX_FORM_BYTES = 16 * 1024;

export type FormResult = { ok: true; fields: URLSearchParams } | { ok: false; message: string };

/** Reads an `application/x-www-form-urlencoded` body, bounded in size. Never throws. */
export async function readForm(req: IncomingMessage, maxBytes = MAX_FORM_BYTES): Promise<FormResult> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') {
    return { ok: false, message: 'Formulaire attendu (application/x-www-form-urlencoded).' };
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of req) {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
      size += buffer.length;
      if (size > maxBytes) return { ok: false, message: 'Formulaire trop volumineux.' };
      chunks.push(buffer);
    }
  } catch {
    return { ok: false, message: 'Formulaire interrompu.' };
  }
  return { ok: true, fields: parseFormBody(Buffer.concat(chunks).toString('utf8')) };
}

/** Parses a url-encoded body; malformed escapes are kept literally rather than throwing. */
export function parseFormBody(body: string): URLSearchParams {
  return new URLSearchParams(body);
}

export function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  // Pages are static HTML: no script, no framing.
  res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.end(html);
}

export function redirect(res: ServerResponse, location: string): void {
  res.statusCode = 303;
  res.setHeader('Location', location);
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Content-Length', '0');
  res.end();
}

export function sendText(res: ServerResponse, status: number, text: string): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.end(text);
}

/** The request path and query, parsed against a dummy origin (only path/search are used). */
export function requestUrl(req: IncomingMessage): URL {
  return new URL(req.url ?? '/', 'http://localhost');
}
