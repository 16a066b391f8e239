import type { FileFacts, ImportStatement } from '../parse/facts';
import type { SymbolIndex } from '../resolve/symbolIndex';

/** One name an import statement brings in: the workspace file (and symbol) it reaches, or the outside name. */
export interface ImportedTarget {
  /** The name as written (its alias when it has one). */
  written: string;
  file?: string;
  symbol?: string;
  external?: string;
}

/** An import statement of a file, with what each of its names reaches. */
export interface ResolvedImport {
  statement: ImportStatement;
  imported: ImportedTarget[];
}

/**
 * Each import statement of a file with what each of its names reaches, kept per file in the index
 * (the `imported-targets` part): layer violations and the architecture map read the same answers.
 */
export function resolvedImports(index: SymbolIndex, file: FileFacts): readonly ResolvedImport[] {
  return index.part('imported-targets', file.path, () => file.imports.map((statement) => ({ statement, imported: importedTargets(index, file.path, statement) })));
}

function importedTargets(index: SymbolIndex, path: string, statement: ImportStatement): ImportedTarget[] {
  const names = statement.names.length ? statement.names.filter((name) => name.name !== '*') : [{ name: statement.module.split('.')[0] ?? '', alias: statement.alias }];
  return names.map(({ name, alias }) => {
    const written = alias ?? name;
    const target = index.qualify(path, written);
    if (target && 'symbol' in target) return { written, file: index.pathOf(target.symbol), symbol: target.symbol };
    // A module imported by name (`from app.infrastructure import persistence`, `import app.db`) is its file.
    const file = index.importedModuleFile(path, statement, statement.names.length ? name : undefined);
    return file ? { written, file } : { written, ...(target ? { external: target.external } : {}) };
  });
}
