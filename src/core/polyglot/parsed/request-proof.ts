import type { Endpoint } from '../../zoho/endpoint.js';
import { callArguments, calleeText, descendants, isBinary, isWithin, nearestScope, operatorOf, textOf } from './grammar.js';
import type { ParsedContext } from './parsed-context.js';
import type { SyntaxNode } from './syntax-tree.js';

/** Nodes a value passes through on its way to the call that sends it. */
const PASS_THROUGH = new Set([
  'argument', 'arguments', 'argument_list', 'keyword_argument', 'pair', 'array_element_initializer', 'array_creation_expression',
  'dictionary', 'hash', 'parenthesized_expression', 'list', 'tuple', 'expression_list', 'array', 'parenthesized_statements',
]);

/**
 * Where a value goes, as far as the file shows: up through query builders (`http_build_query`,
 * `urlencode`, `URI.encode_www_form`), arrays and argument lists, into a string that names a URL
 * or a call that also takes a URL (`requests.get(url, params=...)`, `Net::HTTP.post_form(URI(u), ...)`,
 * `curl_setopt($ch, CURLOPT_POSTFIELDS, ...)` on a handle opened on a URL), and through variables
 * assigned once. Undefined when nothing shows a URL.
 */
export function endpointOfValue(node: SyntaxNode, context: ParsedContext, depth = 0): Endpoint | undefined {
  const { grammar, text } = context;
  let current = node;
  for (let level = 0; level < 10; level++) {
    const parent = current.parent;
    if (!parent) return undefined;
    if (grammar.callTypes.has(parent.type)) {
      const endpoint = endpointOfCall(parent, current, context);
      if (endpoint) return endpoint;
    } else if (isBinary(parent) && operatorOf(parent, text) === grammar.concatOperator) {
      let root = parent;
      while (root.parent && isBinary(root.parent) && operatorOf(root.parent, text) === grammar.concatOperator) root = root.parent;
      const endpoint = context.classify(context.values.evaluate(root));
      if (endpoint) return endpoint;
      current = root;
      continue;
    } else if ((parent.type === 'assignment_expression' || parent.type === 'assignment') && parent.fields.get('right') === current) {
      const left = parent.fields.get('left');
      return left && depth < 2 ? endpointOfVariable(left, parent, context, depth + 1) : undefined;
    } else if (!PASS_THROUGH.has(parent.type) && !isMethodReceiver(current, parent)) return undefined;
    current = parent;
  }
  return undefined;
}

/** `body.encode('utf-8')`, `$q->toString()`: the value goes on into the method's result. */
function isMethodReceiver(node: SyntaxNode, parent: SyntaxNode): boolean {
  return (parent.type === 'attribute' && parent.fields.get('object') === node) || (parent.type === 'call' && parent.fields.get('receiver') === node);
}

/** The first use of a variable, after its assignment, that shows where it goes. */
export function endpointOfVariable(variable: SyntaxNode, assignment: SyntaxNode, context: ParsedContext, depth: number): Endpoint | undefined {
  const key = context.values.referenceKey(variable);
  if (!key) return undefined;
  for (const use of descendants(nearestScope(assignment, context.grammar))) {
    if (use.start < assignment.end || use.type !== variable.type || isWithin(use, assignment)) continue;
    if (context.values.referenceKey(use) !== key || isAssignedTo(use)) continue;
    const endpoint = endpointOfValue(use, context, depth);
    if (endpoint) return endpoint;
  }
  return undefined;
}

function isAssignedTo(node: SyntaxNode): boolean {
  let current: SyntaxNode = node;
  while (current.parent && ['subscript_expression', 'subscript', 'element_reference'].includes(current.parent.type)) current = current.parent;
  const parent = current.parent;
  return parent !== null && parent.fields.get('left') === current;
}

function endpointOfCall(call: SyntaxNode, via: SyntaxNode, context: ParsedContext): Endpoint | undefined {
  const { text } = context;
  const args = callArguments(call, text);
  if (/^curl_setopt(_array)?$/i.test(calleeText(call, text))) return endpointOfCurlHandle(args[0]?.value, call, context);
  for (const arg of args) {
    if (isWithin(via, arg.node)) continue;
    const endpoint = context.classify(context.values.evaluate(arg.value));
    if (endpoint) return endpoint;
  }
  // `req.set_form_data(params)` after `req = Net::HTTP::Post.new(URI(CRM + '...'))`: the object was made for the URL.
  const receiver = call.fields.get('receiver') ?? call.fields.get('object');
  const made = receiver && !isWithin(via, receiver) ? context.values.definitionOf(receiver) : undefined;
  if (made && context.grammar.callTypes.has(made.type)) {
    for (const arg of callArguments(made, text)) {
      const endpoint = context.classify(context.values.evaluate(arg.value));
      if (endpoint) return endpoint;
    }
  }
  return undefined;
}

/** `curl_init($url)` or `curl_setopt($ch, CURLOPT_URL, $url)` on the same handle. */
function endpointOfCurlHandle(handle: SyntaxNode | undefined, call: SyntaxNode, context: ParsedContext): Endpoint | undefined {
  if (!handle) return undefined;
  const { text, values } = context;
  const key = values.referenceKey(handle);
  if (!key) return undefined;
  for (const node of descendants(nearestScope(call, context.grammar))) {
    if (!context.grammar.callTypes.has(node.type)) continue;
    const name = calleeText(node, text).toLowerCase();
    const args = callArguments(node, text);
    let url: SyntaxNode | undefined;
    if (name === 'curl_init' && node.parent?.type === 'assignment_expression' && values.referenceKey(node.parent.fields.get('left') ?? node) === key) url = args[0]?.value;
    if (name === 'curl_setopt' && args[0] && values.referenceKey(args[0].value) === key && args[1] && textOf(args[1].value, text) === 'CURLOPT_URL') url = args[2]?.value;
    const endpoint = url ? context.classify(values.evaluate(url)) : undefined;
    if (endpoint) return endpoint;
  }
  return undefined;
}
