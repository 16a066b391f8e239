import type { Finding, Language, Range } from '../result';

/** One file to analyse, as the discovery found it. */
export interface FileTask {
  path: string;
  absolutePath: string;
  language: Language;
  maxFileSizeBytes: number;
}

export type SymbolKind = 'class' | 'function' | 'method' | 'variable';

export interface SymbolDefinition {
  /** Qualified inside the file: `Class`, `Class.method`, `function`, `CONSTANT`. */
  name: string;
  kind: SymbolKind;
  range: Range;
  /** Base classes as written (`models.Model`, `ABC`). */
  bases: string[];
  /** The metaclass keyword of a class (`ABCMeta`), when it has one. */
  metaclass?: string;
  /** Decorators as written, without `@` and arguments (`app.get`, `staticmethod`). */
  decorators: string[];
}

export interface ImportedName {
  name: string;
  alias?: string;
}

export interface ImportStatement {
  /** The module as written, without the leading dots of a relative import. */
  module: string;
  /** Leading dots of a relative import (0 for an absolute one). */
  level: number;
  /** Empty for `import module`; `*` for a star import. */
  names: ImportedName[];
  /** For `import module as alias`. */
  alias?: string;
  line: number;
}

/** What one worker pass learns about one file; plain data, so it crosses threads and caches. */
export interface FileFacts {
  path: string;
  language: Language;
  /** Set when the file was not analysed; the reason is shown to the user. */
  skipped?: string;
  lineCount: number;
  hasSyntaxErrors: boolean;
  symbols: SymbolDefinition[];
  imports: ImportStatement[];
  /** Findings of the detectors; the layer is filled in by the layers stage. */
  findings: Finding[];
}

export namespace FileFacts {
  export function skipped(task: Pick<FileTask, 'path' | 'language'>, reason: string): FileFacts {
    return { path: task.path, language: task.language, skipped: reason, lineCount: 0, hasSyntaxErrors: false, symbols: [], imports: [], findings: [] };
  }
}
