import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { ts as Ts } from 'ts-morph';
import { lazyModule } from '../core/lazy-module.js';

type TsMorph = typeof import('ts-morph');
type CompilerOptions = Ts.CompilerOptions;
type ModuleResolutionHost = Ts.ModuleResolutionHost;

/** Files whose values the index reads: script sources and JSON. Declarations hold no values. */
const VALUE_EXTENSIONS = /\.(?:[cm]?[jt]sx?|json)$/i;
const DECLARATION_FILE = /\.d\.([cm]?)ts$/i;
const TYPESCRIPT_FILE = /\.[cm]?tsx?$/i;

/** `./x`, `../x`, `/abs/x`: only the project's own modules; packages are never read. */
export function isRelativeSpecifier(specifier: string): boolean {
  return specifier.startsWith('./') || specifier.startsWith('../') || specifier === '.' || specifier === '..' || path.isAbsolute(specifier);
}

let tsMorph: TsMorph | undefined;
const requireTsMorph = lazyModule<TsMorph>('ts-morph');

/**
 * ts-morph bundles the TypeScript compiler (about a third of a second to load), so it is loaded on
 * the first relative import a candidate file needs resolved, never at startup: a repository with no
 * candidates never pays for it.
 */
function loadTsMorph(): TsMorph {
  tsMorph ??= requireTsMorph();
  return tsMorph;
}

export function isTsMorphLoaded(): boolean {
  return tsMorph !== undefined;
}

interface ResolutionSetup {
  host: ModuleResolutionHost;
  /** The project's tsconfig.json options first (paths, moduleSuffixes, ...), then bundler-style defaults. */
  optionSets: CompilerOptions[];
}

/**
 * Resolves module specifiers the way TypeScript does (extension probing, `index` files, `./x.js`
 * naming `x.ts`, JSON, the project's tsconfig.json), through a ts-morph Project that owns the
 * compiler options and a file-system host, and the way Node does. The Project holds no source
 * files: its host therefore always answers from the disk, so a file migrate just rewrote is seen
 * as it is now.
 */
export class ModuleResolution {
  private setup: ResolutionSetup | undefined;

  constructor(private readonly root: string) {}

  /**
   * The absolute path of the module file, or undefined (a package, a missing file, no value to
   * read). A TypeScript file's imports are resolved by TypeScript; a JavaScript file's by Node
   * first, which finds what Node would load without paying for the compiler, then by TypeScript
   * (a JavaScript file importing a TypeScript one).
   */
  resolve(fromFile: string, specifier: string): string | undefined {
    if (!isRelativeSpecifier(specifier)) return undefined;
    // TypeScript's own probing order answers almost every relative import without loading the
    // compiler, which every worker thread would otherwise load; TypeScript itself is asked only
    // where its options change relative resolution, or where a folder may name its entry in a
    // package.json.
    const probe = () => (this.changesRelativeResolution() ? undefined : probeTypeScriptRelative(fromFile, specifier));
    const typescript = () =>
      this.changesRelativeResolution() || isDirectory(path.resolve(path.dirname(fromFile), specifier)) ? this.resolveWithTypeScript(fromFile, specifier) : undefined;
    if (TYPESCRIPT_FILE.test(fromFile)) return probe() ?? typescript() ?? resolveWithNode(fromFile, specifier);
    return resolveWithNode(fromFile, specifier) ?? probe() ?? typescript();
  }

  private relativeOptions: boolean | undefined;

  /** `rootDirs` and `moduleSuffixes` are the tsconfig options that change how `./x` resolves. */
  private changesRelativeResolution(): boolean {
    if (this.relativeOptions === undefined) {
      const tsconfig = path.join(this.root, 'tsconfig.json');
      this.relativeOptions = existsSync(tsconfig) && /"(rootDirs|moduleSuffixes)"/.test(readFileSync(tsconfig, 'utf8'));
    }
    return this.relativeOptions;
  }

  private resolveWithTypeScript(fromFile: string, specifier: string): string | undefined {
    const { host, optionSets } = this.getSetup();
    const { ts } = loadTsMorph();
    for (const options of optionSets) {
      const resolved = ts.resolveModuleName(specifier, fromFile, options, host).resolvedModule;
      if (!resolved || resolved.isExternalLibraryImport) continue;
      const file = valueFileOf(path.normalize(resolved.resolvedFileName));
      if (file) return file;
    }
    return undefined;
  }

  private getSetup(): ResolutionSetup {
    if (this.setup) return this.setup;
    const { Project, ts } = loadTsMorph();
    const defaults: CompilerOptions = {
      allowJs: true,
      resolveJsonModule: true,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      noEmit: true,
    };
    const base = { skipAddingFilesFromTsConfig: true, skipFileDependencyResolution: true, skipLoadingLibFiles: true } as const;
    const tsConfigFilePath = path.join(this.root, 'tsconfig.json');
    let project: InstanceType<TsMorph['Project']> | undefined;
    if (existsSync(tsConfigFilePath)) {
      try {
        project = new Project({ ...base, tsConfigFilePath, compilerOptions: { allowJs: true, resolveJsonModule: true, noEmit: true } });
      } catch {
        // An unreadable tsconfig (a missing `extends` package, say) leaves the defaults.
      }
    }
    project ??= new Project({ ...base, compilerOptions: defaults });
    const optionSets = [project.getCompilerOptions()];
    if (optionSets[0]!.moduleResolution !== defaults.moduleResolution) optionSets.push(defaults);
    this.setup = { host: project.getModuleResolutionHost(), optionSets };
    return this.setup;
  }
}

const TS_FOR_JS: Record<string, readonly string[]> = { '.js': ['.ts', '.tsx'], '.jsx': ['.tsx'], '.mjs': ['.mts'], '.cjs': ['.cts'] };
const PROBED_EXTENSIONS = ['.ts', '.tsx', '.d.ts', '.js', '.jsx'];

/**
 * A relative import resolved the way TypeScript's bundler/node resolution probes the disk: the
 * file as named (`./x.js` naming `x.ts` first), then with each extension, then as a folder's
 * `index`. Undefined when nothing is found: TypeScript itself then decides.
 */
function probeTypeScriptRelative(fromFile: string, specifier: string): string | undefined {
  const base = path.resolve(path.dirname(fromFile), specifier);
  const extension = path.extname(base);
  const candidates = [
    ...(TS_FOR_JS[extension] ?? []).map((ts) => base.slice(0, -extension.length) + ts),
    ...(extension && VALUE_EXTENSIONS.test(base) ? [base] : []),
    ...PROBED_EXTENSIONS.map((ext) => base + ext),
    // A folder with a package.json may name another entry: TypeScript decides those.
    ...(isFile(path.join(base, 'package.json')) ? [] : PROBED_EXTENSIONS.map((ext) => path.join(base, `index${ext}`))),
  ];
  for (const candidate of candidates) {
    if (isFile(candidate)) return valueFileOf(candidate);
  }
  return undefined;
}

/** Never throws: `a.js/package.json` is ENOTDIR, an unreadable folder EACCES; both are "no". */
function statOf(file: string) {
  try {
    return statSync(file, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

function isFile(file: string): boolean {
  return statOf(file)?.isFile() ?? false;
}

function isDirectory(file: string): boolean {
  return statOf(file)?.isDirectory() ?? false;
}

/** Node's own CommonJS resolution: extension probing (`.js`, `.json`), `index` files, a folder's `main`. */
function resolveWithNode(fromFile: string, specifier: string): string | undefined {
  try {
    return valueFileOf(createRequire(fromFile).resolve(specifier));
  } catch {
    return undefined;
  }
}

/** The file that holds a module's values: `x.d.ts` stands for `x.js`; packages are never read. */
function valueFileOf(file: string): string | undefined {
  if (file.split(/[\\/]/).includes('node_modules')) return undefined;
  const declaration = DECLARATION_FILE.exec(file);
  if (declaration) {
    const sibling = file.slice(0, declaration.index) + `.${declaration[1] ?? ''}js`;
    return existsSync(sibling) ? sibling : undefined;
  }
  return VALUE_EXTENSIONS.test(file) ? file : undefined;
}
