import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { analyzeFolder } from '../../src/node/analyzeFolder';
import { tempWorkspace } from '../helpers';

describe('the kept result read back', () => {
  const workspace = tempWorkspace({
    'app/api.py': 'from fastapi import APIRouter\nrouter = APIRouter()\n@router.get("/orders")\ndef orders(): ...\n',
    'app/models.py': 'class Order:\n    def pay(self): ...\n',
  });
  const cacheHome = mkdtempSync(join(tmpdir(), 'archtrace-kept-'));
  after(() => {
    workspace.cleanup();
    rmSync(cacheHome, { recursive: true, force: true });
  });
  const cacheFile = join(cacheHome, 'cache', 'archtrace', 'facts.json');
  const resultFile = join(cacheHome, 'cache', 'archtrace', 'facts.result.json');
  const run = async () => {
    const warnings: string[] = [];
    const { result } = await analyzeFolder(workspace.root, { threads: 1, cacheFile, onWarning: (message) => warnings.push(message) });
    return { result, warnings };
  };

  it('is validated: one that lost a line, or a field, means the result made afresh with one warning', async () => {
    const cold = await run();
    assert.deepEqual(cold.warnings, []);
    const lines = readFileSync(resultFile, 'utf8').trimEnd().split('\n');
    const routesLine = lines.findIndex((line) => line.startsWith('["routes"'));
    for (const damaged of [[...lines.slice(0, routesLine), ...lines.slice(routesLine + 1)], lines.map((line) => (line.startsWith('["routes"') ? '["routes",{"method":"GET"}]' : line))]) {
      writeFileSync(resultFile, `${damaged.join('\n')}\n`);
      const warm = await run();
      assert.equal(warm.warnings.length, 1, warm.warnings.join('\n'));
      assert.match(warm.warnings[0] ?? '', /the result kept in .* is damaged \(.*\): this run makes it afresh/);
      assert.deepEqual(warm.result, cold.result);
      assert.deepEqual((await run()).warnings, [], 'kept whole again');
    }
  });

  it('is private to the user, and what an interrupted write left is removed', async () => {
    const leftover = `${resultFile}.999999999.1.tmp`;
    writeFileSync(leftover, 'half');
    writeFileSync(join(workspace.root, 'app', 'models.py'), 'class Order:\n    def cancel(self): ...\n');
    await run();
    assert.deepEqual(readdirSync(join(cacheFile, '..')).sort(), ['facts.json', 'facts.result.json']);
    assert.equal(statSync(join(cacheFile, '..')).mode & 0o777, 0o700);
    assert.equal(statSync(join(cacheFile, '..', '..')).mode & 0o777, 0o700);
    for (const file of [cacheFile, resultFile]) assert.equal(statSync(file).mode & 0o777, 0o600, file);
  });
});
