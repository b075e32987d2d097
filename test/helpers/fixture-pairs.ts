import { readdirSync } from 'node:fs';
import path from 'node:path';

export interface FixturePair {
  /** `shape/case.ext`, the name tests show. */
  name: string;
  input: string;
  output: string;
  /** The file name the analysis sees (`case.ext`): it picks the parser. */
  filePath: string;
}

/** Lists `<dir>/<shape>/<case>.input.<ext>` with its `.output.<ext>` twin; a missing twin is a failure. */
export function listFixturePairs(root: string): FixturePair[] {
  const pairs: FixturePair[] = [];
  for (const shape of readdirSync(root, { withFileTypes: true })) {
    if (!shape.isDirectory()) continue;
    for (const file of readdirSync(path.join(root, shape.name)).sort()) {
      const match = /^(.*)\.input\.([a-z]+)$/.exec(file);
      if (!match) continue;
      const [, base, ext] = match;
      pairs.push({
        name: `${shape.name}/${base}.${ext}`,
        input: path.join(root, shape.name, file),
        output: path.join(root, shape.name, `${base}.output.${ext}`),
        filePath: `${base}.${ext}`,
      });
    }
  }
  return pairs;
}
