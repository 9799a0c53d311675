// A tiny "browser" for the identity tests: a cookie jar (host-wide like real browsers, ports ignored), redirects
// followed, and the server-rendered forms of the login pages parsed and submitted. Tests play the user with it,
// and can tamper with any URL before it is requested (to act as an attacker in the refusal tests).

export interface Page {
  url: string;
  status: number;
  body: string;
  /** Every URL visited while following redirects, request order. */
  chain: string[];
}

interface FormField {
  name: string;
  value: string;
  type: string;
  checked: boolean;
}

export interface ParsedForm {
  action: string;
  method: string;
  fields: FormField[];
}

interface Cookie {
  name: string;
  value: string;
  host: string;
  path: string;
  expires?: number;
}

const decode = (s: string): string =>
  s
    .replace(/&quot;/gu, '"')
    .replace(/&#39;/gu, "'")
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&amp;/gu, '&');

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}\\s*=\\s*"([^"]*)"`, 'iu').exec(tag);
  return match?.[1] === undefined ? undefined : decode(match[1]);
}

/** Forms of a page (only what our pages use: input and button elements). */
export function parseForms(html: string, pageUrl: string): ParsedForm[] {
  const forms: ParsedForm[] = [];
  for (const match of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/giu)) {
    const tag = match[1] ?? '';
    const inner = match[2] ?? '';
    const fields: FormField[] = [];
    for (const input of inner.matchAll(/<input\b([^>]*)>/giu)) {
      const attrs = input[1] ?? '';
      const name = attribute(attrs, 'name');
      if (!name) continue;
      fields.push({
        name,
        value: attribute(attrs, 'value') ?? '',
        type: (attribute(attrs, 'type') ?? 'text').toLowerCase(),
        checked: /\schecked\b/iu.test(attrs),
      });
    }
    forms.push({
      action: new URL(attribute(tag, 'action') ?? pageUrl, pageUrl).href,
      method: (attribute(tag, 'method') ?? 'get').toUpperCase(),
      fields,
    });
  }
  return forms;
}

function links(html: string, pageUrl: string): { href: string; text: string }[] {
  return [...html.matchAll(/<a\b[^>]*\shref="([^"]*)"[^>]*>([\s\S]*?)<\/a>/giu)].map((m) => ({
    href: new URL(decode(m[1] ?? ''), pageUrl).href,
    text: decode((m[2] ?? '').replace(/<[^>]+>/gu, '')).trim(),
  }));
}

/** Visible text of a page, for assertions on French messages. */
export function textOf(html: string): string {
  return decode(html.replace(/<style[\s\S]*?<\/style>/giu, '').replace(/<[^>]+>/gu, ' '))
    .replace(/\s+/gu, ' ')
    .trim();
}

export class TestBrowser {
  private cookies: Cookie[] = [];
  /** Called on every URL before it is requested; return another URL to tamper with the navigation. */
  rewrite: (url: string) => string = (url) => url;
  /** Every URL requested, in order. */
  readonly history: string[] = [];

  cookieNames(): string[] {
    this.dropExpired();
    return this.cookies.map((c) => c.name);
  }

  private dropExpired(): void {
    const now = Date.now();
    this.cookies = this.cookies.filter((c) => c.expires === undefined || c.expires > now);
  }

  private cookieHeader(url: URL): string {
    this.dropExpired();
    return this.cookies
      .filter(
        (c) =>
          c.host === url.hostname &&
          (url.pathname === c.path || url.pathname.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`)),
      )
      .sort((a, b) => b.path.length - a.path.length)
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
  }

  private store(url: URL, header: string): void {
    const [pair, ...attrs] = header.split(';');
    const eq = pair?.indexOf('=') ?? -1;
    if (!pair || eq < 1) return;
    const cookie: Cookie = {
      name: pair.slice(0, eq).trim(),
      value: pair.slice(eq + 1).trim(),
      host: url.hostname,
      path: '/',
    };
    for (const attr of attrs) {
      const [rawKey, ...rest] = attr.split('=');
      const key = rawKey?.trim().toLowerCase();
      const value = rest.join('=').trim();
      if (key === 'path' && value.startsWith('/')) cookie.path = value;
      if (key === 'expires') cookie.expires = Date.parse(value);
      if (key === 'max-age') cookie.expires = Date.now() + Number(value) * 1000;
    }
    this.cookies = this.cookies.filter(
      (c) => !(c.name === cookie.name && c.path === cookie.path && c.host === cookie.host),
    );
    if (cookie.expires === undefined || cookie.expires > Date.now()) this.cookies.push(cookie);
  }

  /** One request, redirects followed (GET after 301/302/303), cookies kept. */
  async request(method: string, target: string, body?: URLSearchParams): Promise<Page> {
    const chain: string[] = [];
    let url = this.rewrite(target);
    let currentMethod = method;
    let currentBody = body;
    for (let hop = 0; hop < 30; hop += 1) {
      const parsed = new URL(url);
      chain.push(url);
      this.history.push(url);
      const headers: Record<string, string> = { accept: 'text/html' };
      const cookie = this.cookieHeader(parsed);
      if (cookie) headers['cookie'] = cookie;
      if (currentBody) headers['content-type'] = 'application/x-www-form-urlencoded';
      const response = await fetch(url, {
        method: currentMethod,
        headers,
        body: currentBody?.toString(),
        redirect: 'manual',
      });
      for (const setCookie of response.headers.getSetCookie()) this.store(parsed, setCookie);
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        await response.arrayBuffer();
        url = this.rewrite(new URL(location, url).href);
        if (response.status !== 307 && response.status !== 308) {
          currentMethod = 'GET';
          currentBody = undefined;
        }
        continue;
      }
      return { url, status: response.status, body: await response.text(), chain };
    }
    throw new Error(`too many redirects from ${target}`);
  }

  get(url: string): Promise<Page> {
    return this.request('GET', url);
  }

  /** Submits a form of the page: fields keep their values (checked radios only) unless overridden. */
  submit(page: Page, values: Record<string, string> = {}, formIndex = 0): Promise<Page> {
    const form = parseForms(page.body, page.url)[formIndex];
    if (!form) throw new Error(`no form #${formIndex} on ${page.url}: ${textOf(page.body).slice(0, 300)}`);
    const body = new URLSearchParams();
    for (const field of form.fields) {
      if (field.name in values) continue;
      if ((field.type === 'radio' || field.type === 'checkbox') && !field.checked) continue;
      body.append(field.name, field.value);
    }
    for (const [name, value] of Object.entries(values)) body.append(name, value);
    return form.method === 'POST'
      ? this.request('POST', form.action, body)
      : this.get(`${form.action.split('?')[0]}?${body}`);
  }

  /** Follows the link whose text contains `text`. */
  follow(page: Page, text: string): Promise<Page> {
    const link = links(page.body, page.url).find((l) => l.text.includes(text));
    if (!link) throw new Error(`no link « ${text} » on ${page.url}: ${textOf(page.body).slice(0, 300)}`);
    return this.get(link.href);
  }
}
