/**
 * A legacy credential a fix takes out of a request, and what held it: after the rewrite the
 * migration checks whether anything still uses it, so the user can delete it and retire the
 * environment variable (issue 4: "legacy credentials the migration made unused").
 *
 * Plain data and offset arithmetic only: the findings model and the detector context both carry
 * it, so it may depend on neither (credential-uses.ts, which finds uses in an AST, does).
 */
export interface CredentialUse {
  /** The legacy parameter, as written (`apikey`, `ticket`). */
  param: string;
  /** A variable of this module: where its declaring identifier starts. */
  declaration?: { name: string; start: number };
  /** `process.env.NAME` read in the request itself; `at` is where the request starts. */
  env?: { name: string; at: number };
  /**
   * An expression kept right after the removed value (`+ extra`) that could not be proven to be a
   * parameter of its own: migrate's output gets a note on it (see kept-parts.ts).
   */
  kept?: { start: number; end: number; code: string };
}

/** The same use with its offsets moved (through edits, past a BOM, to a script block's place). */
export function moveCredentialUse(use: CredentialUse, move: (offset: number) => number): CredentialUse {
  return {
    param: use.param,
    ...(use.declaration ? { declaration: { ...use.declaration, start: move(use.declaration.start) } } : {}),
    ...(use.env ? { env: { ...use.env, at: move(use.env.at) } } : {}),
    ...(use.kept ? { kept: { ...use.kept, start: move(use.kept.start), end: move(use.kept.end) } } : {}),
  };
}

export function shiftCredentialUse(use: CredentialUse, by: number): CredentialUse {
  return moveCredentialUse(use, (offset) => offset + by);
}

/** The uses inside `[start, end)` of a file, in the coordinates of that piece. */
export function credentialUsesWithin(uses: readonly CredentialUse[], start: number, end: number): CredentialUse[] {
  return uses
    .filter((use) => {
      const at = use.declaration?.start ?? use.env?.at ?? use.kept?.start ?? -1;
      return at >= start && at < end;
    })
    .map((use) => shiftCredentialUse(use, -start));
}
