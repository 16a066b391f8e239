import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from '../helpers';

describe('Restricted Mode', () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    capabilities: { untrustedWorkspaces: { supported: boolean | 'limited'; description?: string; restrictedConfigurations?: string[] } };
  };
  const untrusted = manifest.capabilities.untrustedWorkspaces;

  it("is limited support: a workspace not trusted cannot set what ArchTrace reads, how much, or for how long", () => {
    assert.equal(untrusted.supported, 'limited');
    assert.ok(untrusted.description);
    // What a hostile repository's .vscode/settings.json could turn against its reader: files read
    // whole (the size limit), a run held (the time budget), files hidden (excludes, languages).
    for (const setting of ['archtrace.exclude', 'archtrace.maxFileSizeKB', 'archtrace.fileTimeBudgetSeconds', 'archtrace.languages']) {
      assert.ok(untrusted.restrictedConfigurations?.includes(setting), setting);
    }
  });
});
