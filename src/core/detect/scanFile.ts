import type { Node, QueryMatch } from 'web-tree-sitter';
import type { FileFacts, FileTask } from '../parse/facts';
import type { Grammars } from '../parse/grammars';
import { pythonSyntax } from '../parse/python';
import { type LanguageSyntax, literalValue, qualifiedName, rangeOf } from '../parse/syntax';
import { type Finding, type Language, SymbolId } from '../result';
import { CompiledRules, type DetectorRule } from './rules';

const SYNTAX: Partial<Record<Language, LanguageSyntax>> = { python: pythonSyntax };

/**
 * Parses a file and runs every detector of its language in one query pass. Runs in a worker;
 * each thread holds one scanner, so grammars and queries are compiled once per thread.
 */
export class FileScanner {
  private readonly compiled = new Map<Language, Promise<CompiledRules>>();

  constructor(
    private readonly grammars: Grammars,
    private readonly rules: ReadonlyMap<Language, readonly DetectorRule[]>,
  ) {}

  async scan(task: Pick<FileTask, 'path' | 'language'>, text: string): Promise<FileFacts> {
    const parser = await this.grammars.parser(task.language);
    const compiled = await this.compiledRules(task.language);
    const tree = parser.parse(text);
    if (!tree) return { ...emptyFacts(task, text), skipped: 'the parser gave no tree' };
    try {
      const root = tree.rootNode;
      const syntax = SYNTAX[task.language];
      const facts = emptyFacts(task, text);
      facts.hasSyntaxErrors = root.hasError;
      if (syntax) {
        facts.symbols = syntax.symbols(root);
        facts.imports = syntax.imports(root);
      }
      if (compiled) facts.findings = findingsOf(task.path, compiled, compiled.query.matches(root), syntax);
      return facts;
    } finally {
      tree.delete();
    }
  }

  private compiledRules(language: Language): Promise<CompiledRules | undefined> {
    const rules = this.rules.get(language);
    if (!rules?.length) return Promise.resolve(undefined);
    let compiled = this.compiled.get(language);
    if (!compiled) {
      compiled = this.grammars.grammar(language).then((grammar) => CompiledRules.compile(grammar, rules));
      this.compiled.set(language, compiled);
    }
    return compiled;
  }
}

function emptyFacts(task: Pick<FileTask, 'path' | 'language'>, text: string): FileFacts {
  let lineCount = text.length > 0 ? 1 : 0;
  for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) lineCount++;
  return { path: task.path, language: task.language, lineCount, hasSyntaxErrors: false, symbols: [], imports: [], findings: [] };
}

function findingsOf(path: string, compiled: CompiledRules, matches: QueryMatch[], syntax: LanguageSyntax | undefined): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const match of matches) {
    const rule = compiled.ruleOf(match.patternIndex);
    const findingNode = match.captures.find((capture) => capture.name === 'finding')?.node;
    if (!findingNode) continue;
    const symbol = symbolOf(path, findingNode, match, syntax);
    const key = `${rule.id}|${symbol}|${findingNode.startIndex}`;
    if (seen.has(key)) continue;
    seen.add(key);
    findings.push({ category: rule.category, symbol, range: rangeOf(findingNode), layer: '', details: detailsOf(rule, match) });
  }
  return findings;
}

function symbolOf(path: string, finding: Node, match: QueryMatch, syntax: LanguageSyntax | undefined): string {
  if (syntax) {
    const own = syntax.definitionName(finding) ?? syntax.assignedName(finding);
    if (own) return SymbolId.of(path, qualifiedName(syntax, finding, own));
  }
  const named = match.captures.find((capture) => capture.name === 'symbol')?.node;
  if (named) return SymbolId.of(path, named.text.replace(/\s+/g, ''));
  // A call site (`task.delay(...)`) belongs to the function it is written in.
  const enclosing = syntax ? qualifiedName(syntax, finding) : '';
  return enclosing ? SymbolId.of(path, enclosing) : SymbolId.anonymous(path, finding.startPosition.row);
}

function detailsOf(rule: DetectorRule, match: QueryMatch): Record<string, unknown> {
  const details: Record<string, unknown> = { rule: rule.id };
  if (rule.framework) details['framework'] = rule.framework;
  for (const capture of match.captures) {
    if (capture.name === 'finding' || capture.name === 'symbol' || capture.name.startsWith('_')) continue;
    const value = literalValue(capture.node);
    const existing = details[capture.name];
    if (existing === undefined) details[capture.name] = value;
    else details[capture.name] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  for (const [key, value] of Object.entries(match.setProperties ?? {})) {
    if (value !== null && details[key] === undefined) details[key] = value;
  }
  return details;
}
