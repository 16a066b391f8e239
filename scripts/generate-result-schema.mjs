// Generates docs/analysis-result.schema.json, the documented shape of `archtrace analyze --format
// json`, from the types of src/core/result.ts and their comments. build.mjs and `npm run schema`
// run it; test/core/resultSchema.test.ts fails when the schema git holds is not what it makes.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGenerator } from 'ts-json-schema-generator';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const RESULT_SCHEMA = join(root, 'docs', 'analysis-result.schema.json');

/** The schema's text, as the file holds it. */
export function resultSchemaText() {
  const generator = createGenerator({
    path: join(root, 'src', 'core', 'result.ts'),
    type: 'AnalysisResult',
    schemaId: 'https://archtrace.dev/schema/analysis-result.json',
    topRef: false,
    skipTypeCheck: true, // the build's compilation checks result.ts
  });
  return `${JSON.stringify(generator.createSchema('AnalysisResult'), null, 2)}\n`;
}

/** Writes the schema when the types changed it; says whether it did. */
export function writeResultSchema() {
  const text = resultSchemaText();
  if (readFileSync(RESULT_SCHEMA, 'utf8') === text) return false;
  writeFileSync(RESULT_SCHEMA, text);
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url) && writeResultSchema()) console.log('docs/analysis-result.schema.json: written from src/core/result.ts');
