import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { findRoute } from '../../src/core/analyze';
import { languageOf } from '../../src/core/discover/languages';
import type { FileFacts } from '../../src/core/parse/facts';
import { resolveWorkspace } from '../../src/core/resolve/resolve';
import { normalizeRoutePath } from '../../src/core/resolve/routePaths';
import { traceRoute } from '../../src/core/trace/trace';
import { builtinKnowledge } from '../../src/node/knowledge';
import { ROOT, SAMPLE, testScanner } from '../helpers';

/** Every Python, TypeScript and JavaScript file of the sample and the fixtures: the seeds the mutations start from. */
function seedSources(): { path: string; text: string }[] {
  const seeds: { path: string; text: string }[] = [];
  const pending = [SAMPLE, join(ROOT, 'test', 'fixtures')];
  for (let folder = pending.pop(); folder; folder = pending.pop()) {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) pending.push(path);
      else if (languageOf(entry.name) && languageOf(entry.name) !== 'sql') seeds.push({ path: path.slice(ROOT.length + 1), text: readFileSync(path, 'utf8') });
    }
  }
  return seeds;
}

const SEEDS = seedSources();
const RUNS = 150;
// A fixed seed keeps CI repeatable; ARCHTRACE_FUZZ_SEED=random explores (and prints the seed of a failure).
const seed = process.env['ARCHTRACE_FUZZ_SEED'];
if (seed !== 'random') fc.configureGlobal({ seed: Number(seed ?? 20261124) });

/** A seed file cut, spliced and salted with Python's punctuation: half-typed and broken code. */
const mutatedSource = fc
  .record({
    seed: fc.integer({ min: 0, max: SEEDS.length - 1 }),
    cuts: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('', '(', ')', ':', '@', '"', "'", '`', '\n    ', 'def ', 'class ', '[', '{', '}', '\\', '#', '=>', '\u00e9', '\0')), { maxLength: 6 }),
  })
  .map(({ seed, cuts }) => {
    const { path, text } = SEEDS[seed] ?? { path: 'x.py', text: '' };
    let mutated = text;
    for (const [at, length, insert] of cuts) {
      const start = at % (mutated.length + 1);
      mutated = mutated.slice(0, start) + insert + mutated.slice(start + (length % 20));
    }
    return { path, text: mutated };
  });

describe('fuzzing', () => {
  it('normalizes any route path to one starting with a slash, idempotently', () => {
    fc.assert(
      fc.property(fc.string(), (path) => {
        const normalized = normalizeRoutePath(path);
        assert.ok(normalized.startsWith('/'));
        assert.equal(normalizeRoutePath(normalized), normalized);
      }),
      { numRuns: 500 },
    );
  });

  it('scans mutated sources without an exception, every range inside its file', async () => {
    await fc.assert(
      fc.asyncProperty(mutatedSource, async ({ path, text }) => {
        const facts = await testScanner().scan({ path, language: languageOf(path) ?? 'python' }, text);
        const lines = text.split('\n').length;
        for (const item of [...facts.findings, ...facts.symbols]) {
          assert.ok(item.range.start.line <= item.range.end.line && item.range.end.line < lines, `${JSON.stringify(item.range)} outside ${lines} lines`);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('resolves and traces mutated workspaces: it ends, and every trace step exists or says why not', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(mutatedSource, { minLength: 1, maxLength: 6 }), async (sources) => {
        const files: FileFacts[] = [];
        for (const [index, { path, text }] of sources.entries()) files.push(await testScanner().scan({ path: `${index}/${path}`, language: languageOf(path) ?? 'python' }, text));
        const resolution = await resolveWorkspace(files, builtinKnowledge());
        const context = { index: resolution.index, interfaces: resolution.interfaces, findings: resolution.findings, layerOf: () => 'core', steps: builtinKnowledge().traceSteps, dataAccess: builtinKnowledge().dataAccess, frameworks: builtinKnowledge().frameworks };
        for (const route of resolution.routes) {
          assert.ok(route.path.startsWith('/'));
          assert.equal(findRoute(resolution.routes, `${route.method} ${route.path}`)?.path, route.path);
          for (const step of traceRoute(context, route).steps) {
            assert.ok(step.external || step.unresolved || resolution.index.definition(step.symbol), `step ${step.symbol} neither exists nor says why`);
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});
