import type { FileFacts } from '../parse/facts';
import type { SymbolIndex } from '../resolve/symbolIndex';
import { SymbolId } from '../result';

/** A workspace symbol a file imports by name, and the line of the import. */
export interface ImportedSymbol {
  symbol: string;
  line: number;
}

/**
 * The workspace symbols a file imports by name (`from cachelib import RedisCache`,
 * `import { Router } from './router'`), resolved through re-exports.
 */
export function importedSymbols(index: SymbolIndex, file: FileFacts): ImportedSymbol[] {
  const found: ImportedSymbol[] = [];
  for (const statement of file.imports) {
    for (const name of statement.names) {
      if (name.name === '*') continue;
      const symbol = index.resolve(file.path, name.alias ?? name.name);
      if (symbol && !found.some((entry) => entry.symbol === symbol)) found.push({ symbol, line: statement.line });
    }
  }
  return found;
}

/**
 * The workspace files a file imports: the files of the symbols it imports by name, and the modules
 * it imports whole (`import app.models`, `from app import models`).
 */
export function importedFiles(index: SymbolIndex, file: FileFacts): Set<string> {
  const files = new Set<string>();
  for (const statement of file.imports) {
    for (const name of statement.names.length ? statement.names : [undefined]) {
      if (name?.name === '*') continue;
      const module = file.language === 'python' ? index.importedModuleFile(file.path, statement, name?.name) : undefined;
      const symbol = name ? index.resolve(file.path, name.alias ?? name.name) : undefined;
      const target = module ?? (symbol ? SymbolId.parse(symbol).path : undefined);
      if (target && target !== file.path) files.add(target);
    }
  }
  return files;
}

/** For each file, how many other files (of those given) import it. */
export function importerCounts(index: SymbolIndex, files: readonly FileFacts[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const file of files) for (const imported of importedFiles(index, file)) counts.set(imported, (counts.get(imported) ?? 0) + 1);
  return counts;
}
