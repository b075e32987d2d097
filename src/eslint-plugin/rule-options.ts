import { z } from 'zod';
import type { CoreOptions } from '../core/options.js';
import { describeIssues } from '../config/errors.js';
import { configSchema } from '../config/schema.js';
import { mergeServiceTable } from '../config/services.js';

/**
 * The options every rule of the plugin takes: the analysis keys of the configuration file
 * (`tokenExpr`, `scope`, `services`), checked by the same zod schema, so a rule option means
 * exactly what the config key means. File selection (`include`/`ignore`) and severities (`rules`)
 * are ESLint's own business in a flat config, so they are not options here.
 */
export const ruleOptionsSchema = configSchema.pick({ tokenExpr: true, scope: true, services: true });

/** A JSON Schema object, as ESLint's `meta.schema` takes it. */
export type JsonSchema = Record<string, unknown>;

export type RuleOptions = z.infer<typeof ruleOptionsSchema>;

/**
 * `meta.schema`, generated from the zod schema like the published config JSON Schema. Draft-04,
 * the draft ESLint's ajv validates with; what JSON Schema cannot say (a token expression that does
 * not parse, a service merge that lacks fields) is checked by `coreOptionsOfRule` when a rule starts.
 */
export const RULE_OPTIONS_JSON_SCHEMA: JsonSchema[] = [stripSchemaKeywords(z.toJSONSchema(ruleOptionsSchema, { target: 'draft-4', io: 'input' }) as JsonSchema)];

/** ESLint builds its own root schema around each option: a `$schema` inside it would be a second root. */
function stripSchemaKeywords(schema: JsonSchema): JsonSchema {
  const { $schema: _ignored, ...rest } = schema;
  return rest;
}

/** Thrown from a rule's `create` for options ajv let through but the core cannot use: ESLint shows it as a configuration error. */
export class RuleOptionsError extends Error {}

/** A rule's options as the core takes them; `where` names the rule in the error. */
export function coreOptionsOfRule(value: unknown, where: string): CoreOptions {
  const parsed = ruleOptionsSchema.safeParse(value ?? {});
  if (!parsed.success) throw new RuleOptionsError(`${where}: ${describeIssues(parsed.error.issues, value)}`);
  const { tokenExpr, scope, services } = parsed.data;
  const options: CoreOptions = {};
  if (tokenExpr !== undefined) options.tokenExpr = tokenExpr;
  if (scope !== undefined) options.scope = scope;
  if (services !== undefined) {
    const merged = mergeServiceTable(services);
    if (!merged.ok) throw new RuleOptionsError(`${where}: services[${merged.index}]: ${merged.problem}`);
    options.services = merged.services;
  }
  return options;
}
