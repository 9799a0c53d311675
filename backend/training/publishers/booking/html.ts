// The frame of every booking page: French, marked FORMATION, the publisher's name as the first heading, one small
// stylesheet served by the publisher itself. Pages carry no script at all, so the CSP can forbid every script and
// every inline style: forms and links do the whole job (a test client, or a browser without JavaScript, can too).
import type { ServerResponse } from 'node:http';
import { escapeHtml } from '@backend/identity/html';

export { escapeHtml };

const STYLESHEET_PATH = '/rdv/style.css';
const TRAINING_BANNER = 'FORMATION — éditeur simulé, aucune donnée réelle';

/** No script anywhere, styles only from our own stylesheet, forms only to ourselves, never framed. */
const BOOKING_CSP =
  "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

export interface LayoutInput {
  publisherName: string;
  /** Title of this page (second-level heading and window title). */
  title: string;
  /** Already-escaped HTML of the page body. */
  body: string;
}

export function renderLayout({ publisherName, title, body }: LayoutInput): string {
  const name = escapeHtml(publisherName);
  return (
    '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>${escapeHtml(title)} — ${name}</title>` +
    `<link rel="stylesheet" href="${STYLESHEET_PATH}"></head>` +
    `<body><div class="banner" role="note">${escapeHtml(TRAINING_BANNER)}</div>` +
    `<header><h1 id="publisher-name">${name}</h1><p class="muted">Prise de rendez-vous en ligne</p></header>` +
    `<main><h2>${escapeHtml(title)}</h2>${body}</main></body></html>`
  );
}

const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': BOOKING_CSP,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  // The callback URL carries an authorization code: never leak it to another site.
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

export function sendPage(
  response: ServerResponse,
  status: number,
  html: string,
  cookies: readonly string[] = [],
): void {
  response.statusCode = status;
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
  if (cookies.length > 0) response.setHeader('set-cookie', [...cookies]);
  response.setHeader('content-type', 'text/html; charset=utf-8');
  response.end(html);
}

export function sendRedirect(response: ServerResponse, location: string, cookies: readonly string[] = []): void {
  response.statusCode = 303;
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
  if (cookies.length > 0) response.setHeader('set-cookie', [...cookies]);
  response.setHeader('location', location);
  response.setHeader('content-length', '0');
  response.end();
}

const STYLESHEET = [
  'body{font-family:system-ui,sans-serif;max-width:48rem;margin:0 auto;padding:0 1rem 2rem;color:#161616;line-height:1.4}',
  '.banner{background:#b34000;color:#fff;font-weight:700;letter-spacing:.08em;padding:.5rem 1rem;text-align:center;margin:0 -1rem}',
  'header{border-bottom:2px solid #000091;margin-bottom:1rem}header h1{margin:.75rem 0 0;color:#000091}',
  '.muted{color:#666}.error{color:#ce0500;font-weight:600}.ok{color:#18753c;font-weight:600}',
  '.regulator{background:#e3e3fd;padding:.5rem .75rem;border-radius:4px}',
  '.days{display:flex;flex-wrap:wrap;gap:1rem;list-style:none;padding:0}.days>li{min-width:10rem}',
  '.slots{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.25rem}',
  '.slots a{display:inline-block;padding:.25rem .5rem;border:1px solid #000091;border-radius:4px;color:#000091;text-decoration:none}',
  '.slots a[aria-current]{background:#000091;color:#fff;font-weight:700}',
  'fieldset{margin:1rem 0;border:1px solid #ccc}label{display:block;margin:.5rem 0 .1rem}',
  'input{font-size:1rem;padding:.25rem}',
  'button{font-size:1rem;padding:.5rem 1rem;margin:.5rem .5rem .5rem 0;cursor:pointer}',
  '.actions form{display:inline}',
  'dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dt{font-weight:600}dd{margin:0}',
].join('\n');

export function sendStylesheet(response: ServerResponse): void {
  response.statusCode = 200;
  response.setHeader('content-type', 'text/css; charset=utf-8');
  response.setHeader('x-content-type-options', 'nosniff');
  response.setHeader('cache-control', 'public, max-age=3600');
  response.end(STYLESHEET);
}
