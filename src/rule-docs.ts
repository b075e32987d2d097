import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { RuleId } from './core/findings.js';
import type { RuleDocs } from './reporters/types.js';
import { PACKAGE_ROOT } from './version.js';

/**
 * The rule pages ship in the package (`docs/rules/<rule-id>.md`, listed in package.json `files`).
 * The package has no public home page to link to, so outputs point at the installed copy: the
 * text reporter by path, SARIF by carrying the page itself as the rule's help (see sarif.ts).
 */
export const RULE_DOCS_DIR = path.join(PACKAGE_ROOT, 'docs', 'rules');

export function ruleDocFile(id: RuleId): string {
  return path.join(RULE_DOCS_DIR, `${id}.md`);
}

/** The docs folder as the user can open it from `cwd`: relative below it, absolute elsewhere (npx's cache). */
export function ruleDocsDirFor(cwd: string): string {
  const relative = path.relative(cwd, RULE_DOCS_DIR);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative.split(path.sep).join('/') : RULE_DOCS_DIR;
}

/** The rule docs a reporter gets; with `pages`, each page's Markdown (read from the package). */
export function loadRuleDocs(cwd: string, ids: readonly RuleId[], withPages: boolean): RuleDocs {
  const docs: RuleDocs = { dir: ruleDocsDirFor(cwd) };
  if (!withPages) return docs;
  const pages: Partial<Record<RuleId, string>> = {};
  for (const id of ids) if (existsSync(ruleDocFile(id))) pages[id] = readFileSync(ruleDocFile(id), 'utf8');
  return { ...docs, pages };
}
