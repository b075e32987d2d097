import { UsageError } from '../usage-error.js';

/**
 * A configuration problem: one line naming the file and the key path, exit code 2. Its own
 * module, so that a run without a configuration file never loads zod, a large share of start-up.
 */
export class ConfigError extends UsageError {}
