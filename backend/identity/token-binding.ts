// Whether a verified access token was presented the way its binding asks: a token bound to a key (cnf.jkt) only with
// the DPoP scheme and a valid proof of that key; an unbound token only as a bearer (a DPoP scheme on an unbound token
// is refused too, RFC 9449 §7.1). Unbound tokens remain for the tests' own clients; the provider gives the console
// only bound ones (its client requires DPoP).
import type { PresentedToken } from '../api/auth';
import type { DpopProofVerifier, ProofCheck } from './dpop-proof';

export async function boundCorrectly(
  presented: PresentedToken,
  jkt: string | undefined,
  proofs: DpopProofVerifier,
): Promise<ProofCheck> {
  if (jkt === undefined)
    return presented.scheme === 'Bearer' ? { ok: true } : { ok: false, reason: 'DPoP scheme on an unbound token' };
  if (presented.scheme !== 'DPoP') return { ok: false, reason: 'bound token presented as a bearer' };
  if (!presented.proof) return { ok: false, reason: 'no DPoP proof' };
  return proofs.verify({
    proof: presented.proof,
    method: presented.method,
    path: presented.path,
    accessToken: presented.token,
    jkt,
  });
}
