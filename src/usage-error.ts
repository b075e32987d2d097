/** A problem with the run as a whole (not one file): exit code 2 with this one line. */
export class UsageError extends Error {}
