import path from 'node:path';
import { Evaluator, isStaticObject, type ModuleResolver, type StaticObject, type StaticValue } from '../core/scope/evaluate.js';
import type { ExportSource } from './module-exports.js';
import { isRelativeSpecifier, ModuleResolution } from './module-resolution.js';
import { loadModule, moduleStamp, type LoadedModule } from './load-module.js';

export interface ProjectIndexLimits {
  /** Modules kept parsed between analyses; the cache starts over past this. */
  maxCachedModules: number;
  /** Modules one file's analysis may reach, imports of imports included. */
  maxModulesPerAnalysis: number;
  /** Nested cross-module look-ups (`a` re-exports `b` re-exports `c` ...). */
  maxDepth: number;
  maxFileBytes: number;
}

export const DEFAULT_LIMITS: ProjectIndexLimits = {
  maxCachedModules: 5000,
  maxModulesPerAnalysis: 200,
  maxDepth: 16,
  maxFileBytes: 1024 * 1024,
};

export interface ProjectIndexStats {
  /** Module files read and parsed (a file changed on disk is read again). */
  modulesLoaded: number;
  /** Specifiers resolved to a file (or found not to be one). */
  resolutions: number;
}

interface CachedModule {
  stamp: string;
  module: LoadedModule;
}

/**
 * Cross-module facts for the core's Evaluator: which constant an `import`/`require` names. Lazy and
 * read-only: a module is read, parsed and its exports tabled only when an analysed file asks for
 * one of its values, and only modules of the project itself (relative specifiers, never
 * node_modules) are read. The core's own Evaluator computes every value, so "is this Zoho?" is
 * decided by one set of rules whether the constant lives in the file or three imports away.
 */
export class ProjectIndex {
  readonly stats: ProjectIndexStats = { modulesLoaded: 0, resolutions: 0 };
  private readonly cache = new Map<string, CachedModule>();
  private readonly resolution: ModuleResolution;

  constructor(
    readonly root: string,
    readonly limits: ProjectIndexLimits = DEFAULT_LIMITS,
  ) {
    this.resolution = new ModuleResolution(root);
  }

  /**
   * The resolver for one file's analysis. It checks each module it reaches against the disk once
   * (a file migrate rewrote earlier in the run is read again) and evaluates afresh, so no value
   * outlives the file it came from.
   */
  resolverFor(): AnalysisResolver {
    return new AnalysisResolver(this);
  }

  /** @internal the resolved module file, or undefined. */
  resolvePath(fromFile: string, specifier: string): string | undefined {
    this.stats.resolutions++;
    return this.resolution.resolve(fromFile, specifier);
  }

  /** @internal the module as it is on disk now. */
  module(file: string): LoadedModule {
    const stamp = moduleStamp(file);
    const cached = this.cache.get(file);
    if (cached && cached.stamp === stamp) return cached.module;
    if (this.cache.size >= this.limits.maxCachedModules) this.cache.clear();
    const module = loadModule(file, this.limits.maxFileBytes);
    this.stats.modulesLoaded++;
    this.cache.set(file, { stamp, module });
    return module;
  }
}

interface ModuleInstance {
  module: LoadedModule;
  file: string;
  evaluator?: Evaluator;
  values: Map<string, StaticValue | undefined>;
  active: Set<string>;
}

/** What one file's analysis read across modules: what a result cache must check before reusing it. */
export interface ModuleReads {
  /** Every module file whose values were asked for, imports of imports included. */
  modules: string[];
  /** A relative import that resolved to no file: a file added later could change the answer. */
  hasUnresolvedImport: boolean;
}

export class AnalysisResolver implements ModuleResolver {
  private readonly resolved = new Map<string, string | undefined>();
  private readonly instances = new Map<string, ModuleInstance>();
  private depth = 0;

  constructor(private readonly index: ProjectIndex) {}

  reads(): ModuleReads {
    let hasUnresolvedImport = false;
    for (const [key, file] of this.resolved) if (file === undefined && isRelativeSpecifier(key.slice(key.indexOf('\u0000') + 1))) hasUnresolvedImport = true;
    return { modules: [...this.instances.keys()], hasUnresolvedImport };
  }

  resolveExport(fromFile: string, specifier: string, exportName: string): StaticValue | undefined {
    const from = path.resolve(this.index.root, fromFile);
    const key = `${from}\u0000${specifier}`;
    if (!this.resolved.has(key)) this.resolved.set(key, this.index.resolvePath(from, specifier));
    const file = this.resolved.get(key);
    if (file === undefined || this.depth >= this.index.limits.maxDepth) return undefined;
    const instance = this.instance(file);
    if (!instance) return undefined;
    this.depth++;
    try {
      return this.exportValue(instance, exportName);
    } finally {
      this.depth--;
    }
  }

  private instance(file: string): ModuleInstance | undefined {
    const known = this.instances.get(file);
    if (known) return known;
    if (this.instances.size >= this.index.limits.maxModulesPerAnalysis) return undefined;
    const instance: ModuleInstance = { module: this.index.module(file), file, values: new Map(), active: new Set() };
    this.instances.set(file, instance);
    return instance;
  }

  /** One export's value, computed once per analysis; a cycle (`a` needs `b` needs `a`) is unknown. */
  private exportValue(instance: ModuleInstance, name: string): StaticValue | undefined {
    if (instance.values.has(name)) return instance.values.get(name);
    if (instance.active.has(name)) return undefined;
    instance.active.add(name);
    const value = this.computeExport(instance, name);
    instance.active.delete(name);
    instance.values.set(name, value);
    return value;
  }

  private computeExport(instance: ModuleInstance, name: string): StaticValue | undefined {
    const module = instance.module;
    if (module.kind === 'json') {
      // `require('./x.json')`, `import x from './x.json'`: the whole document; a named import reads a key.
      if (name === '*' || name === 'default') return module.value;
      return isStaticObject(module.value) && Object.hasOwn(module.value, name) ? module.value[name] : undefined;
    }
    if (module.kind !== 'script') return undefined;
    const table = module.exports;
    if (table.system === 'commonjs') {
      // Node gives an ES importer the whole module.exports as `default`.
      if (name === '*' || name === 'default') return this.commonJsValue(instance);
      if (table.named.has(name)) return this.sourceValue(instance, table.named.get(name)!);
      const whole = table.whole ? this.sourceValue(instance, table.whole) : undefined;
      return isStaticObject(whole) && Object.hasOwn(whole, name) ? whole[name] : undefined;
    }
    if (name === '*') return this.namespace(instance);
    const source = table.named.get(name);
    if (source) return this.sourceValue(instance, source);
    if (name === 'default') return undefined;
    // `export * from`: the one star module that exports the name; two that do make it ambiguous (ES spec).
    const owners = table.stars.filter((specifier) => this.exportsName(instance.file, specifier, name));
    return owners.length === 1 ? this.resolveExport(instance.file, owners[0]!, name) : undefined;
  }

  private commonJsValue(instance: ModuleInstance): StaticValue | undefined {
    const table = instance.module.kind === 'script' ? instance.module.exports : undefined;
    if (!table) return undefined;
    const whole = table.whole ? this.sourceValue(instance, table.whole) : table.named.size > 0 ? {} : undefined;
    if (table.named.size === 0 || !isStaticObject(whole)) return whole;
    const merged: StaticObject = { ...whole };
    for (const [key, source] of table.named) merged[key] = this.sourceValue(instance, source);
    return merged;
  }

  /** `import * as m`: every export, `export *` included (default excluded from those, as in ES). */
  private namespace(instance: ModuleInstance): StaticObject | undefined {
    if (instance.module.kind !== 'script') return undefined;
    const table = instance.module.exports;
    const namespace: StaticObject = {};
    for (const specifier of table.stars) {
      const starred = this.resolveExport(instance.file, specifier, '*');
      if (!isStaticObject(starred)) continue;
      for (const [key, value] of Object.entries(starred)) if (key !== 'default' && !table.named.has(key)) namespace[key] = value;
    }
    for (const key of table.named.keys()) namespace[key] = this.exportValue(instance, key);
    return namespace;
  }

  private exportsName(fromFile: string, specifier: string, name: string): boolean {
    const namespace = this.resolveExport(fromFile, specifier, '*');
    return isStaticObject(namespace) && Object.hasOwn(namespace, name);
  }

  private sourceValue(instance: ModuleInstance, source: ExportSource): StaticValue | undefined {
    if (instance.module.kind !== 'script') return undefined;
    const module = instance.module;
    switch (source.kind) {
      case 'opaque':
        return undefined;
      case 're-export':
        return this.resolveExport(instance.file, source.specifier, source.exportName);
      case 'expression':
        return this.evaluatorOf(instance).evaluate(source.node);
      case 'binding': {
        const binding = module.bindings.resolve(source.name);
        return binding ? this.evaluatorOf(instance).bindingValue(binding) : undefined;
      }
    }
  }

  private evaluatorOf(instance: ModuleInstance): Evaluator {
    if (instance.module.kind !== 'script') throw new Error('only script modules have an evaluator');
    instance.evaluator ??= new Evaluator(instance.module.bindings, instance.file, this);
    return instance.evaluator;
  }
}
