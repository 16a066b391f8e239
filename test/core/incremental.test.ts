import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { Parser } from 'web-tree-sitter';
import type { EditorDocuments } from '../../src/core/host';
import { CompiledRules } from '../../src/core/detect/compiledRules';
import type { DetectorRule } from '../../src/core/detect/rules';
import { FileScanner, type SplitQueries } from '../../src/core/detect/scanFile';
import { languageOf } from '../../src/core/discover/languages';
import type { FileFacts, FileTask, TextChange } from '../../src/core/parse/facts';
import { Grammars, type ParsedLanguage } from '../../src/core/parse/grammars';
import { grammarsDirectory, rulesDirectory } from '../../src/node/assets';
import { analyzeFolder, updateFolder, WarmWorker } from '../../src/node/analyzeFolder';
import { loadRuleDirectory } from '../../src/node/rules';
import { ROOT, SAMPLE, tempWorkspace, testGrammars, testScanner } from '../helpers';

/** A scanner whose parsers tell whether each parse was given an earlier tree to reuse. */
function observedScanner(): { scanner: FileScanner; reused: boolean[]; failNext: () => void } {
  const reused: boolean[] = [];
  let failing = false;
  const grammars = new (class extends Grammars {
    override async parser(language: ParsedLanguage): Promise<Parser> {
      const parser = await super.parser(language);
      if (!Object.hasOwn(parser, 'parse')) {
        const parse = parser.parse.bind(parser);
        parser.parse = (...args: Parameters<Parser['parse']>) => {
          reused.push(Boolean(args[1]));
          // As a parse cancelled or out of memory: no tree.
          if (failing) return (failing = false), null;
          return parse(...args);
        };
      }
      return parser;
    }
  })((name) => Promise.resolve(readFileSync(join(grammarsDirectory(ROOT), name))));
  return { scanner: new FileScanner(grammars, loadRuleDirectory(rulesDirectory(ROOT))), reused, failNext: () => (failing = true) };
}

function applied(text: string, changes: readonly TextChange[]): string {
  return changes.reduce((current, change) => current.slice(0, change.offset) + change.text + current.slice(change.offset + change.length), text);
}

const SOURCES: { path: string; language: FileTask['language']; text: string }[] = [
  ...['app/api/routes/orders.py', 'app/application/services/order_service.py'].map((path) => ({ path, language: 'python' as const, text: readFileSync(join(SAMPLE, path), 'utf8') })),
  {
    path: 'src/orders.controller.ts',
    language: 'typescript',
    text: "import { Controller, Get } from '@nestjs/common';\n\n@Controller('orders')\nexport class OrdersController {\n  constructor(private readonly service: OrdersService) {}\n\n  @Get(':id')\n  find(id: string) {\n    return this.service.find(id);\n  }\n}\n",
  },
];

/** A change as an editor makes one — text typed, pasted or deleted anywhere, lines included — placed by a fraction of the text's length. */
const draftChange = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  removed: fc.nat({ max: 40 }),
  text: fc.array(fc.constantFrom('a', '_', ' ', '\n', '    ', '(', ')', ':', '"', '{', '}', 'def ', 'x = f(1)\n', '@router.get("/y")\n', '\u00e9'), { maxLength: 6 }).map((pieces) => pieces.join('')),
});

/** The drafts placed in the text, in turn: each change's offset is in the text the changes before it made. */
function placed(text: string, drafts: readonly { at: number; removed: number; text: string }[]): TextChange[] {
  let size = text.length;
  return drafts.map((draft) => {
    const offset = Math.floor(draft.at * size);
    const change = { offset, length: Math.min(draft.removed, size - offset), text: draft.text };
    size += change.text.length - change.length;
    return change;
  });
}

/** Every source file the project's fixtures and examples hold, with its language. */
function fixtureSources(): { path: string; language: FileTask['language']; text: string }[] {
  const sources: { path: string; language: FileTask['language']; text: string }[] = [];
  const visit = (directory: string) => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') visit(path);
        continue;
      }
      const language = languageOf(entry.name);
      if (language && language !== 'sql' && language !== 'prisma') sources.push({ path: relative(ROOT, path), language, text: readFileSync(path, 'utf8') });
    }
  };
  for (const directory of ['test/fixtures', 'examples']) visit(join(ROOT, directory));
  return sources;
}

/** At the start of the line `fraction` of the way down. */
function lineStartAt(text: string, fraction: number): number {
  const rows = text.split('\n');
  return rows.slice(0, Math.floor(rows.length * fraction)).reduce((offset, row) => offset + row.length + 1, 0);
}

/**
 * The edits an editor makes, in turn: a line added at the top (every line below moves), a
 * function added halfway, a line typed a keystroke at a time inside a line halfway, a line deleted
 * two thirds of the way down, and the first line removed again.
 */
function editorEdits(text: string, language: FileTask['language']): TextChange[][] {
  const python = language === 'python';
  const rounds: TextChange[][] = [];
  let current = text;
  const push = (change: TextChange) => {
    rounds.push([change]);
    current = applied(current, [change]);
  };
  push({ offset: 0, length: 0, text: python ? '# edited\n' : '// edited\n' });
  const added = python ? 'def added_function(request):\n    return request\n\n' : language === 'go' ? 'func addedFunction() int { return 1 }\n' : 'function addedFunction() { return 1; }\n';
  push({ offset: lineStartAt(current, 0.5), length: 0, text: added });
  const middle = lineStartAt(current, 0.6);
  const typed = python ? '    x = f(1)\n' : '  x = f(1);\n';
  for (let index = 0; index < typed.length; index += 3) push({ offset: middle + index, length: 0, text: typed.slice(index, index + 3) });
  const deleted = lineStartAt(current, 0.7);
  const deletedEnd = current.indexOf('\n', deleted);
  if (deletedEnd >= 0) push({ offset: deleted, length: deletedEnd + 1 - deleted, text: '' });
  push({ offset: 0, length: current.indexOf('\n') + 1, text: '' });
  return rounds;
}

describe('open documents parsed incrementally', () => {
  it('give the facts of a whole parse of the edited text, edit after edit, reusing the tree each time', async () => {
    const { scanner, reused } = observedScanner();
    let run = 0;
    for (const { path, language, text: original } of SOURCES) {
      await fc.assert(
        fc.asyncProperty(fc.array(fc.array(draftChange, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 }), async (rounds) => {
          reused.length = 0;
          // A document of its own for each run: the scanner keeps the trees of the last few.
          const source = { path: path.replace(/(\.\w+)$/, `_${++run}$1`), language };
          let text = original;
          await scanner.scan({ ...source, text }, text);
          for (const drafts of rounds) {
            const changes = placed(text, drafts);
            text = applied(text, changes);
            const incremental = await scanner.scan({ ...source, text, edits: changes }, text);
            assert.deepEqual(incremental, await testScanner().scan(source, text));
          }
          assert.deepEqual(reused, [false, ...rounds.map(() => true)], 'the first text parsed whole, each edit from the tree before');
        }),
        { numRuns: 40 },
      );
    }
  });

  it('give the facts of a whole parse over every fixture, for each kind of edit an editor makes', async () => {
    const rules = loadRuleDirectory(rulesDirectory(ROOT));
    const scanner = new FileScanner(testGrammars(), rules);
    // The same incremental parses, every rule run over the whole file: tree-sitter may recover from
    // a syntax error otherwise than a whole parse does, so that is what texts with errors compare to.
    const wholeAfterEdits = new (class extends FileScanner {
      protected override splitQueries(): Promise<SplitQueries | undefined> {
        return Promise.resolve(undefined);
      }
    })(testGrammars(), rules);
    const sources = fixtureSources();
    assert.ok(sources.length > 300, 'the fixtures are found');
    let compared = 0;
    for (const { path, language, text: original } of sources) {
      const source = { path, language };
      let text = original;
      await scanner.scan({ ...source, text }, text);
      await wholeAfterEdits.scan({ ...source, text }, text);
      for (const changes of editorEdits(original, language)) {
        text = applied(text, changes);
        const incremental = await scanner.scan({ ...source, text, edits: changes }, text);
        const message = `${path} after ${JSON.stringify(changes)}`;
        assert.deepEqual(incremental, await wholeAfterEdits.scan({ ...source, text, edits: changes }, text), message);
        const cold = await testScanner().scan(source, text);
        if (cold.hasSyntaxErrors) continue;
        assert.deepEqual(incremental, cold, message);
        compared++;
      }
    }
    assert.ok(compared > sources.length * 3, `${compared} edits compared with a whole parse`);
  });

  it('in the thread for edits, are scanned with the split queries alone, and files read from disk too, as the one query scans them', async () => {
    const rules = loadRuleDirectory(rulesDirectory(ROOT));
    const compiledSets: (readonly DetectorRule[])[] = [];
    const compile = CompiledRules.compile.bind(CompiledRules);
    CompiledRules.compile = (grammar, ruleSet, syntaxQuery) => {
      compiledSets.push(ruleSet);
      return compile(grammar, ruleSet, syntaxQuery);
    };
    try {
      const forEdits = new FileScanner(testGrammars(), rules);
      forEdits.servesEdits();
      const oneQuery = testScanner();
      const sources = fixtureSources();
      for (const language of new Set(sources.map((source) => source.language))) {
        for (const { path, text } of sources.filter((source) => source.language === language).slice(0, 8)) {
          const source = { path, language };
          const fromDisk = await forEdits.scan(source, text);
          assert.deepEqual(fromDisk, await oneQuery.scan(source, text), path);
          assert.deepEqual(await forEdits.scan({ ...source, text }, text), fromDisk, path);
        }
      }
    } finally {
      CompiledRules.compile = compile;
    }
    // The thread for edits compiled no language's rules as one query (the scanner it was compared with has rules of its own).
    const everyRule = new Set<readonly DetectorRule[]>(rules.values());
    assert.ok(compiledSets.length >= 2);
    assert.deepEqual(compiledSets.filter((ruleSet) => everyRule.has(ruleSet)), []);
  });

  it('keep the findings of the statements an edit did not touch, and find those of a rule that relates several statements again', async () => {
    const scanner = new FileScanner(testGrammars(), loadRuleDirectory(rulesDirectory(ROOT)));
    const source = { path: 'app/worker.py', language: 'python' as const };
    const before = 'import arq\n\n@app.task\ndef first(): ...\n\nclass Settings:\n    functions = [download]\n\n@app.task\ndef last(): ...\n';
    const kept = await scanner.scan({ ...source, text: before }, before);
    const rulesOf = (facts: FileFacts) => facts.findings.map((finding) => `${finding.details.rule} ${finding.symbol} ${finding.range.start.line}`);
    assert.deepEqual(rulesOf(kept), ['celery-task app/worker.py:first 2', 'arq-worker-functions app/worker.py:download 6', 'celery-task app/worker.py:last 8']);
    // The import is what makes the class arq's settings: renamed, the class's finding goes, though the class is not touched.
    const renamed = before.replace('import arq', 'import arrow');
    const edited = await scanner.scan({ ...source, text: renamed, edits: [{ offset: 'import ar'.length, length: 1, text: 'row' }] }, renamed);
    assert.deepEqual(rulesOf(edited), ['celery-task app/worker.py:first 2', 'celery-task app/worker.py:last 8']);
    assert.deepEqual(edited, await testScanner().scan(source, renamed));
    assert.equal(edited.findings[0], kept.findings[0], 'the finding above is kept as it was');
    // A line added in the middle: the findings below move by a line, those above are the same objects.
    const lineAdded = renamed.replace('class Settings:', 'x = 1\nclass Settings:');
    const moved = await scanner.scan({ ...source, text: lineAdded, edits: [{ offset: renamed.indexOf('class Settings:'), length: 0, text: 'x = 1\n' }] }, lineAdded);
    assert.deepEqual(moved, await testScanner().scan(source, lineAdded));
    assert.deepEqual(rulesOf(moved), ['celery-task app/worker.py:first 2', 'celery-task app/worker.py:last 9']);
    assert.equal(moved.findings[0], edited.findings[0]);
  });

  it('find again what a pattern rooted at the module finds in the statement an edit touched', async () => {
    const scanner = new FileScanner(testGrammars(), loadRuleDirectory(rulesDirectory(ROOT)));
    const source = { path: 'app/signals.py', language: 'python' as const };
    const before = 'import blinker\n\ndef first():\n    pass\n\nold = Signal()\n\ndef last():\n    pass\n';
    await scanner.scan({ ...source, text: before }, before);
    const renamed = before.replace('old', 'order_placed');
    const edited = await scanner.scan({ ...source, text: renamed, edits: [{ offset: before.indexOf('old'), length: 3, text: 'order_placed' }] }, renamed);
    assert.deepEqual(edited.findings.map((finding) => `${finding.details.rule} ${finding.symbol}`), ['django-signal app/signals.py:order_placed']);
    assert.deepEqual(edited, await testScanner().scan(source, renamed));
  });

  it('parse the text whole when the edits do not lead from the text kept to the new one', async () => {
    const { scanner, reused } = observedScanner();
    const { path, language, text: before } = SOURCES[0] as (typeof SOURCES)[number];
    const source = { path, language };
    await scanner.scan({ ...source, text: before }, before);
    // A change the editor reported but that was lost on the way: the edits given miss it.
    const after = `# edited\n${before}x = 1\n`;
    const facts = await scanner.scan({ ...source, text: after, edits: [{ offset: after.length - 6, length: 0, text: 'x = 1\n' }] }, after);
    assert.deepEqual(facts, await testScanner().scan(source, after));
    // Out of range, and for a file never given as a document.
    await scanner.scan({ ...source, text: before, edits: [{ offset: before.length + 5, length: 3, text: '' }] }, before);
    await scanner.scan({ ...source, path: 'app/other.py', text: before, edits: [{ offset: 0, length: 0, text: '' }] }, before);
    assert.deepEqual(reused, [false, false, false, false]);
  });

  it('keep the trees of the documents edited last, and forget the oldest', async () => {
    const { scanner, reused } = observedScanner();
    const text = 'x = 1\n';
    const edited = `${text}y = 2\n`;
    const edit = [{ offset: text.length, length: 0, text: 'y = 2\n' }];
    const paths = Array.from({ length: 17 }, (_, index) => `app/open_${index}.py`);
    for (const path of paths) await scanner.scan({ path, language: 'python', text }, text);
    reused.length = 0;
    await scanner.scan({ path: paths[1] ?? '', language: 'python', text: edited, edits: edit }, edited);
    await scanner.scan({ path: paths[0] ?? '', language: 'python', text: edited, edits: edit }, edited);
    assert.deepEqual(reused, [true, false], 'sixteen kept: the first document opened was forgotten');
  });

  it('forget a tree edited for a parse that gave none: the next edit is parsed whole', async () => {
    const { scanner, reused, failNext } = observedScanner();
    const { path, language, text: before } = SOURCES[0] as (typeof SOURCES)[number];
    const source = { path, language };
    await scanner.scan({ ...source, text: before }, before);
    const typed = `${before}x = 1\n`;
    failNext();
    const failed = await scanner.scan({ ...source, text: typed, edits: [{ offset: before.length, length: 0, text: 'x = 1\n' }] }, typed);
    assert.equal(failed.skipped, 'the parser gave no tree');
    // Changes from the text before the failed parse: the kept tree was edited for the failed one, and must not serve.
    const retyped = `${before}y = 2\n`;
    const facts = await scanner.scan({ ...source, text: retyped, edits: [{ offset: before.length, length: 0, text: 'y = 2\n' }] }, retyped);
    assert.deepEqual(facts, await testScanner().scan(source, retyped));
    assert.deepEqual(reused, [false, true, false]);
  });

  it('are what an update reads while the user types: the text unsaved, never written to disk or the cache', async () => {
    const workspace = tempWorkspace({ 'app/api.py': 'from fastapi import APIRouter\nrouter = APIRouter()\n\n@router.get("/a")\ndef a(): ...\n' });
    const warm = new WarmWorker();
    try {
      const file = join(workspace.root, 'app', 'api.py');
      const onDisk = readFileSync(file, 'utf8');
      let analysis = await analyzeFolder(workspace.root, { threads: 1 });
      let text = onDisk;
      let edits: TextChange[] = [];
      const taken: string[] = [];
      const documents: EditorDocuments = {
        take(absolutePath) {
          taken.push(absolutePath);
          if (absolutePath !== file) return undefined;
          const held = { text, edits };
          edits = [];
          return held;
        },
      };
      for (const route of ['b', 'c']) {
        const typed = `@router.post("/${route}")\ndef ${route}(): ...\n`;
        edits.push({ offset: text.length, length: 0, text: typed });
        text += typed;
        analysis = await updateFolder(analysis, [file], { threads: 1, documents }, warm);
      }
      assert.deepEqual(
        analysis.result.routes.map((route) => `${route.method} ${route.path}`),
        ['GET /a', 'POST /b', 'POST /c'],
      );
      assert.deepEqual(taken, [file, file], 'only the changed file is asked for');
      assert.equal(readFileSync(file, 'utf8'), onDisk);
      // Closed without saving: read from disk again.
      analysis = await updateFolder(analysis, [file], { threads: 1 }, warm);
      assert.deepEqual(analysis.result.routes.map((route) => route.path), ['/a']);
    } finally {
      warm.dispose();
      workspace.cleanup();
    }
  });
});
