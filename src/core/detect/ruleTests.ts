import { parse } from 'yaml';
import type { DataFile } from '../knowledge/dataFile';
import type { ParsedLanguage } from '../parse/grammars';
import { Confirmation, confirmFile } from '../resolve/qualify';
import { SymbolIndex } from '../resolve/symbolIndex';
import { SymbolId } from '../result';
import { RuleError } from './rules';
import type { FileScanner } from './scanFile';

/**
 * A rule's snippet tests (`<id>.yml`, beside a user's rule, under test/detectors/ for a built-in
 * one): snippets it must match, with the findings they must give, and snippets it must not match.
 */
export interface RuleTests {
  match: { code: string; findings: { symbol: string; details?: Record<string, unknown> }[] }[];
  'no-match': string[];
}

/** One snippet's outcome: `problem` says what differed when it failed. */
export interface RuleTestCase {
  kind: 'match' | 'no-match';
  /** The snippet's position in its list, from 1. */
  number: number;
  problem?: string;
}

/** The language each rule folder's snippets are written in (ecmascript rules run on TypeScript, TSX and JavaScript alike) and the file name they are scanned as. */
export const SNIPPET_FILES: Readonly<Record<string, { language: ParsedLanguage; path: string }>> = {
  python: { language: 'python', path: 'snippet.py' },
  ecmascript: { language: 'typescript', path: 'snippet.ts' },
  typescript: { language: 'typescript', path: 'snippet.ts' },
  java: { language: 'java', path: 'snippet.java' },
  go: { language: 'go', path: 'snippet.go' },
};

/** Reads a snippet-test file; one that is not of the shape throws a `RuleError` naming it. */
export function parseRuleTests(file: DataFile): RuleTests {
  let tests: unknown;
  try {
    tests = parse(file.text);
  } catch (error) {
    throw new RuleError(`${file.name}: not valid YAML: ${error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error)}`);
  }
  const { match, 'no-match': noMatch, ...rest } = (tests ?? {}) as Partial<RuleTests>;
  const matchOk = Array.isArray(match) && match.length > 0 && match.every((entry) => typeof entry?.code === 'string' && Array.isArray(entry.findings) && entry.findings.every((finding) => typeof finding?.symbol === 'string'));
  const noMatchOk = Array.isArray(noMatch) && noMatch.length > 0 && noMatch.every((code) => typeof code === 'string');
  if (!matchOk || !noMatchOk || Object.keys(rest).length) throw new RuleError(`${file.name}: holds a 'match' list (code, findings: symbol and details) and a 'no-match' list (code), each with one snippet or more, and nothing else`);
  return { match, 'no-match': noMatch };
}

/** The rule's findings (or hints) for a snippet, after the resolver has checked what their names stand for. */
async function matchesOf(scanner: FileScanner, code: string, snippet: { language: ParsedLanguage; path: string }, rule: string): Promise<{ symbol: string; details: Record<string, unknown> }[]> {
  const facts = await scanner.scan(snippet, code);
  const index = new SymbolIndex([facts]);
  const confirmation = new Confirmation();
  const own = confirmFile(index, facts.findings, facts.hints);
  confirmation.add(own);
  const { findings, hints } = confirmation.finish();
  return [...own.confirmed, ...findings, ...hints].filter((finding) => finding.details.rule === rule || ('rule' in finding && finding.rule === rule));
}

/**
 * Runs a rule's snippet tests with a scanner that holds the rule: each match snippet must give
 * exactly the findings listed (by name, with at least the details listed, a list as listed), each no-match snippet
 * none of the rule's.
 */
export async function runRuleTests(scanner: FileScanner, ruleId: string, snippet: { language: ParsedLanguage; path: string }, tests: RuleTests): Promise<RuleTestCase[]> {
  const cases: RuleTestCase[] = [];
  for (const [index, { code, findings: expected }] of tests.match.entries()) {
    const found = await matchesOf(scanner, code, snippet, ruleId);
    const names = (list: readonly string[]) => [...list].sort().join(', ') || 'nothing';
    const foundNames = names(found.map((finding) => SymbolId.parse(finding.symbol).name));
    let problem = foundNames === names(expected.map((finding) => finding.symbol)) ? undefined : `found ${foundNames}, expected ${names(expected.map((finding) => finding.symbol))}`;
    for (const want of expected) {
      if (problem) break;
      const candidates = found.filter((finding) => SymbolId.parse(finding.symbol).name === want.symbol);
      const detailsMatch = candidates.some((finding) => Object.entries(want.details ?? {}).every(([key, value]) => JSON.stringify(finding.details[key]) === JSON.stringify(value)));
      if (!detailsMatch) problem = `${want.symbol} should have details ${JSON.stringify(want.details)}, found ${JSON.stringify(candidates.map((finding) => finding.details))}`;
    }
    cases.push({ kind: 'match', number: index + 1, ...(problem ? { problem: `${problem} in:\n${code}` } : {}) });
  }
  for (const [index, code] of tests['no-match'].entries()) {
    const found = await matchesOf(scanner, code, snippet, ruleId);
    cases.push({ kind: 'no-match', number: index + 1, ...(found.length ? { problem: `matched ${found.map((finding) => SymbolId.parse(finding.symbol).name).join(', ')} in:\n${code}` } : {}) });
  }
  return cases;
}
