import { UNKNOWN_VALUE } from '../../zoho/endpoint.js';
import { calleeText, callArguments, descendants, namedChildren, textOf, type Grammar } from './grammar.js';
import type { SyntaxNode } from './syntax-tree.js';
import type { Values } from './values.js';

const PHP_INCLUDES = new Set(['require_expression', 'require_once_expression', 'include_expression', 'include_once_expression']);

/**
 * The files this one includes, as paths relative to its folder: `require_once 'config.php'` (also
 * `dirname(__FILE__) . '/config.php'` and `__DIR__ . '/config.php'`), Ruby `require_relative
 * 'config'`, Python `from config import BASE` / `from .config import BASE`. Their constants can
 * prove a request Zoho's; anything computed is passed by.
 */
export function includedPaths(tree: SyntaxNode, text: string, grammar: Grammar, values: Values): string[] {
  const paths = new Set<string>();
  for (const node of descendants(tree)) {
    if (grammar.language === 'php' && PHP_INCLUDES.has(node.type)) {
      const target = namedChildren(node)[0];
      const known = target ? values.evaluate(target) : UNKNOWN_VALUE;
      const tail = known.slice(known.lastIndexOf(UNKNOWN_VALUE) + 1).replace(/^\/+/, '');
      if (/\.(php|inc)$/i.test(tail) && !tail.includes(UNKNOWN_VALUE)) paths.add(tail);
    } else if (grammar.language === 'ruby' && node.type === 'call' && calleeText(node, text) === 'require_relative') {
      const target = callArguments(node, text)[0]?.value;
      const known = target ? values.evaluate(target) : UNKNOWN_VALUE;
      if (!known.includes(UNKNOWN_VALUE) && known !== '') paths.add(/\.rb$/.test(known) ? known : `${known}.rb`);
    } else if (grammar.language === 'python' && node.type === 'import_from_statement') {
      const module = node.fields.get('module_name') ?? namedChildren(node)[0];
      const name = module ? textOf(module, text) : '';
      // `from config import X`, `from .config import X`, `from pkg.config import X`: a module beside this one.
      const match = /^(\.?)([A-Za-z_][\w.]*)$/.exec(name);
      if (match && match[2] !== '__future__') paths.add(`${match[2]!.replace(/\./g, '/')}.py`);
    }
  }
  return [...paths];
}
