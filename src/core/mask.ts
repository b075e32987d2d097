/** What stands in for a credential value in every output. */
export const MASK = '****';

/** Shortest value masked: shorter strings are not credentials and masking them would garble output. */
const MIN_SECRET_LENGTH = 6;

/** Replaces every occurrence of every secret, longest first so one secret inside another is masked whole. */
export function maskSecrets(text: string, secrets: Iterable<string>): string {
  const list = [...new Set(secrets)].filter((secret) => secret.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length);
  let masked = text;
  for (const secret of list) masked = masked.split(secret).join(MASK);
  return masked;
}
