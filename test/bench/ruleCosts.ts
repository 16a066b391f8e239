/**
 * `npm run bench -- <dir> --part rules [--json]`: where the detector rules' one query spends its
 * time. Every file of each language is parsed and matched by the combined query, as a worker scans
 * it, and timed; on the files slowest to match, each rule is matched alone. A rule that costs far
 * more on one file than the others (a pattern with two unanchored sibling steps matches every pair
 * of a class's methods) stands out there, where the machine's noise cannot hide it.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Query, type Tree } from 'web-tree-sitter';
import { discoverFiles } from '../../src/core/discover/discover';
import { CompiledRules } from '../../src/core/detect/compiledRules';
import { SYNTAX } from '../../src/core/detect/scanFile';
import { Grammars, isParsedLanguage, type ParsedLanguage } from '../../src/core/parse/grammars';
import { grammarsDirectory } from '../../src/node/assets';
import { builtinRules } from '../../src/node/rules';
import { nodeFs } from '../../src/node/nodeFs';

const QUERY_OPTIONS = { maxStartDepth: 1000 } as const;
/** The files slowest to match that are looked into rule by rule, and the rules listed for each. */
const SLOWEST_FILES = 5;
const COSTLIEST_RULES = 5;

export interface LanguageRuleCosts {
  language: ParsedLanguage;
  files: number;
  parseMs: number;
  matchMs: number;
  slowest: { file: string; characters: number; matchMs: number; rules: { rule: string; ms: number }[] }[];
}

export async function ruleCosts(root: string): Promise<LanguageRuleCosts[]> {
  const discovery = await discoverFiles(nodeFs, root);
  const grammars = new Grammars((name) => Promise.resolve(readFileSync(`${grammarsDirectory()}/${name}`)));
  const costs: LanguageRuleCosts[] = [];
  for (const language of new Set(discovery.sources.map((source) => source.language))) {
    const rules = builtinRules().get(language) ?? [];
    if (!isParsedLanguage(language) || !rules.length) continue;
    const parser = await grammars.parser(language);
    const grammar = await grammars.grammar(language);
    const combined = CompiledRules.compile(grammar, rules, SYNTAX[language]?.query ?? '');
    let parseMs = 0;
    let matchMs = 0;
    const timed: { path: string; text: string; matchMs: number }[] = [];
    for (const source of discovery.sources.filter((entry) => entry.language === language)) {
      const text = readFileSync(source.absolutePath, 'utf8');
      const parseStart = performance.now();
      const tree = parser.parse(text);
      parseMs += performance.now() - parseStart;
      if (!tree) continue;
      const ms = matchTime(combined.query, tree);
      matchMs += ms;
      timed.push({ path: source.absolutePath, text, matchMs: ms });
      tree.delete();
    }
    combined.query.delete();
    const slowest = timed.sort((a, b) => b.matchMs - a.matchMs).slice(0, SLOWEST_FILES).map(({ path, text, matchMs: fileMs }) => {
      const tree = parser.parse(text);
      const byRule = tree ? rules.map((rule) => ({ rule: rule.source, ms: aloneTime(grammar, rule.query, tree) })) : [];
      tree?.delete();
      return { file: relative(root, path), characters: text.length, matchMs: fileMs, rules: byRule.sort((a, b) => b.ms - a.ms).slice(0, COSTLIEST_RULES) };
    });
    costs.push({ language, files: timed.length, parseMs, matchMs, slowest });
  }
  return costs;
}

function matchTime(query: Query, tree: Tree): number {
  const start = performance.now();
  query.matches(tree.rootNode, QUERY_OPTIONS);
  return performance.now() - start;
}

function aloneTime(grammar: Parameters<typeof CompiledRules.compile>[0], source: string, tree: Tree): number {
  const query = new Query(grammar, source);
  try {
    return matchTime(query, tree);
  } finally {
    query.delete();
  }
}

export function printRuleCosts(costs: readonly LanguageRuleCosts[], json: boolean): void {
  if (json) {
    console.log(JSON.stringify(costs, null, 2));
    return;
  }
  const ms = (value: number) => `${value.toFixed(0)} ms`;
  for (const language of costs) {
    console.log(`${language.language}: ${language.files} files, parsed in ${ms(language.parseMs)}, matched by the rules' query in ${ms(language.matchMs)} (one thread)`);
    console.log('| file | characters | matched in | costliest rules alone |\n|---|---|---|---|');
    for (const file of language.slowest) console.log(`| ${file.file} | ${file.characters} | ${ms(file.matchMs)} | ${file.rules.map((rule) => `${rule.rule} ${ms(rule.ms)}`).join(', ')} |`);
    console.log('');
  }
}
