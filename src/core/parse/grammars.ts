import { Language as Grammar, Parser } from 'web-tree-sitter';
import type { Language } from '../result';

/** The wasm files in `grammars/`, copied there from the grammar packages by the build. */
export const GRAMMAR_FILES: Readonly<Record<ParsedLanguage, string>> = {
  python: 'tree-sitter-python.wasm',
  typescript: 'tree-sitter-typescript.wasm',
  tsx: 'tree-sitter-tsx.wasm',
  javascript: 'tree-sitter-javascript.wasm',
  java: 'tree-sitter-java.wasm',
  go: 'tree-sitter-go.wasm',
};

/** The languages parsed with tree-sitter; schema files (`sql`, `prisma`) have parsers of their own. */
export type ParsedLanguage = Exclude<Language, 'sql' | 'prisma'>;

export function isParsedLanguage(language: Language): language is ParsedLanguage {
  return language in GRAMMAR_FILES;
}

export const RUNTIME_FILE = 'web-tree-sitter.wasm';

/** Reads a file of `grammars/` as bytes; the host decides from where (disk, extension URI). */
export type WasmLoader = (fileName: string) => Promise<Uint8Array>;

let runtimeReady: Promise<void> | undefined;

/** Each language is loaded once per thread, and one parser per language is reused. */
export class Grammars {
  private readonly parsers = new Map<ParsedLanguage, Promise<Parser>>();

  constructor(private readonly loadWasm: WasmLoader) {}

  parser(language: ParsedLanguage): Promise<Parser> {
    let parser = this.parsers.get(language);
    if (!parser) {
      parser = this.createParser(language);
      this.parsers.set(language, parser);
    }
    return parser;
  }

  async grammar(language: ParsedLanguage): Promise<Grammar> {
    const parser = await this.parser(language);
    if (!parser.language) throw new Error(`no grammar set for ${language}`);
    return parser.language;
  }

  /** Loads tree-sitter's own WebAssembly, which every language needs (once per thread). */
  runtime(): Promise<void> {
    runtimeReady ??= this.loadWasm(RUNTIME_FILE).then((wasmBinary) => Parser.init({ wasmBinary }));
    return runtimeReady;
  }

  private async createParser(language: ParsedLanguage): Promise<Parser> {
    await this.runtime();
    const grammar = await Grammar.load(await this.loadWasm(GRAMMAR_FILES[language]));
    const parser = new Parser();
    parser.setLanguage(grammar);
    return parser;
  }
}
