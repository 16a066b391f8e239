import assert from 'node:assert/strict';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { analyzeFolder } from '../../src/node/analyzeFolder';
import { fieldsInPieces, forEachJsonLine, jsonLines, ObjectFromPieces, piecesOf } from '../../src/node/jsonLines';
import { writeAtomically } from '../../src/node/nodeFs';
import { tempWorkspace } from '../helpers';

const bytesOf = async (values: Iterable<unknown>) => {
  const lines: string[] = [];
  for await (const line of jsonLines(values)) lines.push(line);
  return Buffer.from(`${lines.join('\n')}\n`);
};

/** The bytes cut at the given places (any: inside a line, inside a character's bytes), as a file is read a piece at a time. */
const cutAt = (bytes: Buffer, places: readonly number[]) => {
  const ends = [...new Set(places.map((place) => place % (bytes.length + 1)))].sort((a, b) => a - b);
  return [...ends, bytes.length].map((end, index) => bytes.subarray(index ? ends[index - 1] : 0, end));
};

const valuesOf = async (pieces: Iterable<Buffer>, header?: (value: unknown) => boolean) => {
  const read: unknown[] = [];
  await forEachJsonLine(pieces, (value) => read.push(value), header);
  return read;
};

describe('files written as lines of JSON', () => {
  it('give back every value, whatever characters they hold, however the bytes come in pieces', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.jsonValue(), { maxLength: 30 }), fc.array(fc.nat(), { maxLength: 12 }), async (values, places) => {
        assert.deepEqual(await valuesOf(cutAt(await bytesOf(values), places)), JSON.parse(JSON.stringify(values)));
      }),
      { numRuns: 300 },
    );
    const bytes = await bytesOf(['é😀\n', { a: 'ü' }]);
    // Cut inside the emoji's four bytes, and the last line without its newline.
    const emoji = bytes.indexOf(Buffer.from('😀'));
    assert.deepEqual(await valuesOf(cutAt(bytes.subarray(0, -1), [emoji + 1, emoji + 3])), ['é😀\n', { a: 'ü' }]);
  });

  it('read past the first line only when the header says so', async () => {
    const bytes = await bytesOf([{ version: 'a' }, 1, 2]);
    assert.deepEqual(await valuesOf([bytes], (header) => (header as { version: string }).version === 'a'), [1, 2]);
    assert.deepEqual(await valuesOf([bytes], (header) => (header as { version: string }).version === 'b'), []);
    const unread = [bytes.subarray(0, bytes.indexOf('\n') + 1), Buffer.from('not json\n')];
    assert.deepEqual(await valuesOf(unread, () => false), [], 'the rest not even parsed');
  });

  it('give back an object from its fields in pieces, its long lists cut in lines; a file cut short gives nothing', async () => {
    const object = { version: 3, empty: [], long: Array.from({ length: 600 }, (_, index) => ({ index })), kind: { kind: 'service' } };
    const bytes = await bytesOf(fieldsInPieces(object));
    const whole = new ObjectFromPieces();
    await forEachJsonLine([bytes], (value) => whole.add(value));
    assert.deepEqual(whole.object, object);
    assert.ok(bytes.toString().split('\n').length > 4, 'the long list takes several lines');
    const cut = new ObjectFromPieces();
    await forEachJsonLine([bytes.subarray(0, bytes.lastIndexOf('["end"'))], (value) => cut.add(value));
    assert.equal(cut.object, undefined);
    assert.equal(cut.problem, 'cut short');
    const lines = bytes.toString().split('\n');
    const missing = new ObjectFromPieces();
    await forEachJsonLine([Buffer.from([...lines.slice(0, 2), ...lines.slice(3)].join('\n'))], (value) => missing.add(value));
    assert.equal(missing.object, undefined);
    assert.match(missing.problem ?? '', /lines where .* were written/);
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

  it('are written as they are made, every line once and in order, across the writes of a large file', async () => {
    const workspace = tempWorkspace({ 'out/.keep': '' });
    const file = join(workspace.root, 'out', 'lines.json');
    // About three megabytes: several writes, a line cut by none of them; and one line longer than a
    // write, of characters of two and four bytes.
    const values: unknown[] = Array.from({ length: 3000 }, (_, index) => ({ index, text: `${'x'.repeat(index % 997)}é` }));
    values.splice(1500, 0, { long: `${'ü'.repeat(600_000)}😀` });
    let made = 0;
    async function* counted(): AsyncGenerator<string> {
      for await (const line of jsonLines(values)) {
        made++;
        yield line;
      }
    }
    try {
      await writeAtomically(file, counted());
      assert.equal(made, values.length);
      const read: unknown[] = [];
      await forEachJsonLine(piecesOf(file), (value) => read.push(value)); // read back a megabyte at a time too
      assert.deepEqual(read, values);
      assert.deepEqual(readdirSync(join(workspace.root, 'out')).sort(), ['.keep', 'lines.json'], 'no temporary file left');
    } finally {
      workspace.cleanup();
    }
  });
});
