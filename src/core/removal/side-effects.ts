import { isBuiltin } from 'node:module';
import type { Node } from '@babel/types';
import { memberPath, staticPropertyName } from '../ast/node-utils.js';
import type { NodeIndex } from '../ast/traverse.js';
import { subtreeNodes } from '../ast/subtree.js';
import type { LexicalBinding, LexicalScopes } from '../scope/lexical-scopes.js';
import { isFunctionNode } from '../lifecycle/construct.js';
import { REQUEST_SHAPES } from '../shapes/index.js';
import { accountsPageIn } from '../zoho/services.js';

/** Globals whose calls compute a value and change nothing. */
const PURE_GLOBALS = new Set(['encodeURIComponent', 'decodeURIComponent', 'encodeURI', 'decodeURI', 'Error', 'TypeError', 'Date', 'Number', 'String', 'Boolean', 'parseInt', 'parseFloat', 'isNaN', 'RegExp', 'Buffer', 'Promise', 'URL', 'URLSearchParams']);
const PURE_NAMESPACES = new Set(['JSON', 'Math', 'Date', 'Object', 'Number', 'String', 'Array', 'Promise', 'Buffer']);
/** Object's mutators are not in PURE_NAMESPACES' spirit: `Object.assign(target, ...)` writes its target. */
const MUTATING_STATICS = new Set(['Object.assign', 'Object.defineProperty', 'Object.defineProperties', 'Object.setPrototypeOf', 'Object.freeze']);
/** Timers are ticket code's own scheduling; what they run is checked with the rest of the construct. */
const TIMERS = new Set(['setTimeout', 'setInterval', 'setImmediate', 'clearTimeout', 'clearInterval', 'clearImmediate']);
/** Methods that read a value, or subscribe to one (a stream's `data`, a promise's `then`). */
const READ_METHODS = new Set(['exec', 'test', 'match', 'matchAll', 'indexOf', 'lastIndexOf', 'includes', 'startsWith', 'endsWith', 'split', 'join', 'trim', 'slice', 'substring', 'substr', 'replace', 'toString', 'toLowerCase', 'toUpperCase', 'charAt', 'concat', 'map', 'filter', 'some', 'every', 'find', 'forEach', 'reduce', 'getTime', 'valueOf', 'toFixed', 'on', 'once', 'setEncoding', 'then', 'catch', 'finally', 'text', 'json']);
/** Sending the request (`req.end()`) is the login's own effect, nowhere else. */
const REQUEST_METHODS = new Set(['end', 'write', 'get', 'post', 'request', 'send', 'query', 'set', 'type', 'field']);
/**
 * Clients a ticket login is sent with: the request shapes own the list, and a Node built-in is
 * imported under both of its names (`https`, `node:https`).
 */
export const HTTP_CLIENTS: ReadonlySet<string> = new Set(
  REQUEST_SHAPES.flatMap((shape) => shape.clientModules ?? []).flatMap((specifier) => (isBuiltin(specifier) && !specifier.startsWith('node:') ? [specifier, `node:${specifier}`] : [specifier])),
);
/** Globals a ticket login is sent with, called with no import (`fetch`, `XMLHttpRequest`, `$`): the request shapes own this list too. */
export const HTTP_CLIENT_GLOBALS: ReadonlySet<string> = new Set(REQUEST_SHAPES.flatMap((shape) => shape.clientGlobals ?? []));
/** Schedulers a renewal job is registered with; what they run is checked with the rest of the construct. */
const CRON_MODULES = new Set(['node-cron', 'cron', 'node-schedule']);
const LOGGERS = new Set(['console', 'logger', 'log', 'winston', 'debug']);
const FILE_MODULES = new Set(['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'fs-extra']);

/** Cross-module facts the check needs: which imported functions are ticket code. */
export interface EffectFacts {
  /**
   * Is the function a `require`/`import` binding stands for a ticket function of its module that
   * may go? `member` is the property called on a module binding (`session.login()`).
   */
  isTicketExport(binding: LexicalBinding, member: string | undefined): boolean;
  /** The specifier a `require`/`import` binding holds, if it is one. */
  moduleOf(binding: LexicalBinding): string | undefined;
  /** Is loading the module free of effects? */
  isPureModule(specifier: string): boolean;
}

export interface EffectVerdict {
  /** Why the code has an effect of its own (it stays), or undefined. */
  reason?: string;
  /** Outer functions it calls and variables it writes: those must go too, or it stays. */
  dependsOn: Set<LexicalBinding>;
}

/**
 * Does removing `root` lose anything but ticket code? Every call and write in it is checked: reads
 * and local work are fine; calls of outer functions and writes of outer variables are fine only if
 * those go too (`dependsOn`); a request is the login's own effect only when the code spells the
 * accounts.zoho login/logout URL; anything else (logging, files, other modules, dynamic access) is
 * an effect of its own, and its description is the reason the code stays.
 */
export function effectOf(root: Node, text: string, index: NodeIndex, scopes: LexicalScopes, facts: EffectFacts): EffectVerdict {
  const dependsOn = new Set<LexicalBinding>();
  const start = root.start ?? 0;
  const end = root.end ?? 0;
  const isLocal = (binding: LexicalBinding) => (binding.id.start ?? 0) >= start && (binding.id.end ?? 0) <= end;
  const isLogin = accountsPageIn(text.slice(start, end)) !== undefined || referencesLoginUrl(root, text, scopes, isLocal);
  const isStatementConstruct = !isFunctionNode(root) && root.type !== 'VariableDeclarator' && root.type !== 'ObjectProperty';
  const source = (node: Node) => text.slice(node.start ?? 0, node.end ?? 0);

  const moduleBehind = (binding: LexicalBinding): string | undefined => facts.moduleOf(binding);
  const callEffect = (call: Node & { callee: Node }): string | undefined => {
    const callee = call.callee;
    if (callee.type === 'Identifier') {
      const binding = scopes.bindingOf(callee);
      if (binding && isLocal(binding) && moduleBehind(binding) === undefined) return undefined;
      if (binding) {
        const specifier = moduleBehind(binding);
        if (specifier !== undefined) {
          if (facts.isTicketExport(binding, undefined) || CRON_MODULES.has(specifier)) return undefined;
          // A client called as itself (`request(opts)`, `fetch(url)` from cross-fetch) sends a request, as `request.get(url)` does.
          if (HTTP_CLIENTS.has(specifier)) return isLogin ? undefined : `it sends a request (${callee.name})`;
          return `it calls ${callee.name} (from '${specifier}')`;
        }
        if (binding.kind === 'param') return `it calls ${callee.name}, which it was given`;
        dependsOn.add(binding);
        return undefined;
      }
      if (callee.name === 'eval' || callee.name === 'Function') return 'it runs code through eval';
      if (PURE_GLOBALS.has(callee.name) || TIMERS.has(callee.name)) return undefined;
      if (HTTP_CLIENT_GLOBALS.has(callee.name)) return isLogin ? undefined : 'it sends a request';
      if (callee.name === 'require') {
        const [first] = (call as { arguments: Node[] }).arguments;
        if (first?.type !== 'StringLiteral') return 'it loads a module it names at run time';
        return facts.isPureModule(first.value) ? undefined : `it loads '${first.value}', which does more than declare`;
      }
      return `it calls ${callee.name}`;
    }
    if (callee.type === 'MemberExpression' || callee.type === 'OptionalMemberExpression') {
      const method = staticPropertyName(callee.property, callee.computed);
      if (method === undefined) return 'it calls a method through dynamic property access';
      let object: Node = callee.object;
      while (object.type === 'MemberExpression' || object.type === 'OptionalMemberExpression') object = object.object;
      if (object.type !== 'Identifier') return READ_METHODS.has(method) || (isLogin && REQUEST_METHODS.has(method)) || isFunctionNode(object) ? undefined : `it calls ${source(callee)}`;
      const binding = scopes.bindingOf(object);
      const specifier = binding ? moduleBehind(binding) : undefined;
      if (specifier !== undefined) {
        const path = memberPath(callee);
        if (binding && path?.length === 2 && facts.isTicketExport(binding, method)) return undefined;
        if (FILE_MODULES.has(specifier)) return `it writes files (${source(callee)})`;
        if (CRON_MODULES.has(specifier)) return undefined;
        if (HTTP_CLIENTS.has(specifier)) return isLogin ? undefined : `it sends a request (${source(callee)})`;
        return `it calls ${source(callee)} (from '${specifier}')`;
      }
      if (binding && isLocal(binding)) return undefined;
      if (!binding) {
        if (LOGGERS.has(object.name)) return `it logs (${source(callee)})`;
        if (MUTATING_STATICS.has(`${object.name}.${method}`)) return `it calls ${object.name}.${method}`;
        if (PURE_NAMESPACES.has(object.name)) return undefined;
        if (HTTP_CLIENT_GLOBALS.has(object.name)) return isLogin ? undefined : `it sends a request (${source(callee)})`;
      }
      if (READ_METHODS.has(method)) return undefined;
      if (binding && LOGGERS.has(object.name)) return `it logs (${source(callee)})`;
      return `it calls ${source(callee)}`;
    }
    if (isFunctionNode(callee)) return undefined;
    return `it calls ${source(callee)}`;
  };

  const writeEffect = (target: Node): string | undefined => {
    let root: Node = target;
    while (root.type === 'MemberExpression' || root.type === 'OptionalMemberExpression') root = root.object;
    if (root.type !== 'Identifier') return `it writes ${source(target)}`;
    const binding = scopes.bindingOf(root);
    if (!binding) return `it writes the global ${root.name}`;
    if (isLocal(binding)) return undefined;
    if (binding.kind === 'param' || moduleBehind(binding) !== undefined) return `it writes ${source(target)}`;
    dependsOn.add(binding);
    return undefined;
  };

  for (const node of subtreeNodes(root)) {
    let reason: string | undefined;
    switch (node.type) {
      case 'CallExpression':
      case 'OptionalCallExpression':
      case 'NewExpression':
        reason = callEffect(node);
        break;
      case 'AssignmentExpression':
        reason = writeEffect(node.left);
        break;
      case 'UpdateExpression':
        reason = writeEffect(node.argument);
        break;
      case 'UnaryExpression':
        if (node.operator === 'delete') reason = `it deletes ${source(node.argument)}`;
        break;
      case 'ThisExpression':
        reason = 'it uses this';
        break;
      case 'WithStatement':
        reason = 'it uses with';
        break;
      case 'ReturnStatement':
      case 'ThrowStatement':
      case 'BreakStatement':
      case 'ContinueStatement':
        // Inside a function of its own the jump is the function's business; a bare statement's
        // jump steers the code around it.
        if (isStatementConstruct && !isInsideFunctionBelow(node, root, index)) reason = 'it steers the code around it (return, throw, break)';
        break;
      case 'MemberExpression':
      case 'OptionalMemberExpression':
        if (node.computed && !isLiteralKey(node.property) && !isLocalObject(node.object, scopes, isLocal)) reason = `it reads ${source(node)} through dynamic property access`;
        break;
      default:
        break;
    }
    if (reason) return { reason, dependsOn };
  }
  return { dependsOn };
}

function isLiteralKey(node: Node): boolean {
  return node.type === 'NumericLiteral' || node.type === 'StringLiteral';
}

function isLocalObject(node: Node, scopes: LexicalScopes, isLocal: (binding: LexicalBinding) => boolean): boolean {
  let root: Node = node;
  while (root.type === 'MemberExpression') root = root.object;
  const binding = root.type === 'Identifier' ? scopes.bindingOf(root) : undefined;
  return binding !== undefined && isLocal(binding);
}

function isInsideFunctionBelow(node: Node, root: Node, index: NodeIndex): boolean {
  for (const ancestor of index.ancestors(node)) {
    if (ancestor === root) return false;
    if (isFunctionNode(ancestor)) return true;
  }
  return false;
}

/** `https.get(LOGIN_URL + ...)` with the URL in a constant outside the construct. */
function referencesLoginUrl(root: Node, text: string, scopes: LexicalScopes, isLocal: (binding: LexicalBinding) => boolean): boolean {
  for (const node of subtreeNodes(root)) {
    if (node.type !== 'Identifier') continue;
    const binding = scopes.bindingOf(node);
    if (!binding || isLocal(binding) || !binding.init || binding.init.type === 'FunctionDeclaration') continue;
    if (accountsPageIn(text.slice(binding.init.start ?? 0, binding.init.end ?? 0)) !== undefined) return true;
  }
  return false;
}
