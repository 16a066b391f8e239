import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import AjvDraft04 from 'ajv-draft-04';
import type { Log } from 'sarif';
import { checkFails, collectProblems, problemRules } from '../../src/core/check/problems';
import type { QueryWarning, Violation } from '../../src/core/result';
import { renderCheckText } from '../../src/core/render/checkText';
import { renderSarif } from '../../src/core/render/sarif';
import { builtinKnowledge } from '../../src/node/knowledge';
import { ROOT, SAMPLE } from '../helpers';

const CLI = join(ROOT, 'dist', 'cli.js');
const DJANGO_SHOP = join(ROOT, 'test', 'fixtures', 'django-shop');
const cacheHome = mkdtempSync(join(tmpdir(), 'archtrace-check-cache-'));
after(() => rmSync(cacheHome, { recursive: true, force: true }));

function archtrace(...args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: cacheHome } });
}

/** The SARIF 2.1.0 JSON Schema as Microsoft publishes it with its SARIF matchers (draft-04; one of its patterns is not valid with the `u` flag). */
function sarifValidator() {
  const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')) as object;
  return new AjvDraft04({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false }).compile(schema);
}

const violation = (line: number, imported = 'app.api.schemas'): Violation => ({ rule: 'domain-imports-api', path: 'app/domain/order #1.py', line, imported, message: 'The domain depends on the API layer.' });
const nPlusOne = (line: number): QueryWarning => ({
  rule: 'n-plus-one',
  path: 'shop/reports.py',
  loop: { line: line - 1, character: 4 },
  access: { line, character: 12 },
  relation: 'Order.user',
  read: 'order.user',
  message: 'N+1 queries: the loop reads order.user once per Order.',
  fix: 'select_related("user")',
});

describe('archtrace check', () => {
  it('fails only on an error or on more warnings than allowed; an "off" rule reports nothing', () => {
    const result = { violations: [violation(3)], queryWarnings: [nPlusOne(9)] };
    const problems = collectProblems(result);
    assert.deepEqual(problems.map((problem) => [problem.ruleId, problem.severity]), [['domain-imports-api', 'warning'], ['n-plus-one', 'warning']]);
    assert.equal(checkFails(problems, undefined), false);
    assert.equal(checkFails(problems, 2), false);
    assert.equal(checkFails(problems, 1), true);
    assert.equal(checkFails(collectProblems(result, { 'n-plus-one': 'error' }), undefined), true);
    assert.deepEqual(collectProblems(result, { 'domain-imports-api': 'off' }).map((problem) => problem.ruleId), ['n-plus-one']);
  });

  it('gives a problem the same fingerprint when its code moves, and numbers one the file repeats', () => {
    const before = collectProblems({ violations: [violation(3), violation(8)], queryWarnings: [nPlusOne(9)] });
    const after = collectProblems({ violations: [violation(13), violation(18)], queryWarnings: [nPlusOne(40)] });
    assert.deepEqual(after.map((problem) => problem.fingerprint), before.map((problem) => problem.fingerprint));
    assert.equal(new Set(before.map((problem) => problem.fingerprint)).size, 3);
    assert.notEqual(collectProblems({ violations: [violation(3, 'app.api.routes')], queryWarnings: [] })[0]?.fingerprint, before[0]?.fingerprint);
  });

  it('writes SARIF 2.1.0 that the published schema accepts: rules with help links, 1-based regions, encoded paths', () => {
    const rules = problemRules(builtinKnowledge().layerRules);
    const log = renderSarif(collectProblems({ violations: [violation(3)], queryWarnings: [nPlusOne(9)] }), rules, { version: '1.2.3', informationUri: 'https://example.org/archtrace' });
    const validate = sarifValidator();
    const parsed = JSON.parse(log) as Log;
    assert.ok(validate(parsed), JSON.stringify(validate.errors));
    const run = parsed.runs[0];
    assert.ok(run?.tool.driver.rules?.some((rule) => rule.id === 'n-plus-one' && rule.helpUri === 'https://example.org/archtrace/blob/main/docs/diagnostics.md#n-plus-one'));
    const [layer, query] = run?.results ?? [];
    assert.equal(layer?.locations?.[0]?.physicalLocation?.artifactLocation?.uri, 'app/domain/order%20%231.py');
    assert.deepEqual(query?.locations?.[0]?.physicalLocation?.region, { startLine: 10, startColumn: 13, endLine: 10, endColumn: 23 });
    assert.equal(run?.tool.driver.rules?.[query?.ruleIndex ?? -1]?.id, 'n-plus-one');
    // The schema is strict enough to catch a broken log.
    assert.equal(validate({ ...parsed, version: '2.0.0' }), false);
  });

  it('prints problems under their file without letting a file name drive the terminal', () => {
    const text = renderCheckText(collectProblems({ violations: [{ ...violation(0), path: 'app/domain/\u001b[2Jx.py' }], queryWarnings: [] }));
    assert.match(text, /^app\/domain\/\\u\{1b\}\[2Jx\.py\n {2}1:1 +warning +The domain depends on the API layer\. \(app\.api\.schemas\) {2}domain-imports-api\n\n1 problem \(0 errors, 1 warning\)$/);
    assert.equal(renderCheckText([]), '');
  });

  it('exits 0 with warnings, 1 past --max-warnings, and writes a valid SARIF log of a real workspace', () => {
    const text = archtrace('check', DJANGO_SHOP);
    assert.equal(text.status, 0, text.stderr);
    assert.match(text.stdout, /catalog\/reports\.py\n {2}\d+:\d+ +warning +N\+1 queries: the loop reads product\.category/);
    assert.match(text.stdout, /3 problems \(0 errors, 3 warnings\)\n$/);
    const sarif = archtrace('check', DJANGO_SHOP, '--format', 'sarif', '--max-warnings', '0');
    assert.equal(sarif.status, 1);
    const log = JSON.parse(sarif.stdout) as Log;
    assert.ok(sarifValidator()(log));
    assert.equal(log.runs[0]?.results?.length, 3);
    const again = JSON.parse(archtrace('check', DJANGO_SHOP, '--format', 'sarif').stdout) as Log;
    assert.deepEqual(again.runs[0]?.results?.map((result) => result.partialFingerprints), log.runs[0]?.results?.map((result) => result.partialFingerprints));
    const layers = archtrace('check', SAMPLE, '--format', 'json');
    assert.deepEqual((JSON.parse(layers.stdout) as { ruleId: string }[]).map((problem) => problem.ruleId), ['domain-imports-infrastructure']);
    assert.equal(archtrace('check', SAMPLE, '--max-warnings', 'x').status, 2);
    assert.equal(archtrace('analyze', SAMPLE, '--max-warnings', '1').status, 2);
  });
});
