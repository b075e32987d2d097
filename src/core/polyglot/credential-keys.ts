/**
 * Does a setting's key name a legacy Zoho credential? `ZOHO_API_KEY`, `ZOHO_TICKET`,
 * `zoho_crm_ticket`, `zohoApiKey`, `zoho.crm.apikey`, or `apikey` under a `zoho:` section: Zoho
 * must be named in the key or the sections around it, and the key must end with the credential.
 * `ZOHO_AUTHTOKEN` (the replacement), `ZOHO_TICKET_ID`, `STRIPE_API_KEY` and Zoho Desk keys
 * (whose tickets are help-desk tickets) are not.
 */
export function legacyCredentialOf(key: string, parents: readonly string[] = []): 'API key' | 'ticket' | undefined {
  const compact = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');
  const own = compact(key);
  const path = parents.map(compact).join('') + own;
  if (!path.includes('zoho') || path.includes('desk')) return undefined;
  if (own.endsWith('ticket')) return 'ticket';
  if (own.endsWith('apikey') || (own === 'key' && path.endsWith('apikey'))) return 'API key';
  return undefined;
}
