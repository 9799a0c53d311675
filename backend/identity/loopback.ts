// Plain HTTP is tolerated only towards this machine (training PSC, tests): never for a remote server.
import { isLoopbackUrl } from '@shared/util/loopback';

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
