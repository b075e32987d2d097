// The class lives in src/usage-error.ts (configuration errors extend it); the runner's modules still import it from here.
export { UsageError } from '../usage-error.js';
