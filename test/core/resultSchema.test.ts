import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../helpers';

const SCHEMA_PATH = 'docs/analysis-result.schema.json';

/** The schema as git will commit it (the index), or as the folder holds it outside a git checkout. */
function committedSchema(): string {
  try {
    return execFileSync('git', ['show', `:${SCHEMA_PATH}`], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return readFileSync(join(ROOT, SCHEMA_PATH), 'utf8');
  }
}

describe('the documented result schema', () => {
  it('is the one the types of src/core/result.ts make, as committed', async () => {
    const generator = (await import(pathToFileURL(join(ROOT, 'scripts', 'generate-result-schema.mjs')).href)) as { resultSchemaText: () => string };
    assert.ok(
      committedSchema() === generator.resultSchemaText(),
      `${SCHEMA_PATH} is not what src/core/result.ts makes: the build (or \`npm run schema\`) writes it; review it and commit it with the types`,
    );
  });

  it('names the finding categories the knowledge files may name', () => {
    const result = JSON.parse(readFileSync(join(ROOT, SCHEMA_PATH), 'utf8')) as { definitions: { Finding: { properties: { category: { enum: string[] } } } } };
    const knowledge = JSON.parse(readFileSync(join(ROOT, 'src', 'core', 'knowledge', 'knowledge.schema.json'), 'utf8')) as { $defs: { category: { enum: string[] } } };
    assert.deepEqual([...knowledge.$defs.category.enum].sort(), [...result.definitions.Finding.properties.category.enum].sort());
  });
});
