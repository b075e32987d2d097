import { z } from 'zod';
import { RULE_IDS, type RuleId } from '../core/findings.js';
import { RULE_SETTINGS, scopeProblem, tokenExprProblem } from '../core/options.js';
import { RULES } from '../core/rules.js';
import { ZOHO_SERVICES } from '../core/zoho/services.js';
import { legacyParamNames } from '../core/zoho/legacy-param-names.js';

/**
 * The configuration file (`zoho-authtoken.config.json`, package.json `"zohoAuthtoken"`, or
 * `--config <file>`), as one strict zod schema: an unknown key or a wrong type anywhere is an
 * error that names the key path. `schema/zoho-authtoken.config.schema.json` is generated from it
 * (`npm run schema`), so editors complete and check the file through its `$schema`.
 */

/** The legacy parameter names the detectors look for: a table may only choose among them. */
const { apiKey: KNOWN_API_KEY_PARAMS, ticket: KNOWN_TICKET_PARAMS } = legacyParamNames();

/** A check from src/core/options.ts as a zod refinement that keeps its own wording. */
function problemCheck(problemOf: (value: string) => string | undefined) {
  return (value: string, context: z.RefinementCtx) => {
    const problem = problemOf(value);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  };
}

function isRegExp(source: string): boolean {
  try {
    new RegExp(source, 'i');
    return true;
  } catch {
    return false;
  }
}

const oneLine = (what: string) =>
  z.string().refine((text) => !/[\r\n\u2028\u2029]/.test(text), { message: `${what} must be one line` });

const ruleSetting = z.enum(RULE_SETTINGS).meta({ description: 'error and warning are reported, error fails `check`; off turns the rule off everywhere' });

const rulesShape = Object.fromEntries(
  RULE_IDS.map((id) => [id, ruleSetting.optional().meta({ description: `${RULES[id].shortDescription} (default ${RULES[id].severity}; docs/rules/${id}.md)` })]),
) as Record<RuleId, z.ZodOptional<typeof ruleSetting>>;

/**
 * One entry of the Zoho service table (src/core/zoho/services.ts), as JSON: the entry with the
 * `id` of a built-in service changes the fields it gives; an entry with a new `id` adds a service
 * and must give every field but `hasPathStyleParams`. `apiPath` is a regular expression as a string, matched
 * case-insensitively against the URL path.
 */
export const serviceEntrySchema = z
  .strictObject({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'expected a lower-case id such as "crm"').meta({ description: `a built-in service (${ZOHO_SERVICES.map((s) => s.id).join(', ')}) to change, or a new one` }),
    name: z.string().min(1).optional().meta({ description: 'shown in messages: "Zoho <name> request ..."' }),
    hostLabels: z
      .array(z.string().regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i, 'expected a host label such as "crm" (of crm.zoho.com)'))
      .min(1)
      .optional()
      .meta({ description: 'first label of the API host, before .zoho.<data centre>' }),
    apiPath: z
      .string()
      .regex(/^\^\\?\//, 'expected a regular expression anchored at the start of the path, such as "^/crm/private/"')
      .refine(isRegExp, { message: 'not a valid regular expression' })
      .optional()
      .meta({ description: 'regular expression (as a string, starting with ^/) for the API paths of the service' }),
    scope: z
      .string()
      .superRefine(problemCheck(scopeProblem))
      .nullable()
      .optional()
      .meta({ description: 'the scope its authtoken takes; null when it takes none (Reports). CRM requests use the top-level "scope".' }),
    apiKeyParams: z.array(z.enum(KNOWN_API_KEY_PARAMS as [string, ...string[]])).optional().meta({ description: 'query parameters that carried the API key' }),
    ticketParams: z.array(z.enum(KNOWN_TICKET_PARAMS as [string, ...string[]])).optional().meta({ description: 'query parameters that carried the 7-day ticket' }),
    hasPathStyleParams: z
      .boolean()
      .optional()
      .meta({ description: 'the legacy parameters may be written as the last path segment (/api/xml/read/apikey=K&ticket=T): the rewrite turns that / into ?. Default false (true for the built-in Creator)' }),
  })
  .meta({ description: 'changes a built-in Zoho service (by id) or adds one (every field required)' });

export type ServiceEntry = z.infer<typeof serviceEntrySchema>;

export const configSchema = z
  .strictObject({
    $schema: z.string().optional().meta({ description: 'the JSON Schema of this file, for editor completion' }),
    tokenExpr: z
      .string()
      .superRefine(problemCheck(tokenExprProblem))
      .optional()
      .meta({ description: 'expression inserted as the authtoken value (--token-expr); default process.env.ZOHO_CRM_AUTHTOKEN' }),
    scope: z
      .string()
      .superRefine(problemCheck(scopeProblem))
      .optional()
      .meta({ description: 'scope for CRM requests (--scope); default crmapi' }),
    services: z.array(serviceEntrySchema).optional().meta({ description: 'changes to the Zoho service table: hosts, API paths, scopes, legacy parameter names' }),
    include: z
      .array(z.string().min(1))
      .optional()
      .meta({ description: 'globs, relative to this file\'s folder: only matching files are analysed (default: every JS/TS file)' }),
    ignore: z
      .array(z.string().min(1))
      .optional()
      .meta({ description: 'globs, relative to this file\'s folder: matching files are never analysed (added to --ignore, .gitignore and node_modules)' }),
    rules: z.strictObject(rulesShape).optional().meta({ description: 'severity per rule id: error, warning, note or off' }),
    annotateComment: oneLine('annotateComment')
      .refine((text) => !text.includes('*/'), { message: 'annotateComment must not contain */' })
      .refine((text) => text.trim() !== '', { message: 'annotateComment must not be empty' })
      .optional()
      .meta({ description: 'text of the marker comment `migrate --annotate` puts above flagged ticket code (after "zoho-authtoken: remove:")' }),
    removeTicketCode: z
      .union([z.boolean(), z.literal('exports')])
      .optional()
      .meta({ description: 'migrate and report also delete the ticket code the rewrite made dead (--remove-ticket-code); "exports" also removes exports no scanned module imports. Default false' }),
    tokenExprs: z
      .strictObject({
        php: oneLine('tokenExprs.php').refine((text) => text.trim() !== '', { message: 'tokenExprs.php must not be empty' }).optional().meta({ description: "PHP expression; default getenv('ZOHO_CRM_AUTHTOKEN')" }),
        python: oneLine('tokenExprs.python').refine((text) => text.trim() !== '', { message: 'tokenExprs.python must not be empty' }).optional().meta({ description: "Python expression; default os.environ['ZOHO_CRM_AUTHTOKEN'] (migrate adds `import os` where it is missing)" }),
        ruby: oneLine('tokenExprs.ruby').refine((text) => text.trim() !== '', { message: 'tokenExprs.ruby must not be empty' }).optional().meta({ description: "Ruby expression; default ENV['ZOHO_CRM_AUTHTOKEN']" }),
      })
      .optional()
      .meta({ description: 'the authtoken expression migrate inserts in PHP, Python and Ruby files (tokenExpr is JavaScript)' }),
  })
  .meta({ title: 'zoho-authtoken-codemod configuration', description: 'zoho-authtoken.config.json, or "zohoAuthtoken" in package.json' });

export type ConfigFile = z.infer<typeof configSchema>;
