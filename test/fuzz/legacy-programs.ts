import fc from 'fast-check';

/**
 * Generated legacy URL-building programs: every string shape the detectors read (literal,
 * template, `+`, `+=`, array join, util.format with an inline or a named format string, a helper
 * whose callers pass more parameters), every order of the credentials among the other parameters,
 * every kind of credential value, and the parts real code appends after them. Each program is a
 * CommonJS module whose `run` sends one request through `request`, as the oracle expects.
 */
export type Shape = 'literal' | 'template' | 'concat' | 'append' | 'join' | 'format' | 'named-format' | 'shared-format' | 'helper';
export type ValueKind = 'literal' | 'identifier' | 'member' | 'call' | 'encoded';
export type Suffix = 'none' | 'extra' | 'conditional' | 'helper-call' | 'separator-then-text' | 'member' | 'fallback' | 'glued-text';

export interface Param {
  name: string;
  /** Literal text of the value, or a credential's kind. */
  value: string | { credential: 'apikey' | 'ticket'; kind: ValueKind };
}

export interface LegacyProgram {
  shape: Shape;
  base: 'inline' | 'constant';
  host: string;
  path: string;
  params: Param[];
  suffix: Suffix;
}

const OTHER_PARAMS: readonly Param[] = [
  { name: 'newFormat', value: '1' },
  { name: 'selectColumns', value: 'Leads(First Name,Email)' },
  { name: 'fromIndex', value: '1' },
  { name: 'toIndex', value: '200' },
  { name: 'cvName', value: 'All Open Leads' },
  { name: 'version', value: '2' },
];

const HOSTS = ['https://crm.zoho.com', 'http://crm.zoho.com', 'https://crm.zoho.eu', 'https://crm.zoho.in', 'https://crm.zoho.com.au'];
const PATHS = ['/crm/private/json/Leads/getRecords', '/crm/private/xml/Contacts/searchRecords', '/crm/private/json/Potentials/getCVRecords'];

const valueKind = fc.constantFrom<ValueKind>('literal', 'identifier', 'member', 'call', 'encoded');

export const legacyProgram: fc.Arbitrary<LegacyProgram> = fc
  .record({
    shape: fc.constantFrom<Shape>('literal', 'template', 'concat', 'append', 'join', 'format', 'named-format', 'shared-format', 'helper'),
    base: fc.constantFrom<'inline' | 'constant'>('inline', 'constant'),
    host: fc.constantFrom(...HOSTS),
    path: fc.constantFrom(...PATHS),
    others: fc.subarray([...OTHER_PARAMS], { minLength: 0, maxLength: 4 }),
    credentials: fc.constantFrom<Array<'apikey' | 'ticket'>>(['apikey', 'ticket'], ['ticket', 'apikey'], ['apikey'], ['ticket']),
    kinds: fc.tuple(valueKind, valueKind),
    positions: fc.tuple(fc.nat(), fc.nat()),
    suffix: fc.constantFrom<Suffix>('none', 'extra', 'conditional', 'helper-call', 'separator-then-text', 'member', 'fallback', 'glued-text'),
  })
  .map(({ shape, base, host, path, others, credentials, kinds, positions, suffix }) => {
    const params: Param[] = [...others];
    credentials.forEach((credential, i) => {
      const kind = shape === 'literal' ? 'literal' : kinds[i]!;
      params.splice(positions[i]! % (params.length + 1), 0, { name: credential, value: { credential, kind } });
    });
    return { shape, base, host, path, params, suffix: shape === 'literal' ? 'none' : suffix };
  });

const LITERAL_VALUES = { apikey: 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6', ticket: 'f0e1d2c3b4a5968778695a4b3c2d1e0f' } as const;

/** The expression of a credential value. */
function valueCode(credential: 'apikey' | 'ticket', kind: ValueKind): string {
  const variable = credential === 'apikey' ? 'apiKey' : 'ticket';
  switch (kind) {
    case 'literal':
      return JSON.stringify(LITERAL_VALUES[credential]).replace(/"/g, "'");
    case 'identifier':
      return variable;
    case 'member':
      return `session.${variable}`;
    case 'call':
      return credential === 'apikey' ? 'keyOf(session)' : 'ticketOf(session)';
    case 'encoded':
      return `encodeURIComponent(${variable})`;
  }
}

/** The part appended after the last parameter. */
function suffixCode(suffix: Suffix): string | undefined {
  switch (suffix) {
    case 'none':
      return undefined;
    case 'extra':
      return 'extra';
    case 'conditional':
      return "(page ? '&fromIndex=' + page : '')";
    case 'helper-call':
      return 'pagePart(page)';
    case 'separator-then-text':
      return "sep + 'wfTrigger=true'";
    case 'member':
      return 'options.query';
    case 'fallback':
      return "(options.query || '')";
    case 'glued-text':
      // Text written right after the last value, with no `&`: it may be the value's own end.
      return "'-2011'";
  }
}

type Piece = { text: string } | { code: string };

/** The URL as literal text and expressions, in order. */
function pieces(program: LegacyProgram, base: Piece): Piece[] {
  const out: Piece[] = [base, { text: program.path }];
  program.params.forEach((param, i) => {
    const lead = i === 0 ? '?' : '&';
    if (typeof param.value === 'string') out.push({ text: `${lead}${param.name}=${param.value}` });
    else if (param.value.kind === 'literal') out.push({ text: `${lead}${param.name}=${LITERAL_VALUES[param.value.credential]}` });
    else out.push({ text: `${lead}${param.name}=` }, { code: valueCode(param.value.credential, param.value.kind) });
  });
  const suffix = suffixCode(program.suffix);
  if (suffix) out.push({ code: suffix });
  return merge(out);
}

function merge(list: Piece[]): Piece[] {
  const out: Piece[] = [];
  for (const piece of list) {
    const last = out[out.length - 1];
    if (last && 'text' in last && 'text' in piece) last.text += piece.text;
    else out.push({ ...piece });
  }
  return out;
}

const quote = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const concat = (list: Piece[]) => list.map((p) => ('text' in p ? quote(p.text) : p.code)).join(' + ');

/** The statements that build `url`. */
function buildCode(program: LegacyProgram, base: Piece): string[] {
  const list = pieces(program, base);
  switch (program.shape) {
    case 'literal':
    case 'concat':
      return [`var url = ${concat(list)};`];
    case 'template':
      return [`var url = \`${list.map((p) => ('text' in p ? p.text.replace(/`/g, '\\`').replace(/\$\{/g, '\\${') : `\${${p.code}}`)).join('')}\`;`];
    case 'append': {
      // One `+=` statement per parameter.
      const [first, ...rest] = splitAtParams(list);
      return [`var url = ${concat(first!)};`, ...rest.map((part) => `url += ${concat(part)};`)];
    }
    case 'join': {
      const [head, ...parts] = splitAtParams(list).map((part) => part.map((p) => ('text' in p ? { text: p.text.replace(/^[?&]/, '') } : p)));
      const elements = parts.map((part) => concat(part.filter((p) => !('text' in p) || p.text !== '')));
      const headText = concat(head!) + (parts.length > 0 ? " + '?'" : '');
      return [`var url = ${headText} + [${elements.join(', ')}].join('&');`];
    }
    case 'format':
    case 'named-format':
    case 'shared-format': {
      const format = list.map((p) => ('text' in p ? p.text.replace(/%/g, '%%') : '%s')).join('');
      const args = list.filter((p): p is { code: string } => 'code' in p).map((p) => p.code);
      const formatCode = program.shape === 'format' ? quote(format) : 'URL_FORMAT';
      const lines = [`var url = util.format(${[formatCode, ...args].join(', ')});`];
      if (program.shape === 'format') return lines;
      // A second call of a shared format string, with arguments of its own (`session.*` for every value).
      const otherArgs = args.map((arg) => (arg === 'CRM' ? arg : `session.other${args.indexOf(arg)}`));
      const shared = program.shape === 'shared-format' ? [`var other = util.format(${['URL_FORMAT', ...otherArgs].join(', ')});`, 'request.get(other, function () {});'] : [];
      return [`var URL_FORMAT = ${quote(format)};`, ...lines, ...shared];
    }
    case 'helper':
      return [];
  }
}

/** Splits the pieces before each `&name=` / `?name=` text so each part starts one parameter. */
function splitAtParams(list: Piece[]): Piece[][] {
  const parts: Piece[][] = [[]];
  for (const piece of list) {
    if ('code' in piece) {
      parts[parts.length - 1]!.push(piece);
      continue;
    }
    const chunks = piece.text.split(/(?=[?&][A-Za-z]+=)/);
    chunks.forEach((chunk, i) => {
      if (i > 0 || (/^[?&][A-Za-z]+=/.test(chunk) && parts[parts.length - 1]!.length > 0)) parts.push([]);
      parts[parts.length - 1]!.push({ text: chunk });
    });
  }
  return parts.filter((part) => part.length > 0);
}

/** The whole module. */
export function programSource(program: LegacyProgram): string {
  const isConstant = program.base === 'constant';
  const base: Piece = isConstant ? { code: 'CRM' } : { text: program.host };
  const lines = [
    "var request = require('request');",
    "var util = require('util');",
    ...(isConstant ? [`var CRM = ${quote(program.host)};`] : []),
    'function keyOf(s) { return s.apiKey; }',
    'function ticketOf(s) { return s.ticket; }',
    "function pagePart(p) { return p ? '&fromIndex=' + p : ''; }",
  ];
  if (program.shape === 'helper') {
    lines.push(
      'function zohoUrl(apiKey, ticket, session, page, extra, sep, options) {',
      `  return ${concat(pieces(program, base))};`,
      '}',
      // Every caller passes its extra parameters: through from its own caller, or as a literal.
      'exports.run = function (apiKey, ticket, session, page, extra, sep, options) {',
      `  request.get(zohoUrl(apiKey, ticket, session, page, ${program.suffix === 'extra' ? quote('&toIndex=50') : 'extra'}, sep, options), function () {});`,
      '};',
      'exports.first = function (apiKey, ticket, session, sep, options) {',
      `  request.get(zohoUrl(apiKey, ticket, session, 0, ${quote('')}, sep, options), function () {});`,
      '};',
    );
    return lines.join('\n') + '\n';
  }
  lines.push('exports.run = function (apiKey, ticket, session, page, extra, sep, options) {');
  for (const statement of buildCode(program, base)) lines.push(`  ${statement}`);
  lines.push('  request.get(url, function () {});', '};');
  return lines.join('\n') + '\n';
}
