/**
 * `@types/node` types `process.env.X` as `string | undefined`. Where TypeScript wants a string
 * (`encodeURIComponent(...)`, `URLSearchParams.append(...)`, a value typed `string`), a TypeScript
 * file gets the non-null assertion: it changes nothing at run time and keeps the file type-checking.
 */
export function definedTokenExpr(tokenExpr: string, filePath: string): string {
  const isTypeScript = /\.[cm]?tsx?$/i.test(filePath);
  const isEnvRead = /^process\.env(\.[A-Za-z_$][\w$]*|\[(['"])[^'"]+\2\])$/.test(tokenExpr.trim());
  return isTypeScript && isEnvRead ? `${tokenExpr.trim()}!` : tokenExpr;
}
