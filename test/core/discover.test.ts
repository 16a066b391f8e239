import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { discoverFiles } from '../../src/core/discover/discover';
import { nodeFs } from '../../src/node/nodeFs';
import { tempWorkspace } from '../helpers';

describe('discoverFiles', () => {
  const workspace = tempWorkspace({
    '.gitignore': 'generated/\n*.gen.py\n',
    'app/main.py': 'x = 1\n',
    'app/models.gen.py': 'x = 1\n',
    'generated/schema.py': 'x = 1\n',
    'lib/.gitignore': 'private.py\n',
    'lib/private.py': 'x = 1\n',
    'lib/public.py': 'x = 1\n',
    'other/private.py': 'x = 1\n',
    'node_modules/pkg/index.js': 'module.exports = 1\n',
    '.venv/lib/site.py': 'x = 1\n',
    'env/pyvenv.cfg': 'home = /usr/bin\n',
    'env/lib/python3.12/os.py': 'x = 1\n',
    'web/config/env/index.ts': 'export {}\n',
    'web/server.ts': 'export {}\n',
    'web/types.d.ts': 'export {}\n',
    'legacy/old.py': 'x = 1\n',
    'README.md': '# hi\n',
    'service/src/main/java/com/shop/adapter/out/persistence/OrderRepository.java': 'package com.shop.adapter.out.persistence;\n',
    'service/build/classes/java/main/com/shop/Order.java': 'package com.shop;\n',
    'service/out/production/com/shop/Order.java': 'package com.shop;\n',
    'service/src/main/java/node_modules/tool/Tool.java': 'package tool;\n',
    'Dockerfile': 'FROM python\n',
  });
  mkdirSync(join(workspace.root, 'loop'));
  symlinkSync(workspace.root, join(workspace.root, 'loop', 'back-to-root'));
  symlinkSync('/usr', join(workspace.root, 'outside'));
  symlinkSync(join(workspace.root, 'missing-target'), join(workspace.root, 'dangling.py'));
  after(workspace.cleanup);

  it('honours .gitignore files at every level, the default excludes (a folder named env only when it is a virtual environment) and the given globs', async () => {
    const found = await discoverFiles(nodeFs, workspace.root, { excludeGlobs: ['legacy/**'] });
    assert.deepEqual(found.sources.map((source) => source.path).sort(), ['app/main.py', 'lib/public.py', 'other/private.py', 'service/src/main/java/com/shop/adapter/out/persistence/OrderRepository.java', 'web/config/env/index.ts', 'web/server.ts']);
    assert.deepEqual(found.sources.find((source) => source.path === 'web/server.ts')?.language, 'typescript');
    assert.ok(found.otherFiles.includes('README.md') && found.otherFiles.includes('Dockerfile'));
  });

  it('keeps a Java package named like build output (out, build) below a source set, and still leaves out the build folders beside it and node_modules inside it', async () => {
    const found = await discoverFiles(nodeFs, workspace.root);
    const java = found.sources.filter((source) => source.language === 'java').map((source) => source.path);
    assert.deepEqual(java, ['service/src/main/java/com/shop/adapter/out/persistence/OrderRepository.java']);
  });

  it('analyses only the languages asked for; the other sources count as plain files', async () => {
    const found = await discoverFiles(nodeFs, workspace.root, { languages: ['typescript'] });
    assert.deepEqual(found.sources.map((source) => source.path), ['web/server.ts', 'web/config/env/index.ts']); // breadth first
    assert.ok(found.otherFiles.includes('app/main.py'));
  });

  it('records link loops, links leaving the workspace and broken links instead of following them', async () => {
    const found = await discoverFiles(nodeFs, workspace.root);
    const reasons = new Map(found.skipped.map((skip) => [skip.path, skip.reason]));
    assert.match(reasons.get('loop/back-to-root') ?? '', /already analysed/);
    assert.match(reasons.get('outside') ?? '', /outside the workspace/);
    assert.match(reasons.get('dangling.py') ?? '', /broken link/);
  });

  it('records a folder it cannot read and goes on', async () => {
    const denied = Object.assign(new Error('permission denied'), { code: 'EACCES' });
    const lockedFs = { ...nodeFs, readDirectory: (path: string) => (path.endsWith('/lib') ? Promise.reject(denied) : nodeFs.readDirectory(path)) };
    const found = await discoverFiles(lockedFs, workspace.root);
    assert.ok(!found.sources.some((source) => source.path.startsWith('lib/')));
    assert.ok(found.sources.some((source) => source.path === 'app/main.py'));
    assert.deepEqual(found.skipped.find((skip) => skip.path === 'lib'), { path: 'lib', reason: 'folder not readable: EACCES' });
  });

  it('stops when cancelled', async () => {
    await assert.rejects(discoverFiles(nodeFs, workspace.root, { signal: AbortSignal.abort() }), { name: 'AbortError' });
  });
});
