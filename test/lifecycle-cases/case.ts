/**
 * Source text as written (`'\n'` stays two characters; only \` and \${ are unescaped), without the
 * first newline and the common indentation, so cases read as the files they stand for.
 */
export function code(strings: TemplateStringsArray): string {
  const raw = strings.raw.join('').replace(/\\(`|\$\{)/g, '$1').replace(/^\n/, '');
  const indent = Math.min(...raw.split('\n').filter((line) => line.trim()).map((line) => /^ */.exec(line)![0].length));
  return raw
    .split('\n')
    .map((line) => line.slice(indent))
    .join('\n');
}

export type Expected = [rule: 'ticket-generation' | 'ticket-regeneration', startLine: number, endLine: number];

export interface Case {
  name: string;
  source: string;
  expected: Expected[];
  file?: string;
}

export const GEN = 'ticket-generation' as const;
export const REGEN = 'ticket-regeneration' as const;

