/** What stands in for a credential value in every output. */
export const MASK = '****';

/** Shortest value masked: shorter strings are not credentials and masking them would garble output. */
const MIN_SECRET_LENGTH = 6;

/**
 * A password in a login URL is masked by position too: a short one is below MIN_SECRET_LENGTH,
 * yet it is still a password (DESIGN §1: accounts.zoho.com/login?...&PASSWORD=<pw>).
 */
const PASSWORD_PARAM = /([?&](?:password|passwd)=)(?![$%{<])[^&#\s'"`<>{}()+,;\\]+/gi;

/**
 * Replaces every occurrence of every secret, longest first so one secret inside another is
 * masked whole, then every password query value.
 */
export function maskSecrets(text: string, secrets: Iterable<string>): string {
  const list = [...new Set(secrets)].filter((secret) => secret.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length);
  let masked = text;
  for (const secret of list) masked = masked.split(secret).join(MASK);
  return masked.replace(PASSWORD_PARAM, `$1${MASK}`);
}
