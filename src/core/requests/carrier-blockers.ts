import type { Node } from '@babel/types';
import { staticPropertyName } from '../ast/node-utils.js';
import type { Carrier, ShapeTools } from '../shapes/request-shape.js';
import { isLegacyKeyName } from '../zoho/services.js';
import { isLooseType } from './declared-types.js';
import type { FlowResult } from './param-flow.js';

/**
 * What would make the rename wrong even for a Zoho request: a declared type that names the legacy
 * keys (the output would no longer type-check), or code that reads `params.ticket` back.
 */
export function blockerOf(carrier: Carrier, result: FlowResult, tools: ShapeTools): string | undefined {
  const { context } = tools;
  const holderIds = new Set<Node>([...carrier.holders, ...result.proofs.flatMap((proof) => proof.holders)].filter((node) => node.type === 'Identifier'));
  const types = [...result.types];
  // The flow saw the declared types on its way (until the parameters became a string); the carrier's own variable is added here.
  for (const id of carrier.holders) {
    const annotation = (id as { typeAnnotation?: Node | null }).typeAnnotation;
    if (annotation) types.push(annotation);
  }
  const type = types.find((annotation) => !isLooseType(annotation));
  if (type) {
    const line = context.lines.position(type.start ?? 0).line;
    return `their declared type (${context.sourceOf(type).replace(/^:\s*/, '')}, line ${line}) names them too`;
  }
  for (const id of holderIds) {
    for (const reference of tools.bindingOf(id)?.references ?? []) {
      const member = context.index.parentOf(reference);
      // `const { ticket } = params`
      if (member?.type === 'VariableDeclarator' && member.init === reference && member.id.type === 'ObjectPattern') {
        const read = member.id.properties.find((property) => property.type === 'ObjectProperty' && isLegacyKeyName(staticPropertyName(property.key, property.computed) ?? ''));
        if (read) return `${context.sourceOf(member)} reads them back at line ${context.lines.position(member.start ?? 0).line}`;
      }
      if (member?.type !== 'MemberExpression' || member.object !== reference) continue;
      const name = member.computed ? context.evaluator.evaluateString(member.property) : staticPropertyName(member.property, false);
      const outer = context.index.parentOf(member);
      const isWrite = outer?.type === 'AssignmentExpression' && outer.left === member;
      if (name !== undefined && isLegacyKeyName(name) && !isWrite) {
        return `${context.sourceOf(member)} is read at line ${context.lines.position(member.start ?? 0).line}`;
      }
    }
  }
  return undefined;
}
