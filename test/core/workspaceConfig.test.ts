import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { parse } from 'yaml';
import { knowledgeWithConfig, NO_CONFIG, parseWorkspaceConfig } from '../../src/core/config/workspaceConfig';
import { DataFileError } from '../../src/core/knowledge/checkData';
import { builtinKnowledge } from '../../src/node/knowledge';
import { problemLine, readWorkspaceConfig } from '../../src/node/workspaceConfig';
import { ROOT, SAMPLE } from '../helpers';

const CLI = join(ROOT, 'dist', 'cli.js');
const scratch = mkdtempSync(join(tmpdir(), 'archtrace-config-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

let copies = 0;
/** A copy of the sample service with the given archtrace.yml (none when undefined). */
function sampleWith(config: string | undefined, name = 'archtrace.yml'): string {
  const root = join(scratch, `sample-${copies++}`);
  cpSync(SAMPLE, root, { recursive: true });
  if (config !== undefined) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), config);
  }
  return root;
}

function archtrace(...args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args, '--no-cache'], { encoding: 'utf8' });
}

function messageOf(text: string): string {
  try {
    parseWorkspaceConfig({ name: 'archtrace.yml', text });
  } catch (error) {
    assert.ok(error instanceof DataFileError);
    return error.message;
  }
  assert.fail('accepted');
}

describe("the team's archtrace.yml", () => {
  it('reads severities, excludes and layers, the layers in their order', () => {
    const config = parseWorkspaceConfig({ name: 'archtrace.yml', text: 'severities:\n  n-plus-one: error\nexclude: ["legacy/**"]\nlayers:\n  "app/core/**": domain\n  "app/**": application\n' });
    assert.deepEqual(config, { file: 'archtrace.yml', severities: { 'n-plus-one': 'error' }, exclude: ['legacy/**'], layers: [{ glob: 'app/core/**', layer: 'domain' }, { glob: 'app/**', layer: 'application' }], dependencies: {}, ruleDirs: [] });
    assert.deepEqual(parseWorkspaceConfig({ name: 'archtrace.yml', text: '# nothing yet\n' }).layers, []);
  });

  it('names the file and the key at fault: bad YAML, unknown keys, wrong values', () => {
    assert.match(messageOf('severities: [\n'), /^archtrace\.yml: not valid YAML/);
    assert.equal(messageOf('severity:\n  n-plus-one: error\n'), "archtrace.yml: has an unknown key 'severity'");
    assert.equal(messageOf('severities:\n  n-plus-one: fatal\n'), 'archtrace.yml: severities.n-plus-one: must be one of error, warning, off');
    assert.equal(messageOf('exclude: legacy\n'), 'archtrace.yml: exclude: must be a list');
    assert.match(messageOf('layers:\n  "app/**": Domain Layer\n'), /^archtrace\.yml: layers\.app\/\*\*: must match/);
  });

  it('is published as a JSON Schema that editors use for archtrace.yml', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { contributes: { yamlValidation?: { fileMatch: string | string[]; url: string }[] } };
    const entry = manifest.contributes.yamlValidation?.find((validation) => [validation.fileMatch].flat().includes('archtrace.yml'));
    assert.ok(entry, 'contributes.yamlValidation has archtrace.yml');
    const schema = JSON.parse(readFileSync(join(ROOT, entry.url), 'utf8')) as { properties: Record<string, unknown> };
    assert.deepEqual(Object.keys(schema.properties), ['severities', 'exclude', 'layers', 'dependencies', 'ruleDirs']);
  });

  it('puts its layers before the built-in roles, with the glob as the reason, and keys the knowledge by them', () => {
    const builtin = builtinKnowledge();
    const config = { ...NO_CONFIG, file: 'archtrace.yml', layers: [{ glob: 'app/domain/events.py', layer: 'infrastructure' }] };
    const knowledge = knowledgeWithConfig(builtin, config);
    const facts = (path: string) => ({ path, findings: [], imports: [] });
    assert.deepEqual(knowledge.layerRoles.layerOf('service', facts('app/domain/events.py')), { layer: 'infrastructure', reasons: ["'app/domain/events.py' in archtrace.yml → infrastructure"], confidence: 'stated' });
    assert.equal(knowledge.layerRoles.layerOf('service', facts('app/domain/order.py')).layer, 'domain');
    assert.equal(builtin.layerRoles.layerOf('service', facts('app/domain/events.py')).layer, 'domain');
    assert.equal(knowledgeWithConfig(builtin, { ...config, layers: [...config.layers] }), knowledge, 'the same overrides, the same knowledge');
    assert.notEqual(knowledge.source, builtin.source);
    assert.equal(knowledgeWithConfig(builtin, NO_CONFIG), builtin);
  });

  it('is read from .archtrace/config.yml too, and only through the checked read', async () => {
    const nested = sampleWith('exclude: ["tests/**"]\n', '.archtrace/config.yml');
    assert.deepEqual((await readWorkspaceConfig(nested)).config.exclude, ['tests/**']);
    const outside = join(scratch, 'outside.yml');
    writeFileSync(outside, 'exclude: ["app/**"]\n');
    const linked = sampleWith(undefined);
    symlinkSync(outside, join(linked, 'archtrace.yml'));
    const read = await readWorkspaceConfig(linked);
    assert.deepEqual(read.config, NO_CONFIG);
    assert.match(problemLine(read.problems[0] ?? { file: '', message: '' }), /^archtrace\.yml: not read \(.*outside.*\); using the built-in settings$/);
    const large = sampleWith(`# ${'x'.repeat(300 * 1024)}\n`);
    assert.match(problemLine((await readWorkspaceConfig(large)).problems[0] ?? { file: '', message: '' }), /^archtrace\.yml: not read/);
    assert.deepEqual(await readWorkspaceConfig(SAMPLE), { config: NO_CONFIG, rules: [], problems: [] });
    const unsupported = await readWorkspaceConfig(sampleWith('exclude: ["!tests/**", "legacy/**"]\nlayers:\n  "x/@(y)": domain\n'));
    assert.deepEqual(unsupported.config.exclude, ['!tests/**', 'legacy/**']);
    assert.deepEqual(unsupported.problems.map((problem) => problemLine(problem).split(' is not used')[0]), ["archtrace.yml:1:1: exclude: '!tests/**'", "archtrace.yml:3:3: layers: 'x/@(y)'"]);
  });

  it('sets the severities of archtrace check, its excludes and its layers', () => {
    const failing = archtrace('check', sampleWith('severities:\n  domain-imports-infrastructure: error\n'));
    assert.equal(failing.status, 1, failing.stderr);
    assert.match(failing.stdout, /3:1 +error +The domain depends on the infrastructure/);
    assert.equal(failing.stderr, '');
    const off = archtrace('check', sampleWith('severities:\n  domain-imports-infrastructure: off\n  no-such-rule: error\n'), '--max-warnings', '0');
    assert.equal(off.status, 0);
    assert.equal(off.stdout, '');
    assert.match(off.stderr, /^archtrace: archtrace\.yml: severities\.no-such-rule: no such rule/);
    const excluded = archtrace('check', sampleWith('exclude: ["app/domain/events.py"]\n'), '--format', 'json');
    assert.deepEqual(JSON.parse(excluded.stdout), []);
    const layered = sampleWith('layers:\n  "app/domain/events.py": infrastructure\n');
    assert.deepEqual(JSON.parse(archtrace('check', layered, '--format', 'json').stdout), []);
    const files = (parse(archtrace('analyze', layered).stdout) as { files: { path: string; layer: string }[] }).files;
    assert.equal(files.find((file) => file.path === 'app/domain/events.py')?.layer, 'infrastructure');
  });

  it('goes on with the built-in settings after one line on stderr when the file is wrong', () => {
    const run = archtrace('check', sampleWith('severities:\n  domain-imports-infrastructure: error\nexclud: ["app/**"]\n'));
    assert.equal(run.status, 0);
    assert.equal(run.stderr, "archtrace: archtrace.yml:3:1: has an unknown key 'exclud'; using the built-in settings\n");
    assert.match(run.stdout, /3:1 +warning +The domain depends on the infrastructure/);
  });
});
