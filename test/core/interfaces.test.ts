import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse as parseYaml } from 'yaml';
import type { FileFacts } from '../../src/core/parse/facts';
import type { Language } from '../../src/core/result';
import { interfaceImplementations } from '../../src/core/resolve/interfaces';
import { readWorkspacePackages } from '../../src/core/resolve/npmPackages';
import { SymbolIndex } from '../../src/core/resolve/symbolIndex';
import { builtinKnowledge } from '../../src/node/knowledge';
import { ROOT, testScanner } from '../helpers';

/**
 * Snippet tests of the interface stage (src/core/resolve/interfaces.ts), in the manner of the
 * detectors' (test/detectors/<language>/interfaces.yml): small workspaces, each with the interfaces
 * and implementations it must give (`base <- implementation, ...`), and workspaces that must give none.
 */
interface InterfaceTests {
  match: { name: string; files: Record<string, string>; interfaces: string[] }[];
  'no-match': { name: string; files: Record<string, string> }[];
}

const LANGUAGES: Record<string, Language> = { py: 'python', ts: 'typescript', tsx: 'tsx', js: 'javascript', mjs: 'javascript', cjs: 'javascript', go: 'go', java: 'java' };

async function interfacesOf(files: Record<string, string>): Promise<string[]> {
  const facts: FileFacts[] = [];
  for (const [path, text] of Object.entries(files)) {
    const language = LANGUAGES[path.slice(path.lastIndexOf('.') + 1)];
    if (language) facts.push(await testScanner().scan({ path, language }, text));
  }
  const packages = await readWorkspacePackages({ readText: (path) => Promise.resolve(files[path.slice('/ws/'.length)] ?? '') }, { root: '/ws', maxBytes: 1 << 20 }, Object.keys(files), []);
  const index = new SymbolIndex(facts, { aliases: [], packages });
  const knowledge = builtinKnowledge();
  return (await interfaceImplementations(index, knowledge.frameworks.interfaceDeclarations, undefined, (path) => !knowledge.layerRoles.isTestExampleOrDoc(path))).map(({ base, implementations }) => `${base} <- ${implementations.join(', ')}`);
}

for (const folder of ['python', 'ecmascript', 'go', 'java']) {
  describe(`${folder} interfaces and their implementations`, () => {
    const tests = parseYaml(readFileSync(join(ROOT, 'test', 'detectors', folder, 'interfaces.yml'), 'utf8')) as InterfaceTests;
    for (const { name, files, interfaces } of tests.match) {
      it(`finds ${name}`, async () => assert.deepEqual(await interfacesOf(files), interfaces));
    }
    for (const { name, files } of tests['no-match']) {
      it(`finds none in ${name}`, async () => assert.deepEqual(await interfacesOf(files), []));
    }
  });
}
