/**
 * Fixture pairs the request oracle does not run, each with the reason. Everything else under
 * fixtures/transforms is executed (test/request-oracle.test.ts fails on a pair that neither runs
 * nor is listed here).
 */
export const NOT_EXECUTABLE: Readonly<Record<string, string>> = {
  'embedded/*': 'markup files (Vue, Svelte, HTML): their scripts are analysed in place, not run as modules',
};

export function notExecutableReason(name: string): string | undefined {
  for (const [pattern, reason] of Object.entries(NOT_EXECUTABLE)) {
    const isMatch = pattern.endsWith('/*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern;
    if (isMatch) return reason;
  }
  if (!/\.(js|jsx|ts|tsx|mjs|cjs)$/.test(name)) return 'not JavaScript or TypeScript';
  return undefined;
}
