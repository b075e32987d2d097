import type { Chain } from './atoms.js';

/** A part of a rewritten operand: source kept as written, text to quote, code, or a template hole. */
export type Piece =
  | { kind: 'raw'; start: number; end: number }
  | { kind: 'text'; value: string }
  | { kind: 'code'; value: string }
  /** A template's `${...}` kept as written, or with the expression inside replaced. */
  | { kind: 'template-hole'; open: string; code: string; close: string };

function escapeForQuote(value: string, quote: string): string {
  let escaped = value.replace(/\\/g, '\\\\').replace(/\r/g, '\\r').replace(/\n/g, '\\n');
  if (quote === '`') return escaped.replace(/`/g, '\\`').replace(/\$\{/g, '\\${');
  return escaped.split(quote).join(`\\${quote}`);
}

/** String and expression operands: literal text becomes quoted chunks, code stands between them. */
export function renderChunks(pieces: readonly Piece[], quote: string, text: string): { text: string; chunks: number; endQuote?: string } | null {
  const chunks: string[] = [];
  let literal: string | null = null;
  const flush = () => {
    if (literal !== null && literal !== '') chunks.push(quote + literal + quote);
    literal = null;
  };
  for (const piece of pieces) {
    if (piece.kind === 'raw') literal = (literal ?? '') + text.slice(piece.start, piece.end);
    else if (piece.kind === 'text') literal = (literal ?? '') + escapeForQuote(piece.value, quote);
    else {
      flush();
      chunks.push(piece.kind === 'code' ? piece.value : piece.code);
    }
  }
  const last = pieces[pieces.length - 1];
  const endsInLiteral = last !== undefined && (last.kind === 'raw' || last.kind === 'text') && literal !== null && literal !== '';
  flush();
  if (chunks.length === 0) return null;
  return { text: chunks.join(' + '), chunks: chunks.length, ...(endsInLiteral ? { endQuote: quote } : {}) };
}

/** The pieces as one template literal; null when nothing is left of a chain of several operands. */
export function renderTemplate(pieces: readonly Piece[], text: string, chain: Chain): { text: string; chunks: number } | null {
  let body = '';
  for (const piece of pieces) {
    if (piece.kind === 'raw') body += text.slice(piece.start, piece.end);
    else if (piece.kind === 'text') body += escapeForQuote(piece.value, '`');
    else if (piece.kind === 'template-hole') body += piece.open + piece.code + piece.close;
    else body += '${' + piece.value + '}';
  }
  if (body === '' && chain.operands.length > 1) return null;
  return { text: '`' + body + '`', chunks: 1 };
}
