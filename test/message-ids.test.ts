import { describe, expect, it } from 'vitest';
import type { DraftFinding } from '../src/core/context.js';
import { formatMessage, RULES, type MessageId } from '../src/core/rules.js';
import { RULE_IDS } from '../src/core/findings.js';

/**
 * Message ids and their `{{data}}` keys are typed from the rule table: `npm run typecheck` (tsc
 * over test/ too) fails when a `@ts-expect-error` below stops being an error, that is, when a typo
 * or a missing key would get through again. The runtime half checks the table itself.
 */
const place = { start: 0, end: 1, fixable: false };

export const TYPED: DraftFinding[] = [
  { ruleId: 'legacy-auth-params', messageId: 'unfixable', data: { service: 'CRM', params: 'apikey', reason: 'why' }, ...place },
  { ruleId: 'ticket-generation', messageId: 'login', ...place },
  // Extra keys are allowed: one object may serve the messages of a choice.
  { ruleId: 'ticket-regeneration', messageId: 'period', data: { name: 'WEEK', extra: 'x' }, ...place },
  // @ts-expect-error a message id the rule does not have (a typo)
  { ruleId: 'legacy-auth-params', messageId: 'unfixabel', data: { service: 'CRM', params: 'apikey', reason: 'why' }, ...place },
  // @ts-expect-error a message of another rule
  { ruleId: 'ticket-generation', messageId: 'unfixable', data: { service: 'CRM', params: 'apikey', reason: 'why' }, ...place },
  // @ts-expect-error a placeholder of the template ({{reason}}) missing from the data
  { ruleId: 'legacy-auth-params', messageId: 'unfixable', data: { service: 'CRM', params: 'apikey' }, ...place },
  // @ts-expect-error a message with placeholders needs its data
  { ruleId: 'ticket-generation', messageId: 'wrapper', ...place },
];

export const LOGIN: MessageId<'ticket-generation'> = 'login';

describe('message ids typed from the rule table', () => {
  it('every template placeholder is a word, so the type and formatMessage read the same keys', () => {
    for (const id of RULE_IDS) {
      for (const template of Object.values(RULES[id].messages)) {
        expect(template.replace(/\{\{\w+\}\}/g, '')).not.toMatch(/\{\{|\}\}/);
      }
    }
  });

  it('formats a typed draft', () => {
    expect(formatMessage(TYPED[0]!)).toBe('Zoho CRM request sends apikey, but why; rewrite it by hand');
  });
});
