import type { RuleId, Severity } from './findings.js';

/**
 * One place for every rule's metadata and wording (the typescript-eslint `messages` habit):
 * detectors report a rule id, a message id and data; the words live here.
 */
export interface RuleMeta {
  id: RuleId;
  severity: Severity;
  shortDescription: string;
  fullDescription: string;
  help: string;
  messages: Record<string, string>;
  /** `migrate --annotate`: the marker comment put above each flagged construct (after `zoho-authtoken: remove: `). */
  annotation?: string;
}

/** Every marker comment `migrate --annotate` writes starts with this; a line that has it is never marked twice. */
export const ANNOTATION_PREFIX = 'zoho-authtoken: remove:';

const RULE_TABLE = {
  'legacy-auth-params': {
    id: 'legacy-auth-params',
    severity: 'error',
    shortDescription: 'Zoho API request authenticates with the retired apikey and ticket parameters',
    fullDescription:
      'Zoho replaced the apikey + ticket pair (a ticket expired every 7 days) with one permanent ' +
      'authentication token sent as authtoken=<token>&scope=<service scope>. Requests that still ' +
      'send apikey or ticket are rejected.',
    help:
      'Run `zoho-authtoken-codemod migrate` to rewrite the request, or replace apikey with ' +
      'authtoken=<token>, remove ticket, and add scope=crmapi (or the service scope) by hand.',
    messages: {
      fixable: 'Zoho {{service}} request sends {{params}}; rewrite to authtoken + scope={{scope}}',
      fixableWithoutScope: 'Zoho {{service}} request sends {{params}}; rewrite to authtoken ({{service}} takes no scope)',
      unprovable:
        '{{params}} sent to an endpoint that could not be proven to be Zoho; if this is a Zoho request, replace them with authtoken=<token> and scope={{scope}} by hand',
      unfixable: 'Zoho {{service}} request sends {{params}}, but {{reason}}; rewrite it by hand',
      dynamic:
        '{{params}} set through {{how}}: write the parameter names out literally so the codemod can rewrite them, or replace them by hand with authtoken=<token> and scope={{scope}}',
      handwork: 'Zoho {{service}} request in {{language}} sends {{params}}; this tool does not rewrite {{language}}: replace them with {{replacement}} by hand',
      comment: 'A comment mentions a Zoho {{service}} URL that sends {{params}}; update it when the code is migrated',
      setting: '{{key}} holds the legacy Zoho {{credential}}; remove it and configure an authtoken instead',
      'unused-variable': '{{name}} held the Zoho {{param}} and is unused after the migration; remove it',
      'unused-env-variable':
        '{{name}} held the Zoho {{param}} (process.env.{{env}}) and is unused after the migration; remove it and retire {{env}}',
      'stored-credential':
        '{{key}} reads the legacy Zoho {{credential}}, and no request in this file sends it; once no other code reads it, remove it and its stored value',
      'kept-part':
        '`{{kept}}` follows the {{param}} value and was kept as written; check that it is not part of the {{param}} (now removed) and that it starts with &',
      'unused-env':
        'The migration removed the last read of process.env.{{env}} (the Zoho {{param}}) in this file; retire {{env}} once no other code reads it',
    },
  },
  'ticket-generation': {
    id: 'ticket-generation',
    severity: 'error',
    shortDescription: 'Code that obtains or ends a Zoho ticket',
    fullDescription:
      'Tickets came from a login to accounts.zoho.com with FROM_AGENT/LOGIN_ID/PASSWORD and ' +
      'were ended by a logout call. With an authtoken, this code is dead and should be deleted.',
    help: 'Delete the ticket login/logout code and read the authtoken from configuration instead.',
    messages: {
      login: 'Zoho ticket login: obsolete with an authtoken, delete it',
      loginUnparsed: 'Zoho ticket login: obsolete with an authtoken, delete it (found by a text scan: {{reason}})',
      logout: 'Zoho ticket logout: obsolete with an authtoken, delete it',
      response: 'Parses the Zoho ticket login answer (TICKET=/RESULT=/CAUSE=): obsolete with an authtoken, delete it',
      wrapper: '{{name}} wraps the Zoho ticket login: obsolete with an authtoken, delete it',
      call: 'Calls the Zoho ticket login ({{name}}): obsolete with an authtoken, delete it',
    },
    annotation: 'Zoho ticket login/logout is obsolete with an authtoken',
  },
  'ticket-regeneration': {
    id: 'ticket-regeneration',
    severity: 'error',
    shortDescription: 'Logic that exists only because Zoho tickets expired every 7 days',
    fullDescription:
      'Weekly timers, expiry checks, ticket caches and retries on error 4834 ("Invalid Ticket ' +
      'Id") kept a ticket alive. An authtoken does not expire weekly, so this code is dead.',
    help: 'Delete the regeneration logic; the authtoken is permanent until revoked.',
    messages: {
      regeneration: '7-day ticket regeneration: obsolete with an authtoken, delete it',
      timer: 'Timer that renews the Zoho ticket: obsolete with an authtoken, delete it',
      cron: 'Cron job that renews the Zoho ticket: obsolete with an authtoken, delete it',
      expiry: 'Zoho ticket expiry check: obsolete with an authtoken, delete it',
      cache: 'Zoho ticket cache: obsolete with an authtoken, delete it',
      retry: 'Retry on an expired Zoho ticket (error 4834, "Invalid Ticket Id"): obsolete with an authtoken, delete it',
      period: '7-day ticket lifetime ({{name}}): obsolete with an authtoken, delete it',
      call: 'Renews the Zoho ticket ({{name}}): obsolete with an authtoken, delete it',
    },
    annotation: '7-day ticket regeneration is obsolete with an authtoken',
  },
  'hardcoded-credential': {
    id: 'hardcoded-credential',
    severity: 'warning',
    shortDescription: 'A literal Zoho apikey, ticket or authtoken value in source',
    fullDescription:
      'Credential values committed to source leak through history and logs. Keep the ' +
      'authtoken in the environment or a secret store.',
    help: 'Move the value to an environment variable or secret store and rotate it.',
    messages: {
      literal: 'Hard-coded Zoho {{param}} value ({{masked}}); keep credentials out of source',
    },
  },
  'parse-error': {
    id: 'parse-error',
    severity: 'error',
    shortDescription: 'A candidate file could not be parsed',
    fullDescription:
      'The file mentions Zoho or legacy parameters but could not be parsed, so it was not ' +
      'rewritten. A text scan still reports legacy URLs in it.',
    help: 'Fix the syntax error, or check that the file extension matches its language.',
    messages: {
      syntax: 'Could not parse this file: {{reason}}',
    },
  },
  'unused-suppression': {
    id: 'unused-suppression',
    severity: 'note',
    shortDescription: 'An inline suppression comment that suppresses nothing',
    fullDescription:
      'A zoho-authtoken-ignore-next-line comment whose next line has no finding, or a ' +
      'zoho-authtoken-ignore-file comment in a file without findings. A stale suppression would ' +
      'silently hide legacy code that comes back later.',
    help: 'Delete the comment, or move it to the line just above the construct it is meant to silence.',
    messages: {
      nextLine: 'zoho-authtoken-ignore-next-line suppresses nothing on line {{line}}; delete it',
      file: 'zoho-authtoken-ignore-file suppresses nothing in this file; delete it',
    },
  },
} as const satisfies Record<RuleId, RuleMeta>;

/** The table as the library and the reporters read it; the typed view below keeps its literal messages. */
export const RULES: Record<RuleId, RuleMeta> = RULE_TABLE;

type Messages<R extends RuleId> = (typeof RULE_TABLE)[R]['messages'];

/** The message ids of a rule, from the table: a typo in a detector's `messageId` fails the type-check. */
export type MessageId<R extends RuleId> = keyof Messages<R> & string;

/** The `{{key}}` placeholders of a message template. */
type Placeholders<T> = T extends `${string}{{${infer Key}}}${infer Rest}` ? Key | Placeholders<Rest> : never;

/**
 * The `data` a message needs: every placeholder of its template (a missing one would print
 * `{{key}}`); optional for a message without any. Extra keys are allowed, so one object can serve
 * the messages of a choice (`isLogin ? 'login' : 'unfixable'`).
 */
export type MessageData<R extends RuleId, M extends MessageId<R>> = [Placeholders<Messages<R>[M]>] extends [never]
  ? { data?: Readonly<Record<string, string>> }
  : { data: Readonly<Record<Placeholders<Messages<R>[M]>, string> & Record<string, string>> };

/** A rule, one of its messages and that message's data: what a draft finding names (see context.ts). */
export type RuleMessage = {
  [R in RuleId]: { [M in MessageId<R>]: { ruleId: R; messageId: M } & MessageData<R, M> }[MessageId<R>];
}[RuleId];

export function formatMessage({ ruleId, messageId, data = {} }: RuleMessage): string {
  const template = RULES[ruleId].messages[messageId];
  if (template === undefined) throw new Error(`no message ${messageId} for rule ${ruleId}`);
  const values: Readonly<Record<string, string>> = data;
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? `{{${key}}}`);
}
