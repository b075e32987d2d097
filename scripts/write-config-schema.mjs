// Writes schema/zoho-authtoken.config.schema.json from the zod schema (src/config/schema.ts), as
// built in dist/. `npm run schema`; test/config-schema.test.ts fails while the file is stale.
import { mkdirSync, writeFileSync } from 'node:fs';
import { configJsonSchema, CONFIG_JSON_SCHEMA_FILE } from '../dist/src/config/json-schema.js';

const file = new URL(`../${CONFIG_JSON_SCHEMA_FILE}`, import.meta.url);
mkdirSync(new URL('.', file), { recursive: true });
writeFileSync(file, `${JSON.stringify(configJsonSchema(), null, 2)}\n`);
console.log(`wrote ${CONFIG_JSON_SCHEMA_FILE}`);
