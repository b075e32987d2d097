import type { Node } from '@babel/types';

/**
 * Types that hold any key (`any`, `object`, `Record<string, ...>`, index signatures, URLSearchParams):
 * renaming a key in a value of such a type cannot break the type check.
 */
export function isLooseType(annotation: Node | null | undefined): boolean {
  if (!annotation) return true;
  const type = bareType(annotation);
  switch (type.type) {
    case 'TSAnyKeyword':
    case 'TSUnknownKeyword':
    case 'TSObjectKeyword':
    case 'AnyTypeAnnotation':
    case 'MixedTypeAnnotation':
      return true;
    case 'TSTypeLiteral':
      return type.members.every((member) => member.type === 'TSIndexSignature');
    case 'ObjectTypeAnnotation':
      return type.properties.length === 0 && (type.indexers ?? []).length > 0;
    case 'TSTypeReference': {
      const name = type.typeName.type === 'Identifier' ? type.typeName.name : type.typeName.right.name;
      return ['Record', 'URLSearchParams', 'FormData', 'ParsedUrlQueryInput', 'Dictionary', 'const'].includes(name);
    }
    default:
      return false;
  }
}

function bareType(annotation: Node): Node {
  return annotation.type === 'TSTypeAnnotation' || annotation.type === 'TypeAnnotation' ? annotation.typeAnnotation : annotation;
}

/** `any` and `unknown` take a possibly undefined token; every other declared type may want a string. */
export function isAnyType(annotation: Node): boolean {
  const type = bareType(annotation);
  return type.type === 'TSAnyKeyword' || type.type === 'TSUnknownKeyword' || type.type === 'AnyTypeAnnotation' || type.type === 'MixedTypeAnnotation';
}

/** The declared type a value meets at its parent: a typed variable, a cast, a typed parameter, a return type. */
export function declaredTypes(parent: Node, key: string | null, index: { enclosingFunction(node: Node): Node | null }): Node[] {
  let annotation: Node | null | undefined;
  if (parent.type === 'VariableDeclarator' && key === 'init') annotation = (parent.id as { typeAnnotation?: Node | null }).typeAnnotation;
  else if ((parent.type === 'TSAsExpression' || parent.type === 'TSSatisfiesExpression' || parent.type === 'TSTypeAssertion') && key === 'expression') annotation = parent.typeAnnotation;
  else if (parent.type === 'ReturnStatement') annotation = (index.enclosingFunction(parent) as { returnType?: Node | null } | null)?.returnType;
  else if (parent.type === 'ArrowFunctionExpression' && key === 'body') annotation = parent.returnType;
  return annotation ? [annotation] : [];
}

