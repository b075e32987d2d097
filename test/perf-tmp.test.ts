import { it } from 'vitest';
import { analyzeSource } from '../src/core/analyze.js';
import { DETECTORS } from '../src/core/detectors/index.js';
it('perf', () => {
  for (const n of [100, 200, 400]) {
    const parts: string[] = ["// zoho CRM client\nconst WEEK = 7 * 24 * 60 * 60 * 1000;\nlet cache = { ticket: null, issuedAt: 0 };"];
    for (let i = 0; i < n; i++) {
      parts.push(`function leads${i}(key, ticket, cb) {\n  if (Date.now() - cache.issuedAt > WEEK && cache.ticket) refresh${i}();\n  const x = a${i} + b + c < d;\n  request.get('https://crm.zoho.com/crm/private/json/Leads/getRecords?apikey=' + key + '&ticket=' + ticket + '&n=${i}', cb);\n  setTimeout(() => other${i}(), 1000);\n}`);
    }
    const src = parts.join('\n');
    const runs = DETECTORS.map(d => d.run);
    const times: Record<string, number> = {};
    (DETECTORS as any[]).forEach((d, i) => { d.run = (c: any) => { const t = performance.now(); runs[i]!(c); times[d.id] = (times[d.id] ?? 0) + performance.now() - t; }; });
    const t0 = performance.now();
    const r = analyzeSource(src, { filePath: 'big.js' });
    console.log('n', n, 'bytes', src.length, 'findings', r.findings.length, 'ms', Math.round(performance.now() - t0), JSON.stringify(times));
    (DETECTORS as any[]).forEach((d, i) => { d.run = runs[i]; });
  }
});
