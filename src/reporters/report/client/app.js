// @ts-check
/**
 * Browser code of the HTML report, part 2: reads the plan from the inert JSON island, renders the
 * summary, charts, manual work, findings and diffs, and wires the filters. Uses h() and the views
 * of diff.js, which the page inlines first. Elements the end-to-end test reads carry ids. This
 * header (up to the first blank line) is for developers: the page inlines what follows it,
 * through the module `npm run client-script` generates (app-js.ts).
 */
/** @typedef {import('../plan.js').ReportPlan} ReportPlan */
/** @typedef {import('../plan.js').PlanFinding} PlanFinding */
/** @typedef {Node | string | number | null | undefined | false} Child */
/**
 * @typedef {object} Tracked an element the filters show or hide
 * @property {string} section
 * @property {HTMLElement} node
 * @property {string[] | null} rules
 * @property {string} folder
 * @property {string} fix
 * @property {string} text
 */
/** @typedef {{ id: string, total: number, counter: HTMLElement, empty: HTMLElement }} Section */
/** @typedef {{ label: string, value: string, fixable: number, other: number }} ChartRow */

var dataIsland = /** @type {HTMLScriptElement} */ (document.getElementById('report-data'));
/** @type {ReportPlan} */
var DATA = JSON.parse(dataIsland.text);
/** @type {Record<string, string>} */
var filters = { rule: '', folder: '', fix: '', query: '' };
/** @type {Tracked[]} */
var items = [];
/** @type {Section[]} */
var sections = [];

/**
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, any> | null} [props] text, className, on<event>, else attributes
 * @param {Child | Child[]} [children]
 * @returns {HTMLElementTagNameMap[K]}
 */
function h(tag, props, children) {
  var node = document.createElement(tag);
  var given = props || {};
  Object.keys(given).forEach(function (key) {
    var value = given[key];
    if (value === null || value === undefined || value === false) return;
    if (key === 'text') node.textContent = value;
    else if (key === 'className') node.className = value;
    else if (key.slice(0, 2) === 'on') node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : String(value));
  });
  (Array.isArray(children) ? children : [children]).forEach(function (child) {
    if (child === null || child === undefined || child === false) return;
    node.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  });
  return node;
}

/** @param {number} count @param {string} word */
function plural(count, word) { return count + ' ' + word + (count === 1 ? '' : 's'); }
/** @param {PlanFinding} item */
function locationOf(item) { return item.file + ':' + item.line + ':' + item.column; }
/** @param {PlanFinding} item */
function excerptText(item) { return item.excerpt ? item.excerpt.lines.join('\n') : ''; }

/**
 * Registers an element the filters show or hide. rules null: only shown while no rule is selected.
 * @template {HTMLElement} E
 * @param {string} section @param {E} node @param {string[] | null} rules @param {string} folder
 * @param {string} fix @param {string} text
 * @returns {E}
 */
function track(section, node, rules, folder, fix, text) {
  items.push({ section: section, node: node, rules: rules, folder: folder, fix: fix, text: text.toLowerCase() });
  return node;
}

/** @param {Tracked} item */
function matches(item) {
  if (filters.rule && (!item.rules || item.rules.indexOf(filters.rule) === -1)) return false;
  if (filters.folder && item.folder !== filters.folder) return false;
  if (filters.fix && item.fix !== filters.fix) return false;
  return !filters.query || item.text.indexOf(filters.query) !== -1;
}

function applyFilters() {
  /** @type {Record<string, number>} */
  var shown = {};
  items.forEach(function (item) {
    var isShown = matches(item);
    item.node.hidden = !isShown;
    shown[item.section] = (shown[item.section] || 0) + (isShown ? 1 : 0);
  });
  sections.forEach(function (section) {
    var count = shown[section.id] || 0;
    section.counter.textContent = count === section.total ? String(section.total) : count + ' of ' + section.total;
    section.empty.hidden = count > 0 || section.total === 0;
  });
}

/** @param {string} name @param {string} value */
function setFilter(name, value) {
  filters[name] = value;
  var control = /** @type {HTMLSelectElement | HTMLInputElement | null} */ (document.getElementById('filter-' + name));
  if (control && control.value !== value) control.value = value;
  applyFilters();
}

/** @param {string} id @param {string} title @param {number} total @param {string} emptyText */
function section(id, title, total, emptyText) {
  var counter = h('span', { className: 'count', id: 'count-' + id, text: String(total) });
  var empty = h('p', { className: 'empty', text: 'Nothing here matches the filters.', hidden: true });
  sections.push({ id: id, total: total, counter: counter, empty: empty });
  var node = h('section', { id: 'section-' + id }, [h('h2', null, [title + ' ', counter])]);
  if (total === 0) node.appendChild(h('p', { className: 'none', text: emptyText }));
  node.appendChild(empty);
  return node;
}

/** @param {string} id @param {string} label @param {number} value @param {string} [tone] */
function statCard(id, label, value, tone) {
  return h('div', { className: 'stat ' + (tone || '') }, [h('div', { className: 'value', id: 'stat-' + id, text: String(value) }), h('div', { className: 'label', text: label })]);
}

/** @param {string} id @param {string} title @param {ChartRow[]} rows @param {string} filterName */
function chart(id, title, rows, filterName) {
  var max = Math.max.apply(null, rows.map(function (row) { return row.fixable + row.other; }).concat([1]));
  var list = h('div', { className: 'chart', id: 'chart-' + id });
  rows.forEach(function (row) {
    var fixable = h('span', { className: 'bar fixable', title: row.fixable + ' fixable by migrate' });
    var other = h('span', { className: 'bar other', title: row.other + ' not fixable automatically' });
    fixable.style.width = (100 * row.fixable / max) + '%';
    other.style.width = (100 * row.other / max) + '%';
    list.appendChild(h('button', { type: 'button', className: 'chart-row', title: 'Show only ' + row.label, onclick: function () { setFilter(filterName, row.value); } }, [
      h('span', { className: 'chart-label', text: row.label }),
      h('span', { className: 'bars' }, [fixable, other]),
      h('span', { className: 'chart-value', text: String(row.fixable + row.other) }),
    ]));
  });
  if (rows.length === 0) list.appendChild(h('p', { className: 'none', text: 'No findings.' }));
  return h('figure', null, [h('figcaption', { text: title }), list]);
}

/** @param {string} name @param {string} label @param {string[][]} options value and label of each */
function select(name, label, options) {
  var control = h('select', { id: 'filter-' + name, onchange: /** @param {Event} event */ function (event) { setFilter(name, /** @type {HTMLSelectElement} */ (event.target).value); } },
    options.map(function (option) { return h('option', { value: option[0], text: option[1] }); }));
  return h('label', null, [label + ' ', control]);
}

/** @param {HTMLElement} root */
function renderSummary(root) {
  var t = DATA.totals;
  root.appendChild(h('section', { id: 'section-summary' }, [
    h('h2', { text: 'Summary' }),
    h('div', { className: 'stats' }, [
      statCard('files-scanned', 'files scanned', t.filesScanned),
      statCard('files-to-change', 'files to change', t.filesToChange, 'good'),
      statCard('findings', 'findings', t.findings),
      statCard('fixable', 'fixable by migrate', t.fixable, 'good'),
      statCard('manual', 'left for a human', t.manual, t.manual > 0 ? 'warn' : ''),
      statCard('problems', 'files not analysed', t.problems, t.problems > 0 ? 'warn' : ''),
    ]),
    h('div', { className: 'charts' }, [
      chart('rules', 'Findings per rule', DATA.byRule.map(function (row) {
        return { label: row.ruleId, value: row.ruleId, fixable: row.fixable, other: row.findings - row.fixable };
      }), 'rule'),
      chart('folders', 'Findings per folder', DATA.byFolder.filter(function (row) { return row.findings > 0; }).map(function (row) {
        return { label: row.folder, value: row.folder, fixable: row.fixable, other: row.findings - row.fixable };
      }), 'folder'),
    ]),
    h('p', { className: 'legend' }, [h('span', { className: 'swatch fixable' }), ' fixable by migrate ', h('span', { className: 'swatch other' }), ' needs a human']),
  ]));
}

/** @param {HTMLElement} root */
function renderCommand(root) {
  root.appendChild(h('section', { id: 'section-apply' }, [
    h('h2', { text: 'Apply the plan' }),
    h('pre', { className: 'command' }, h('code', { id: 'migrate-command', text: DATA.migrateCommand })),
    h('p', { text: 'migrate writes the changes below, refuses to run over uncommitted changes (commit first, or pass --force), and exits 1 while manual work remains.' }),
  ]));
}

/** @param {HTMLElement} root */
function renderControls(root) {
  var rules = DATA.byRule.map(function (row) { return [row.ruleId, row.ruleId + ' (' + row.findings + ')']; });
  var folders = DATA.byFolder.map(function (row) { return [row.folder, row.folder]; });
  var search = h('input', { type: 'search', id: 'filter-query', placeholder: 'Search files, messages, code', oninput: /** @param {Event} event */ function (event) { setFilter('query', /** @type {HTMLInputElement} */ (event.target).value.trim().toLowerCase()); } });
  /** @param {string} value @param {string} label */
  var view = function (value, label) {
    return h('label', null, [h('input', { type: 'radio', name: 'diff-view', value: value, checked: value === 'unified', onchange: function () { document.body.setAttribute('data-diff-view', value); } }), ' ' + label]);
  };
  root.appendChild(h('nav', { className: 'controls', id: 'controls' }, [
    select('rule', 'Rule', [['', 'All rules']].concat(rules)),
    select('folder', 'Folder', [['', 'All folders']].concat(folders)),
    select('fix', 'Fixability', [['', 'All'], ['fixable', 'Fixable by migrate'], ['manual', 'Needs a human']]),
    h('label', { className: 'search' }, ['Search ', search]),
    h('span', { className: 'view', id: 'diff-view' }, ['Diffs: ', view('unified', 'unified'), view('split', 'side by side')]),
    h('button', { type: 'button', id: 'filter-reset', text: 'Reset', onclick: function () { ['rule', 'folder', 'fix'].forEach(function (name) { setFilter(name, ''); }); search.value = ''; setFilter('query', ''); } }),
  ]));
}

/** @param {HTMLElement} root */
function renderManual(root) {
  var node = section('manual', 'Manual work', DATA.manual.length + DATA.problems.length, 'None: migrate handles everything it found.');
  if (DATA.manual.length > 0) node.appendChild(h('p', { className: 'hint', text: 'Locations are in the files as migrate leaves them.' }));
  DATA.problems.forEach(function (problem) {
    node.appendChild(track('manual', h('article', { className: 'card problem' }, [
      h('h3', null, [h('code', { text: problem.file }), ' ', h('span', { className: 'badge error', text: problem.status === 'error' ? 'error' : 'not analysed' })]),
      h('p', { text: problem.reason }),
    ]), null, problem.folder, 'manual', problem.file + ' ' + problem.reason));
  });
  DATA.manual.forEach(function (item) {
    node.appendChild(track('manual', h('article', { className: 'card manual-item' }, [
      h('h3', null, [h('code', { text: locationOf(item) }), ' ', h('span', { className: 'badge ' + item.severity, text: item.ruleId })]),
      h('p', { className: 'message', text: item.message }),
      item.excerpt ? excerptView(item.excerpt) : null,
      h('p', { className: 'action' }, [h('strong', { text: 'Action: ' }), item.action]),
    ]), [item.ruleId], item.folder, 'manual', [locationOf(item), item.ruleId, item.message, item.action, excerptText(item)].join('\n')));
  });
  root.appendChild(node);
}

/** @param {HTMLElement} root */
function renderFindings(root) {
  var node = section('findings', 'All findings', DATA.findings.length, 'No legacy apikey/ticket usage found.');
  if (DATA.findings.length > 0) {
    var body = h('tbody');
    DATA.findings.forEach(function (item) {
      body.appendChild(track('findings', h('tr', null, [
        h('td', null, h('code', { text: locationOf(item) })),
        h('td', null, h('span', { className: 'badge ' + item.severity, text: item.ruleId })),
        h('td', { text: item.fixable ? 'fixable' : 'manual' }),
        h('td', { text: item.message }),
      ]), [item.ruleId], item.folder, item.fixable ? 'fixable' : 'manual', [locationOf(item), item.ruleId, item.message, excerptText(item)].join('\n')));
    });
    node.appendChild(h('table', { className: 'findings', id: 'findings-table' }, [
      h('thead', null, h('tr', null, ['Location', 'Rule', 'Fix', 'Message'].map(function (title) { return h('th', { text: title }); }))),
      body,
    ]));
  }
  root.appendChild(node);
}

/** @param {HTMLElement} root */
function renderChanges(root) {
  var node = section('changes', 'Files to change', DATA.changes.length, 'None: no request needs rewriting.');
  DATA.changes.forEach(function (change) {
    node.appendChild(track('changes', h('details', { className: 'card change', open: true, 'data-file': change.file }, [
      h('summary', null, [h('code', { text: change.file }), ' ', h('span', { className: 'stat-add', text: '+' + change.added }), ' ',
        h('span', { className: 'stat-del', text: '\u2212' + change.removed }), ' ', h('span', { className: 'muted', text: plural(change.findings, 'finding') })]),
      diffView(change.diff),
    ]), change.ruleIds, change.folder, 'fixable', change.file + '\n' + change.diff));
  });
  root.appendChild(node);
}

var main = /** @type {HTMLElement} */ (document.getElementById('report'));
renderSummary(main);
renderCommand(main);
renderControls(main);
renderManual(main);
renderChanges(main);
renderFindings(main);
applyFilters();
document.body.setAttribute('data-ready', 'true');
