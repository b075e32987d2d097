// @ts-check
/**
 * Browser code of the HTML report, part 1: unified-diff parsing, JS/TS syntax colouring and the
 * unified and side-by-side diff tables. Plain ES2017 in a script (no import or export): the page
 * inlines it, then app.js, inside one strict function, so the two share their top-level names;
 * `npm run typecheck` checks both together (tsconfig.client.json). Every piece of report data
 * reaches the DOM through `textContent` or `setAttribute`, never through HTML parsing. This
 * header (up to the first blank line) is for developers: the page inlines what follows it,
 * through the module `npm run client-script` generates (diff-js.ts).
 */
/** @typedef {{ text: string, cls: string }} Token */
/** @typedef {{ mode: string }} TokenizerState `mode`: 'code', 'block' (in a block comment) or 'template' */
/**
 * @typedef {object} Row
 * @property {string} kind 'del', 'add', 'ctx' or 'meta' (a "\\ No newline" line)
 * @property {string} text
 * @property {number} [oldNo]
 * @property {number} [newNo]
 * @property {Token[]} [tokens]
 * @property {number[]} [change] start and end of the characters that changed
 */
/** @typedef {{ header: string, rows: Row[] }} Hunk */
/** @typedef {import('../../../core/source/excerpt.js').Excerpt} Excerpt */

var BACKTICK = String.fromCharCode(96);
var KEYWORDS = new Set(('as async await break case catch class const continue debugger default delete do else enum ' +
  'export extends finally for from function if implements import in instanceof interface let new of private ' +
  'protected public readonly return static super switch this throw try type typeof var void while with yield').split(' '));
var LITERALS = new Set(['true', 'false', 'null', 'undefined', 'NaN', 'Infinity']);
var NUMBER = /^(?:0[xXbBoO][0-9a-fA-F_]+|\d[\d_]*(?:\.\d*)?(?:[eE][+-]?\d+)?n?|\.\d+)/;
var IDENTIFIER = /^[A-Za-z_$][\w$]*/;

/**
 * Splits one line into coloured tokens. state.mode carries block comments and template literals to the next line.
 * @param {string} line
 * @param {TokenizerState} state
 * @returns {Token[]}
 */
function tokenize(line, state) {
  /** @type {Token[]} */
  var tokens = [];
  var i = 0;
  var plain = '';
  function flush() { if (plain) { tokens.push({ text: plain, cls: '' }); plain = ''; } }
  /** @param {string} text @param {string} cls */
  function push(text, cls) { flush(); tokens.push({ text: text, cls: cls }); }
  while (i < line.length) {
    if (state.mode === 'block') {
      var close = line.indexOf('*/', i);
      var stop = close === -1 ? line.length : close + 2;
      push(line.slice(i, stop), 'tok-com');
      if (close !== -1) state.mode = 'code';
      i = stop;
      continue;
    }
    if (state.mode === 'template') {
      var j = i;
      while (j < line.length && line[j] !== BACKTICK) j += line[j] === '\\' ? 2 : 1;
      var end = Math.min(j + 1, line.length);
      push(line.slice(i, end), 'tok-str');
      if (j < line.length) state.mode = 'code';
      i = end;
      continue;
    }
    var ch = line[i];
    var rest = line.slice(i);
    if (rest.slice(0, 2) === '//') { push(rest, 'tok-com'); break; }
    if (rest.slice(0, 2) === '/*') { state.mode = 'block'; push('/*', 'tok-com'); i += 2; continue; }
    if (ch === BACKTICK) { state.mode = 'template'; push(ch, 'tok-str'); i += 1; continue; }
    if (ch === '"' || ch === "'") {
      var k = i + 1;
      while (k < line.length && line[k] !== ch) k += line[k] === '\\' ? 2 : 1;
      var stringEnd = Math.min(k + 1, line.length);
      push(line.slice(i, stringEnd), 'tok-str');
      i = stringEnd;
      continue;
    }
    var previous = i > 0 ? line[i - 1] : '';
    var number = /[\w$]/.test(previous) ? null : NUMBER.exec(rest);
    if (number) { push(number[0], 'tok-num'); i += number[0].length; continue; }
    var word = /[\w$]/.test(previous) ? null : IDENTIFIER.exec(rest);
    if (word) {
      var cls = KEYWORDS.has(word[0]) ? 'tok-kw' : LITERALS.has(word[0]) ? 'tok-lit' : '';
      if (cls) push(word[0], cls); else plain += word[0];
      i += word[0].length;
      continue;
    }
    plain += ch;
    i += 1;
  }
  flush();
  return tokens;
}

/**
 * Parses a unified diff into hunks of rows; the line counts of a hunk's header decide where it ends.
 * @param {string} text
 * @returns {Hunk[]}
 */
function parseDiff(text) {
  var lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  /** @type {Hunk[]} */
  var hunks = [];
  var index = 0;
  while (index < lines.length) {
    var header = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(lines[index]);
    index += 1;
    if (!header) continue;
    var oldNo = Number(header[1]);
    var newNo = Number(header[3]);
    var oldLeft = header[2] === undefined ? 1 : Number(header[2]);
    var newLeft = header[4] === undefined ? 1 : Number(header[4]);
    /** @type {Hunk} */
    var hunk = { header: header[0], rows: [] };
    while (index < lines.length && (oldLeft > 0 || newLeft > 0 || lines[index].charAt(0) === '\\')) {
      var line = lines[index];
      var sign = line.charAt(0);
      var body = line.slice(1).replace(/\r$/, '');
      if (sign === '\\') hunk.rows.push({ kind: 'meta', text: line });
      else if (sign === '-') { hunk.rows.push({ kind: 'del', oldNo: oldNo++, text: body }); oldLeft -= 1; }
      else if (sign === '+') { hunk.rows.push({ kind: 'add', newNo: newNo++, text: body }); newLeft -= 1; }
      else { hunk.rows.push({ kind: 'ctx', oldNo: oldNo++, newNo: newNo++, text: body }); oldLeft -= 1; newLeft -= 1; }
      index += 1;
    }
    hunks.push(hunk);
  }
  return hunks;
}

/**
 * Colours every row (each side keeps its own tokenizer state) and marks what changed inside paired lines.
 * @param {Hunk} hunk
 */
function decorate(hunk) {
  var oldState = { mode: 'code' };
  var newState = { mode: 'code' };
  hunk.rows.forEach(function (row) {
    if (row.kind === 'del') row.tokens = tokenize(row.text, oldState);
    else if (row.kind === 'add') row.tokens = tokenize(row.text, newState);
    else if (row.kind === 'ctx') { row.tokens = tokenize(row.text, oldState); tokenize(row.text, newState); }
  });
  eachChangeBlock(hunk.rows, function (dels, adds) {
    for (var n = 0; n < Math.min(dels.length, adds.length); n++) markChange(dels[n], adds[n]);
  });
}

/**
 * @param {Row[]} rows
 * @param {(dels: Row[], adds: Row[]) => void} callback
 */
function eachChangeBlock(rows, callback) {
  var n = 0;
  while (n < rows.length) {
    if (rows[n].kind !== 'del' && rows[n].kind !== 'add') { n += 1; continue; }
    var dels = [];
    var adds = [];
    while (n < rows.length && rows[n].kind === 'del') dels.push(rows[n++]);
    while (n < rows.length && rows[n].kind === 'add') adds.push(rows[n++]);
    callback(dels, adds);
  }
}

/** @param {Row} before @param {Row} after */
function markChange(before, after) {
  var a = before.text;
  var b = after.text;
  var start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  var endA = a.length;
  var endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) { endA -= 1; endB -= 1; }
  before.change = [start, endA];
  after.change = [start, endB];
}

/**
 * The code of one row as spans: syntax classes, plus 'chg' on the characters that changed.
 * @param {{ text: string, tokens?: Token[], change?: number[] }} row
 * @returns {HTMLElement[]}
 */
function codeNodes(row) {
  /** @type {HTMLElement[]} */
  var nodes = [];
  var offset = 0;
  (row.tokens || [{ text: row.text, cls: '' }]).forEach(function (token) {
    var cuts = [0, token.text.length];
    if (row.change) {
      [row.change[0] - offset, row.change[1] - offset].forEach(function (cut) { if (cut > 0 && cut < token.text.length) cuts.push(cut); });
    }
    cuts.sort(function (x, y) { return x - y; });
    for (var c = 0; c + 1 < cuts.length; c++) {
      if (cuts[c] === cuts[c + 1]) continue;
      var from = offset + cuts[c];
      var changed = row.change && from >= row.change[0] && from < row.change[1];
      var cls = (token.cls + (changed ? ' chg' : '')).trim();
      nodes.push(h('span', { className: cls || null, text: token.text.slice(cuts[c], cuts[c + 1]) }));
    }
    offset += token.text.length;
  });
  return nodes;
}

/** @type {Record<string, string>} */
var SIGNS = { del: '-', add: '+', ctx: ' ' };

/** @param {Hunk[]} hunks */
function unifiedTable(hunks) {
  var table = h('table', { className: 'diff diff-unified' });
  hunks.forEach(function (hunk) {
    var body = h('tbody', null, h('tr', { className: 'hunk' }, h('td', { colspan: 4, text: hunk.header })));
    hunk.rows.forEach(function (row) {
      if (row.kind === 'meta') { body.appendChild(h('tr', { className: 'meta' }, h('td', { colspan: 4, text: row.text }))); return; }
      body.appendChild(h('tr', { className: 'row-' + row.kind }, [
        h('td', { className: 'num', text: row.oldNo === undefined ? '' : String(row.oldNo) }),
        h('td', { className: 'num', text: row.newNo === undefined ? '' : String(row.newNo) }),
        h('td', { className: 'sign', text: SIGNS[row.kind] }),
        h('td', { className: 'code' }, codeNodes(row)),
      ]));
    });
    table.appendChild(body);
  });
  return table;
}

/** @param {Row | undefined} row @param {'old' | 'new'} side */
function splitCells(row, side) {
  if (!row) return [h('td', { className: 'num empty' }), h('td', { className: 'code empty' })];
  var number = side === 'old' ? row.oldNo : row.newNo;
  return [h('td', { className: 'num row-' + row.kind, text: String(number) }), h('td', { className: 'code row-' + row.kind }, codeNodes(row))];
}

/** @param {Hunk[]} hunks */
function splitTable(hunks) {
  var table = h('table', { className: 'diff diff-split' });
  hunks.forEach(function (hunk) {
    var body = h('tbody', null, h('tr', { className: 'hunk' }, h('td', { colspan: 4, text: hunk.header })));
    var n = 0;
    var rows = hunk.rows;
    while (n < rows.length) {
      var row = rows[n];
      if (row.kind === 'meta') { body.appendChild(h('tr', { className: 'meta' }, h('td', { colspan: 4, text: row.text }))); n += 1; continue; }
      if (row.kind === 'ctx') { body.appendChild(h('tr', null, splitCells(row, 'old').concat(splitCells(row, 'new')))); n += 1; continue; }
      var dels = [];
      var adds = [];
      while (n < rows.length && rows[n].kind === 'del') dels.push(rows[n++]);
      while (n < rows.length && rows[n].kind === 'add') adds.push(rows[n++]);
      for (var k = 0; k < Math.max(dels.length, adds.length); k++) {
        body.appendChild(h('tr', null, splitCells(dels[k], 'old').concat(splitCells(adds[k], 'new'))));
      }
    }
    table.appendChild(body);
  });
  return table;
}

/** @param {string} diffText */
function diffView(diffText) {
  var hunks = parseDiff(diffText);
  hunks.forEach(decorate);
  return h('div', { className: 'diff-wrap' }, [unifiedTable(hunks), splitTable(hunks)]);
}

/**
 * A code excerpt of a finding, numbered from its first line, coloured like the diffs.
 * @param {Excerpt} excerpt
 */
function excerptView(excerpt) {
  var state = { mode: 'code' };
  var table = h('table', { className: 'diff excerpt' });
  var body = h('tbody');
  excerpt.lines.forEach(function (text, n) {
    body.appendChild(h('tr', null, [
      h('td', { className: 'num', text: String(excerpt.startLine + n) }),
      h('td', { className: 'code' }, codeNodes({ text: text, tokens: tokenize(text, state) })),
    ]));
  });
  if (excerpt.omittedLines > 0) {
    body.appendChild(h('tr', { className: 'meta' }, h('td', { colspan: 2, text: '\u2026 ' + excerpt.omittedLines + ' more line' + (excerpt.omittedLines === 1 ? '' : 's') })));
  }
  table.appendChild(body);
  return table;
}
