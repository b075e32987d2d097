import { z } from 'zod';
import { configSchema } from './schema.js';

/** Where the package publishes the JSON Schema (package.json `files`), relative to its root. */
export const CONFIG_JSON_SCHEMA_FILE = 'schema/zoho-authtoken.config.schema.json';

/**
 * The JSON Schema editors read through `$schema`: generated from the zod schema, never edited by
 * hand. Draft-07, the draft editors' JSON language services know best; input types, so optional
 * keys stay optional.
 */
export function configJsonSchema(): Record<string, unknown> {
  return {
    ...(z.toJSONSchema(configSchema, { target: 'draft-7', io: 'input' }) as Record<string, unknown>),
    $id: 'zoho-authtoken.config.schema.json',
  };
}
