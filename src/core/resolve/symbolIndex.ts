import type { FileFacts, ImportStatement, SymbolDefinition } from '../parse/facts';
import { SymbolId } from '../result';

/**
 * The workspace's symbols, queryable by id and by the names a file can see: what it defines and
 * what it imports from other workspace files (absolute and relative imports, aliases, re-exports
 * through `__init__.py`, `src/` layouts). Names from outside the workspace stay unresolved.
 */
export class SymbolIndex {
  private readonly definitions = new Map<string, { path: string; definition: SymbolDefinition }>();
  private readonly moduleFiles = new Map<string, string>();
  private readonly factsByPath = new Map<string, FileFacts>();

  constructor(files: readonly FileFacts[]) {
    for (const facts of files) {
      if (facts.skipped) continue;
      this.factsByPath.set(facts.path, facts);
      for (const definition of facts.symbols) this.definitions.set(SymbolId.of(facts.path, definition.name), { path: facts.path, definition });
      if (facts.language === 'python') {
        for (const module of pythonModuleNames(facts.path)) {
          if (!this.moduleFiles.has(module)) this.moduleFiles.set(module, facts.path);
        }
      }
    }
  }

  definition(symbol: string): SymbolDefinition | undefined {
    return this.definitions.get(symbol)?.definition;
  }

  *allDefinitions(): Iterable<{ symbol: string; path: string; definition: SymbolDefinition }> {
    for (const [symbol, entry] of this.definitions) yield { symbol, ...entry };
  }

  moduleFile(module: string): string | undefined {
    return this.moduleFiles.get(module);
  }

  /**
   * The symbol a dotted name written in `path` refers to (`Base`, `models.Model`, `abc.ABC`), or
   * undefined when it leads outside the workspace.
   */
  resolve(path: string, dottedName: string, depth = 0): string | undefined {
    if (depth > 16) return undefined; // re-export cycles
    const facts = this.factsByPath.get(path);
    if (!facts) return undefined;
    const [head = '', ...rest] = dottedName.split('.');
    const local = SymbolId.of(path, dottedName);
    if (this.definitions.has(local)) return local;
    for (const statement of facts.imports) {
      const target = this.resolveThroughImport(path, statement, head, rest, depth);
      if (target) return target;
    }
    return undefined;
  }

  private resolveThroughImport(path: string, statement: ImportStatement, head: string, rest: string[], depth: number): string | undefined {
    const base = absoluteModule(path, statement);
    if (statement.names.length === 0) {
      // `import a.b.c` binds `a`; `import a.b as x` binds `x`.
      const bound = statement.alias ?? statement.module.split('.')[0];
      if (bound !== head) return undefined;
      const written = statement.alias ? [statement.module, ...rest] : [head, ...rest];
      return this.resolveModuleMember(written.join('.'), depth);
    }
    for (const imported of statement.names) {
      if (imported.name === '*') {
        const file = this.moduleFiles.get(base);
        const found = file && file !== path ? this.resolve(file, [head, ...rest].join('.'), depth + 1) : undefined;
        if (found) return found;
        continue;
      }
      if ((imported.alias ?? imported.name) !== head) continue;
      const qualified = base ? `${base}.${imported.name}` : imported.name;
      return this.resolveModuleMember([qualified, ...rest].join('.'), depth);
    }
    return undefined;
  }

  /** `pkg.module.Class.method` → the longest module prefix that is a workspace file, then the member in it. */
  private resolveModuleMember(dotted: string, depth: number): string | undefined {
    const parts = dotted.split('.');
    for (let split = parts.length; split > 0; split--) {
      const file = this.moduleFiles.get(parts.slice(0, split).join('.'));
      if (!file) continue;
      const member = parts.slice(split).join('.');
      return member ? this.resolve(file, member, depth + 1) : undefined;
    }
    return undefined;
  }
}

/** The names a Python file can be imported by: `a/b/c.py` → `a.b.c`; `src/` and similar roots stripped too. */
export function pythonModuleNames(path: string): string[] {
  const withoutSuffix = path.replace(/\.pyi?$/, '').replace(/\/__init__$/, '').replace(/^__init__$/, '');
  const parts = withoutSuffix.split('/');
  const names: string[] = [];
  // Every suffix of the path is a candidate: the import root may be `src/`, `app/` or the top.
  for (let start = 0; start < parts.length; start++) names.push(parts.slice(start).join('.'));
  return names;
}

function absoluteModule(path: string, statement: ImportStatement): string {
  if (statement.level === 0) return statement.module;
  const packageParts = path.split('/').slice(0, -1);
  // `from . import x` in a/b/c.py is package a.b: level 1 drops the file only.
  const kept = packageParts.slice(0, Math.max(0, packageParts.length - (statement.level - 1)));
  const modulePath = [...kept, ...(statement.module ? statement.module.split('.') : [])].join('.');
  return modulePath;
}
