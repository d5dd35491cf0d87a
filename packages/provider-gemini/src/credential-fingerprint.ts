import { createHash } from 'node:crypto';

/** A short one-way fingerprint of a secret, so transport keys never hold it in clear. */
export function credentialFingerprint(secret: string | undefined): string {
  if (!secret) return 'none';
  return createHash('sha256').update(secret).digest('hex').slice(0, 16);
}
