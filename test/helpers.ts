import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { before } from 'node:test';
import { FileScanner } from '../src/core/detect/scanFile';
import type { FileFacts } from '../src/core/parse/facts';
import { Grammars } from '../src/core/parse/grammars';
import { grammarsDirectory, packageRoot, rulesDirectory } from '../src/node/assets';
import { loadRuleDirectory } from '../src/node/rules';
import type { AnalysisResult, Answer } from '../src/core/result';
import { phraseText } from '../src/core/answers/phrases';
import { analyzeFolder } from '../src/node/analyzeFolder';

export const ROOT = packageRoot(__dirname);
export const SAMPLE = join(ROOT, 'examples', 'order-service');

/** Each fact of an answer (of one topic's parts, when given) as `phrase — path:line` (1-based), what a reader checks against the code. */
export function factsOf(answer: Answer | undefined, topic?: string): string[] {
  return (answer?.parts ?? []).filter((part) => !topic || part.topic.phrase === topic).flatMap((part) => part.facts.map((fact) => `${phraseText(fact)} — ${fact.location.path}:${fact.location.line + 1}`));
}

let scanner: FileScanner | undefined;

/** The package's grammars (their WebAssembly files), read from the test's own thread. */
export function testGrammars(): Grammars {
  return new Grammars((name) => Promise.resolve(readFileSync(join(grammarsDirectory(ROOT), name))));
}

/** The built-in rules and grammars, on the test's own thread. */
export function testScanner(): FileScanner {
  scanner ??= new FileScanner(testGrammars(), loadRuleDirectory(rulesDirectory(ROOT)));
  return scanner;
}

/** Scans Python sources given by path, as the workers would. */
export async function scanPython(files: Record<string, string>): Promise<FileFacts[]> {
  const facts: FileFacts[] = [];
  for (const [path, text] of Object.entries(files)) facts.push(await testScanner().scan({ path, language: 'python' }, text));
  return facts;
}

/** A temporary folder with these files (content as text or bytes); removed by the returned cleanup. */
export function tempWorkspace(files: Record<string, string | Uint8Array>): { root: string; cleanup: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'archtrace-test-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return { root, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/** The result of analysing a workspace made of these files, on one thread; the workspace is removed after. */
export async function analyseFiles(files: Record<string, string>): Promise<AnalysisResult> {
  const workspace = tempWorkspace(files);
  try {
    return (await analyzeFolder(workspace.root, { threads: 1 })).result;
  } finally {
    workspace.cleanup();
  }
}

/** A workspace made of what real repositories throw at an analyser, generated afresh for each run. */
export function hostileFiles(): Record<string, string | Uint8Array> {
  return {
    'half_typed.py': 'class A(\n  def f(self:\n    return [1, 2\n@app.get("/x"\ndef g(: pass\n',
    'syntax_error.py': 'def f(:\n    return )\n',
    'binary.py': new Uint8Array(Array.from({ length: 2048 }, (_, index) => index % 256)),
    'latin1.py': new Uint8Array([0x23, 0x20, 0xe9, 0x0a, 0x78, 0x3d, 0x31, 0x0a]),
    'bom_crlf.py': '\ufeffclass A:\r\n    def f(self):\r\n        return 1\r\n',
    'deep_brackets.py': `x = ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`,
    'deep_calls.py': `def f():\n    return ${'g('.repeat(10_000)}${')'.repeat(10_000)}\n`,
    'deep_ifs.py': `${Array.from({ length: 300 }, (_, depth) => `${'    '.repeat(depth)}if x:\n`).join('')}${'    '.repeat(300)}pass\n`,
    'minified.js': 'var a=1;function b(){return a}'.repeat(70_000),
    'settings.py': 'MIDDLEWARE = [\n    "a.B",\n    "c.D"\n',
    'tsconfig.json': '{ "compilerOptions": { "paths": ',
    '.gitignore': '[\n!\n\\\n**/***.log\n/[a-\n',
    '<img src=x onerror=alert(1)>.py': '"""<script>alert(1)</script>"""\n',
    'gone.py': 'x = 1\n',
  };
}

/** Ends a language server a test started: the protocol's shutdown and exit, then the process, whatever the server answers. */
export async function shutDownServer(connection: { sendRequest(method: string): Promise<unknown>; sendNotification(method: string): Promise<void>; dispose(): void }, child: { kill(): boolean }): Promise<void> {
  try {
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
  } finally {
    connection.dispose();
    child.kill();
  }
}

/** The answers of a workspace written for a test, analysed once before the tests of the `describe` that calls this. */
export function workspaceAnswers(files: Record<string, string>): { answerOf: (item: string) => Answer | undefined; factsOfItem: (item: string, topic?: string) => string[] } {
  let answers: Answer[] = [];
  before(async () => {
    const workspace = tempWorkspace(files);
    try {
      answers = (await analyzeFolder(workspace.root, { threads: 1 })).answers();
    } finally {
      workspace.cleanup();
    }
  });
  const answerOf = (item: string) => answers.find((answer) => answer.item === item);
  return { answerOf, factsOfItem: (item, topic) => factsOf(answerOf(item), topic) };
}
