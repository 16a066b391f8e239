import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import lockfile from 'proper-lockfile';
import type { ChecklistProgress } from '../../src/core/checklist/progress';
import { ChecklistStore } from '../../src/node/checklistStore';
import { ROOT, SAMPLE, tempWorkspace } from '../helpers';

const CLI = join(ROOT, 'dist', 'cli.js');

/** The files of a folder other than the one given and its lock. */
function besides(folder: string, name: string): string[] {
  return readdirSync(folder).filter((entry) => entry !== name && entry !== `${name}.lock`);
}

describe('a progress file the user may have', () => {
  const workspace = tempWorkspace({});
  after(workspace.cleanup);
  let count = 0;
  /** A file with these bytes in a folder of its own. */
  const fileWith = (name: string, bytes: string) => {
    const folder = join(workspace.root, `case-${count++}`);
    const path = join(folder, name);
    mkdirSync(folder);
    writeFileSync(path, bytes);
    return { folder, path };
  };

  it('is left untouched when it is not an ArchTrace progress file (a mistyped path: package.json), by report and by a change', async () => {
    const bytes = '{\n  "name": "shop",\n  "version": "1.0.0",\n  "items": {}\n}\n';
    const { folder, path } = fileWith('package.json', bytes);
    const run = spawnSync(process.execPath, [CLI, 'report', SAMPLE, '--progress', path, '--no-cache'], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stderr, /is not an ArchTrace checklist progress file: it is left as it is/);
    await assert.rejects(new ChecklistStore(path).update('x', { done: true }), /not an ArchTrace checklist progress file/);
    await assert.rejects(new ChecklistStore(path).reset(), /not an ArchTrace checklist progress file/);
    assert.equal(readFileSync(path, 'utf8'), bytes);
    assert.deepEqual(besides(folder, 'package.json'), []);
  });

  it('keeps every damaged copy it sets aside, numbered', async () => {
    const first = '{\n  "archtrace": "checklist-progress",\n  "version": 1,\n  "items": {\n    "a": {"done": tr';
    const second = '{"version": 1, "items": {"b": {"done": false, "upd';
    const { folder, path } = fileWith('progress.json', first);
    const store = new ChecklistStore(path);
    assert.match((await store.load()).warning ?? '', /is damaged/);
    assert.equal(readFileSync(path, 'utf8'), first, 'reading changes nothing');
    await store.update('x', { done: true });
    writeFileSync(path, second);
    await store.update('y', { done: true });
    assert.equal(readFileSync(`${path}.corrupt-1`, 'utf8'), first);
    assert.equal(readFileSync(`${path}.corrupt-2`, 'utf8'), second);
    assert.deepEqual(besides(folder, 'progress.json').sort(), ['progress.json.corrupt-1', 'progress.json.corrupt-2']);
  });

  it('keeps a file of a newer version read-only', async () => {
    const bytes = '{"archtrace": "checklist-progress", "version": 2, "items": {"a": {"state": "done"}}}\n';
    const { folder, path } = fileWith('progress.json', bytes);
    const store = new ChecklistStore(path);
    assert.match((await store.load()).warning ?? '', /written by a newer ArchTrace \(version 2\): it is kept read-only/);
    await assert.rejects(store.update('x', { done: true }), /newer ArchTrace/);
    assert.equal(readFileSync(path, 'utf8'), bytes);
    assert.deepEqual(besides(folder, 'progress.json'), []);
  });

  it('never overwrites a file it could not read', () => {
    const bytes = '{"archtrace": "checklist-progress", "version": 1, "items": {"mine": {"done": true, "updated": 1}}}\n';
    const { folder, path } = fileWith('progress.json', bytes);
    chmodSync(path, 0o000);
    chmodSync(workspace.root, 0o755);
    chmodSync(folder, 0o777);
    // root reads any file: the change is made by an unprivileged user, as a user's editor would.
    const script = `new (require(${JSON.stringify(join(ROOT, 'out', 'src', 'node', 'checklistStore.js'))}).ChecklistStore)(${JSON.stringify(path)}).update('x', { done: true }).then(() => console.log('saved'), (error) => console.log(error.message))`;
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', ...asUser });
    chmodSync(path, 0o644);
    assert.match(run.stdout, /could not be read \(EACCES\): it is left as it is/, run.stderr);
    assert.equal(readFileSync(path, 'utf8'), bytes);
  });

  it('warns about every item it cannot read, and keeps each in the file as written', async () => {
    const { path } = fileWith('progress.json', JSON.stringify({ version: 1, items: { a: { done: 'yes', updated: 1 }, b: { done: true, updated: 2 }, c: { done: false, updated: 'yesterday', note: 'mine' } } }));
    const store = new ChecklistStore(path);
    const loaded = await store.load();
    assert.deepEqual(Object.keys(loaded.progress.items), ['b']);
    assert.match(loaded.warning ?? '', /item "a" .* \("done" is not true or false\): it is kept in the file as written/);
    assert.match(loaded.warning ?? '', /item "c" .* \("updated" is not a number\)/);
    await store.update('d', { done: true }, 5);
    const items = (JSON.parse(readFileSync(path, 'utf8')) as { items: Record<string, unknown> }).items;
    assert.deepEqual(items, { a: { done: 'yes', updated: 1 }, b: { done: true, updated: 2 }, c: { done: false, updated: 'yesterday', note: 'mine' }, d: { done: true, updated: 5 } });
  });

  it('waits for a writer that holds the lock for as long as it lives, and never takes the lock from it', async () => {
    const { path } = fileWith('progress.json', '');
    const release = await lockfile.lock(path, { realpath: false, stale: 10_000, update: 1_000 });
    let saved = false;
    const waiting = new ChecklistStore(path).update('x', { done: true }).then(() => (saved = true));
    // Longer than the 2 s after which the lock was taken from any holder.
    await new Promise((resolve) => setTimeout(resolve, 3_500));
    assert.equal(saved, false);
    assert.ok(await lockfile.check(path, { realpath: false, stale: 10_000 }));
    await release();
    await waiting;
    assert.equal((JSON.parse(readFileSync(path, 'utf8')) as ChecklistProgress).items['x']?.done, true);
  });
});
