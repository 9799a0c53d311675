// Small server-rendered French pages (login steps, refusals, logout). No script is needed to use them: a test, or a
// browser with JavaScript off, can follow every step with plain links and forms.

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for an HTML text node or a quoted attribute value. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/gu, (c) => HTML_ESCAPES[c] ?? c);
}

export interface PageOptions {
  title: string;
  /** Already-escaped HTML for the body. */
  body: string;
  /** A banner shown above everything (e.g. « FORMATION »), escaped here. */
  banner?: string;
  /** Follow this URL after a few seconds (meta refresh: no script needed under a strict CSP). */
  refreshTo?: string;
}

const STYLE = [
  'body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#161616}',
  '.banner{background:#b34000;color:#fff;font-weight:700;letter-spacing:.1em;padding:.5rem 1rem;text-align:center}',
  'fieldset{margin:1rem 0;border:1px solid #ccc}label{display:block;margin:.25rem 0}',
  'button{font-size:1rem;padding:.5rem 1rem;margin:.5rem .5rem .5rem 0}',
  '.error{color:#ce0500;font-weight:600}.muted{color:#666}',
].join('');

/** A complete French HTML document. */
export function renderPage({ title, body, banner, refreshTo }: PageOptions): string {
  // A refused login also tells the console, a few seconds later, so the regulator sees it there too.
  const refresh = refreshTo ? `<meta http-equiv="refresh" content="4;url=${escapeHtml(refreshTo)}">` : '';
  const bannerHtml = banner ? `<div class="banner" role="status">${escapeHtml(banner)}</div>` : '';
  return (
    `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">${refresh}` +
    `<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>` +
    `<body>${bannerHtml}<main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`
  );
}
