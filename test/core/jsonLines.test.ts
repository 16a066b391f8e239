import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { analyzeFolder } from '../../src/node/analyzeFolder';
import { fieldsInPieces, firstLine, forEachJsonLine, objectFromPieces, toJsonLines } from '../../src/node/jsonLines';
import { tempWorkspace } from '../helpers';

const bytesOf = async (values: Iterable<unknown>) => Buffer.from(`${(await toJsonLines(values)).join('\n')}\n`);

describe('files written as lines of JSON', () => {
  it('give back every value, whatever characters they hold', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.jsonValue(), { maxLength: 30 }), async (values) => {
        const read: unknown[] = [];
        await forEachJsonLine(await bytesOf(values), (value) => read.push(value));
        assert.deepEqual(read, JSON.parse(JSON.stringify(values)));
      }),
      { numRuns: 200 },
    );
    const read: unknown[] = [];
    await forEachJsonLine(await bytesOf(['é😀\n', { a: 'ü' }]), (value) => read.push(value));
    assert.deepEqual(read, ['é😀\n', { a: 'ü' }]);
  });

  it('give back an object from its fields in pieces, its long lists cut in lines; a file cut short gives nothing', async () => {
    const object = { version: 3, empty: [], long: Array.from({ length: 600 }, (_, index) => ({ index })), kind: { kind: 'service' } };
    const bytes = Buffer.concat([Buffer.from('"header"\n'), await bytesOf(fieldsInPieces(object))]);
    const header = firstLine(bytes);
    assert.equal(header.value, 'header');
    assert.deepEqual(await objectFromPieces(bytes, header.next), object);
    assert.ok(bytes.toString().split('\n').length > 4, 'the long list takes several lines');
    const cut = bytes.subarray(0, bytes.lastIndexOf('["end"]'));
    assert.equal(await objectFromPieces(cut, header.next), undefined);
  });

  it('hold the facts cache, a line per file after the version', async () => {
    const workspace = tempWorkspace({ 'a.py': 'def a(): ...\n', 'b.py': 'def b(): ...\n', 'cache/.keep': '' });
    const cacheFile = join(workspace.root, 'cache', 'facts.json');
    try {
      await analyzeFolder(workspace.root, { threads: 1, cacheFile });
      const lines = readFileSync(cacheFile, 'utf8').trimEnd().split('\n');
      assert.equal(lines.length, 3);
      assert.deepEqual(lines.slice(1).map((line) => (JSON.parse(line) as [string])[0]).sort(), ['a.py', 'b.py']);
    } finally {
      rmSync(cacheFile, { force: true });
      workspace.cleanup();
    }
  });
});
