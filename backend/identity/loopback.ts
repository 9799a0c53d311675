// Plain HTTP is tolerated only towards this machine (training PSC, tests): never for a remote server.

/** True when the URL's host is a loopback address (127.0.0.0/8, ::1, localhost). */
export function isLoopbackUrl(value: string | URL): boolean {
  let url: URL;
  try {
    url = typeof value === 'string' ? new URL(value) : value;
  } catch {
    return false;
  }
  const host = url.hostname.replace(/^\[|\]$/gu, '').toLowerCase();
  if (host === 'localhost' || host === '::1') return true;
  return /^127(?:\.\d{1,3}){3}$/u.test(host);
}

/** True when the URL may be used: HTTPS anywhere, HTTP only on loopback. */
export function isAllowedTransport(value: string | URL): boolean {
  let url: URL;
  try {
    url = typeof value === 'string' ? new URL(value) : value;
  } catch {
    return false;
  }
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && isLoopbackUrl(url);
}
