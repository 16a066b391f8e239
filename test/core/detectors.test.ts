import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseRuleTests, runRuleTests, SNIPPET_FILES } from '../../src/core/detect/ruleTests';
import { CompiledRules } from '../../src/core/detect/compiledRules';
import { type DetectorRule, RuleError } from '../../src/core/detect/rules';
import { rulesDirectory } from '../../src/node/assets';
import { loadRuleDirectory } from '../../src/node/rules';
import { ROOT, testGrammars, testScanner } from '../helpers';

for (const [folder, snippet] of Object.entries(SNIPPET_FILES)) {
  const rules = readdirSync(join(rulesDirectory(ROOT), folder)).filter((name) => name.endsWith('.scm'));
  describe(`${folder} detectors`, () => {
    for (const ruleFile of rules) {
      const id = ruleFile.replace(/\.scm$/, '');
      const testFile = join(ROOT, 'test', 'detectors', folder, `${id}.yml`);
      it(`${id}: matches its match snippets and none of its no-match ones`, async () => {
        let text: string;
        try {
          text = readFileSync(testFile, 'utf8');
        } catch {
          assert.fail(`every detector needs snippet tests: ${testFile} is missing or unreadable`);
        }
        const cases = await runRuleTests(testScanner(), id, snippet, parseRuleTests({ name: testFile, text }));
        assert.deepEqual(cases.filter((test) => test.problem).map((test) => `${test.kind} ${test.number}: ${test.problem}`), []);
      });
    }
  });
}

describe('ecmascript detectors on every grammar they serve', () => {
  it('compile for TypeScript, TSX and JavaScript alike', async () => {
    const rules = loadRuleDirectory(rulesDirectory(ROOT));
    const grammars = testGrammars();
    for (const language of ['typescript', 'tsx', 'javascript'] as const) {
      const compiled = CompiledRules.compile(await grammars.grammar(language), rules.get(language) ?? []);
      assert.ok(compiled.query.patternCount() > 0, language);
    }
  });
});

describe('a rule that cannot run', () => {
  const rule = (name: string, query: string, extra: Partial<DetectorRule> = {}): DetectorRule => ({ id: name, language: 'python', description: '', category: 'route', query, source: `python/${name}.scm`, ...extra });
  const good = rule('good', '(call function: (identifier) @callee) @finding');

  it('is named in the message, whatever is wrong with it', async () => {
    const grammar = await testGrammars().grammar('python');
    const cases: [DetectorRule, RegExp][] = [
      [rule('unclosed', '(call function: (identifier) @callee @finding'), /^python\/unclosed\.scm: /],
      [rule('unknown-node', '(no_such_node) @finding'), /^python\/unknown-node\.scm: /],
      [rule('no-finding', '(call function: (identifier) @callee)'), /^python\/no-finding\.scm: the query needs a @finding capture$/],
      [rule('unqualified', '(call) @finding', { qualifies: { capture: 'callee', names: ['x.y'] } }), /^python\/unqualified\.scm: 'qualifies' names @callee, which the query does not capture$/],
    ];
    for (const [broken, message] of cases) {
      assert.throws(() => CompiledRules.compile(grammar, [good, broken, good]), (error: unknown) => error instanceof RuleError && message.test(error.message), broken.id);
    }
    // A capture another rule has does not count for this one.
    assert.throws(() => CompiledRules.compile(grammar, [good, rule('borrowed', '(call function: (identifier) @callee)')]), /borrowed\.scm: the query needs a @finding/);
    assert.equal(CompiledRules.compile(grammar, [good, good]).query.patternCount(), 2);
  });
});

describe('tree-sitter nodes, as patches/web-tree-sitter+0.27.1.patch makes them', () => {
  it('keep their handle in a named field, not an indexed one, and still answer through it', async () => {
    const parser = await testGrammars().parser('python');
    const tree = parser.parse('def f(x):\n    return g(x)\n');
    try {
      const call = tree?.rootNode.descendantsOfType('call')[0];
      assert.ok(call);
      // An indexed property would give every node an elements store of its own, a cost on every node of every file.
      assert.equal(Object.keys(call).includes('0'), false);
      // The handle goes back to the WebAssembly side with the node: children and text come from it.
      assert.equal(call.childForFieldName('function')?.text, 'g');
      assert.equal(call.parent?.type, 'return_statement');
    } finally {
      tree?.delete();
    }
  });
});
