import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { parseRuleTests, runRuleTests, SNIPPET_FILES } from '../core/detect/ruleTests';
import { FileScanner } from '../core/detect/scanFile';
import { Grammars } from '../core/parse/grammars';
import { grammarsDirectory } from './assets';
import { readChecked } from './checkedRead';
import { builtinRules, withUserRules } from './rules';
import { problemLine, readWorkspaceConfig } from './workspaceConfig';

/** As large as a snippet-test file gets. */
const MAX_TESTS_BYTES = 1024 * 1024;

/** What `archtrace test-rules` counted: a rule that does not load, or has no tests, is a failure too. */
export interface RuleTestsRun {
  passed: number;
  failed: number;
}

/**
 * Runs the snippet tests of the workspace's rule folders (`ruleDirs` of archtrace.yml), as `sg
 * test` runs ast-grep's: each rule `<dir>/<language>/<id>.scm` with the tests beside it in
 * `<id>.yml`, by the runner of the built-in detectors' tests, with the scanner the analysis would
 * use. Writes a line per case (and what differed for a failed one).
 */
export async function testWorkspaceRules(root: string, write: (line: string) => void): Promise<RuleTestsRun> {
  const { config, rules, problems } = await readWorkspaceConfig(root);
  const run: RuleTestsRun = { passed: 0, failed: 0 };
  for (const problem of problems) {
    write(`FAIL ${problemLine(problem)}`);
    run.failed++;
  }
  if (!config.ruleDirs.length) {
    write(`no rules to test: ${config.file ?? 'archtrace.yml'} names no ruleDirs`);
    return run;
  }
  const grammarFiles = grammarsDirectory();
  const scanner = new FileScanner(new Grammars((name) => fs.readFile(join(grammarFiles, name))), withUserRules(builtinRules(), rules));
  const tested = new Set<string>();
  for (const rule of rules) {
    // An ecmascript rule is one per grammar it serves: its snippets are TypeScript, tested once.
    if (tested.has(rule.source)) continue;
    tested.add(rule.source);
    const folder = rule.source.split('/').at(-2) ?? '';
    const snippet = SNIPPET_FILES[folder];
    if (!snippet) continue; // the loader reads only the folders of SNIPPET_FILES
    const testFile = rule.source.replace(/\.scm$/, '.yml');
    let text: string;
    try {
      text = (await readChecked(join(root, testFile), { maxBytes: MAX_TESTS_BYTES, root })).toString('utf8');
    } catch (error) {
      write(`FAIL ${rule.source}: no snippet tests (${testFile}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : error instanceof Error ? error.message : String(error)})`);
      run.failed++;
      continue;
    }
    let cases;
    try {
      cases = await runRuleTests(scanner, rule.id, snippet, parseRuleTests({ name: testFile, text }));
    } catch (error) {
      write(`FAIL ${error instanceof Error ? error.message : String(error)}`);
      run.failed++;
      continue;
    }
    for (const test of cases) {
      write(`${test.problem ? 'FAIL' : 'PASS'} ${rule.source} ${test.kind} #${test.number}${test.problem ? `: ${test.problem.trimEnd()}` : ''}`);
      if (test.problem) run.failed++;
      else run.passed++;
    }
  }
  return run;
}
