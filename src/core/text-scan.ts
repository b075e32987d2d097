import { classifyRequestText } from './zoho/endpoint.js';
import type { ZohoService } from './zoho/services.js';

export interface TextMatch {
  start: number;
  end: number;
  kind: 'legacy-url' | 'ticket-login';
}

const URL_IN_TEXT = /(?:https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}[^\s'"`<>)]*/gi;

/**
 * A last-resort scan of raw text for files that do not parse: Zoho API URLs that still carry
 * apikey/ticket, and ticket login/logout URLs. Reported, never rewritten.
 */
export function scanTextForLegacyUrls(text: string, services?: readonly ZohoService[]): TextMatch[] {
  const matches: TextMatch[] = [];
  for (const match of text.matchAll(URL_IN_TEXT)) {
    const url = match[0];
    const endpoint = classifyRequestText(url, services);
    const start = match.index ?? 0;
    if (endpoint?.kind === 'accounts' && /\/(login|logout)\b/i.test(url) && /FROM_AGENT|LOGIN_ID|ticket=/i.test(url)) {
      matches.push({ start, end: start + url.length, kind: 'ticket-login' });
    } else if (endpoint?.kind === 'service' && /[?&](apikey|ticket|ZOHO_API_KEY)=/i.test(url)) {
      matches.push({ start, end: start + url.length, kind: 'legacy-url' });
    }
  }
  return matches;
}
