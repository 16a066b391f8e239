import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { FileScanner } from '../src/core/detect/scanFile';
import type { FileFacts } from '../src/core/parse/facts';
import { Grammars } from '../src/core/parse/grammars';
import { grammarsDirectory, packageRoot, rulesDirectory } from '../src/node/assets';
import { loadRuleDirectory } from '../src/node/rules';

export const ROOT = packageRoot(__dirname);
export const SAMPLE = join(ROOT, 'examples', 'order-service');

let scanner: FileScanner | undefined;

/** The built-in rules and grammars, on the test's own thread. */
export function testScanner(): FileScanner {
  scanner ??= new FileScanner(new Grammars(async (name) => readFileSync(join(grammarsDirectory(ROOT), name))), loadRuleDirectory(rulesDirectory(ROOT)));
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
