/** The HTML report's stylesheet: inline, system fonts only, light and dark. */
export const REPORT_STYLE = `
:root { color-scheme: light dark; --bg: #fff; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --panel: #f6f8fa;
  --add: #dafbe1; --add-strong: #aceebb; --del: #ffebe9; --del-strong: #ffcecb; --accent: #0969da;
  --good: #1a7f37; --warn: #bc4c00; --bad: #cf222e; --note: #8250df;
  --kw: #cf222e; --str: #0a3069; --com: #59636e; --num: #0550ae; --lit: #0550ae; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --line: #3d444d; --panel: #151b23;
    --add: #12261e; --add-strong: #1f6f3a; --del: #25171c; --del-strong: #8e2d32; --accent: #4493f8;
    --good: #3fb950; --warn: #db6d28; --bad: #f85149; --note: #ab7df8;
    --kw: #ff7b72; --str: #a5d6ff; --com: #9198a1; --num: #79c0ff; --lit: #79c0ff; }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; }
header, main { max-width: 1180px; margin: 0 auto; padding: 0 24px; }
header { padding-top: 24px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 28px 0 12px; padding-bottom: 6px; border-bottom: 1px solid var(--line); }
h3 { font-size: 14px; margin: 0 0 6px; }
code, pre, .diff { font-family: ui-monospace, SFMono-Regular, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 12.5px; }
p code, li code { background: var(--panel); padding: 1px 4px; border-radius: 4px; }
pre { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; overflow-x: auto; white-space: pre; }
#create-token-url { white-space: pre-wrap; overflow-wrap: anywhere; }
.muted, .hint, .subtitle { color: var(--muted); }
.about { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1.3fr); gap: 16px; }
.about > div { border: 1px solid var(--line); border-radius: 8px; padding: 12px 16px; }
.warning { border-left: 4px solid var(--warn); background: var(--panel); padding: 10px 14px; border-radius: 4px; margin: 16px 0 0; }
.stats { display: grid; grid-template-columns: repeat(6, 1fr); gap: 10px; }
.stat { border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; }
.stat .value { font-size: 26px; font-weight: 600; }
.stat .label { color: var(--muted); }
.stat.good .value { color: var(--good); }
.stat.warn .value { color: var(--warn); }
.charts { display: grid; grid-template-columns: 1fr 1fr; gap: 24px; margin-top: 16px; }
figure { margin: 0; }
figcaption { font-weight: 600; margin-bottom: 6px; }
.chart-row { display: grid; grid-template-columns: minmax(120px, 38%) 1fr 40px; align-items: center; gap: 8px; width: 100%;
  background: none; border: 0; padding: 3px 0; color: inherit; font: inherit; text-align: left; cursor: pointer; }
.chart-row:hover .chart-label { color: var(--accent); text-decoration: underline; }
.chart-label { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 12.5px; }
.bars { display: flex; height: 16px; background: var(--panel); border-radius: 3px; overflow: hidden; }
.bar { display: block; height: 100%; }
.bar.fixable, .swatch.fixable { background: var(--good); }
.bar.other, .swatch.other { background: var(--warn); }
.chart-value { text-align: right; font-variant-numeric: tabular-nums; }
.legend { color: var(--muted); font-size: 12.5px; }
.swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-left: 8px; }
.controls { position: sticky; top: 0; z-index: 2; display: flex; flex-wrap: wrap; gap: 10px 16px; align-items: center;
  margin: 24px 0 0; padding: 10px 12px; background: var(--panel); border: 1px solid var(--line); border-radius: 8px; }
.controls select, .controls input[type=search], .controls button { font: inherit; color: inherit; background: var(--bg); border: 1px solid var(--line); border-radius: 6px; padding: 3px 6px; }
.controls input[type=search] { width: 220px; }
.count { font-weight: 400; color: var(--muted); font-size: 14px; margin-left: 4px; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; margin: 0 0 12px; }
.card.problem { border-left: 4px solid var(--bad); }
.card.manual-item { border-left: 4px solid var(--warn); }
details.change { padding: 0; }
details.change > summary { padding: 8px 14px; cursor: pointer; background: var(--panel); border-radius: 8px 8px 0 0; }
.stat-add { color: var(--good); font-weight: 600; }
.stat-del { color: var(--bad); font-weight: 600; }
.badge { display: inline-block; font-size: 12px; padding: 0 8px; border-radius: 10px; border: 1px solid currentColor; font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
.badge.error { color: var(--bad); }
.badge.warning { color: var(--warn); }
.badge.note { color: var(--note); }
.action { margin-bottom: 0; }
.none, .empty { color: var(--muted); font-style: italic; }
[hidden] { display: none !important; }
.diff-wrap { overflow-x: auto; }
table.diff { border-collapse: collapse; width: 100%; table-layout: auto; }
table.diff td { padding: 0 8px; vertical-align: top; white-space: pre; }
table.diff td.num { width: 1%; min-width: 40px; text-align: right; color: var(--muted); user-select: none; }
table.diff td.sign { width: 1%; user-select: none; color: var(--muted); }
table.diff tr.hunk td, table.diff tr.meta td { background: var(--panel); color: var(--muted); padding: 2px 8px; }
table.excerpt { border: 1px solid var(--line); border-radius: 6px; margin: 8px 0; }
.row-add, tr.row-add td { background: var(--add); }
.row-del, tr.row-del td { background: var(--del); }
tr.row-add .chg { background: var(--add-strong); border-radius: 2px; }
tr.row-del .chg { background: var(--del-strong); border-radius: 2px; }
td.row-add .chg { background: var(--add-strong); border-radius: 2px; }
td.row-del .chg { background: var(--del-strong); border-radius: 2px; }
td.empty { background: var(--panel); }
table.diff-split td.code { width: 49%; }
body:not([data-diff-view=split]) table.diff-split, body[data-diff-view=split] table.diff-unified { display: none; }
.tok-kw { color: var(--kw); }
.tok-str { color: var(--str); }
.tok-com { color: var(--com); font-style: italic; }
.tok-num, .tok-lit { color: var(--num); }
table.findings { border-collapse: collapse; width: 100%; }
table.findings th, table.findings td { text-align: left; border-bottom: 1px solid var(--line); padding: 5px 8px; vertical-align: top; }
table.findings td:first-child, table.findings td:nth-child(2) { white-space: nowrap; }
footer { max-width: 1180px; margin: 32px auto; padding: 0 24px; color: var(--muted); font-size: 12.5px; }
@media (max-width: 900px) { .stats { grid-template-columns: repeat(3, 1fr); } .charts, .about { grid-template-columns: 1fr; } }
`;
