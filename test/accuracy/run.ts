/**
 * `npm run accuracy -- --corpus DIR`: analyses every checkout of the corpus and scores it against
 * its label. The held-back split is scored only when asked (`--split held-back` or `all`), so that
 * whoever changes rules does not look at it by accident.
 *
 *   --corpus DIR        checkouts as DIR/owner__name (cloned at the manifest's commit; see README.md)
 *   --split S           tuned (default), held-back or all
 *   --only REPO,...     only these repositories
 *   --json FILE         where the run is written (default DIR/accuracy-<split>.json)
 *   --compare OLD.json  print the change from an earlier run
 *   --details           list what each repository missed and wrongly reported
 *   --no-types          traces by syntax alone, without the TypeScript type checker
 *   --checkout MIRRORS  first clone each missing checkout from MIRRORS/owner+name/repo (the fetch tool's bare copies)
 *   --cache-dir DIR     where the facts caches live (default DIR/.archtrace-cache; one per checkout of ArchTrace)
 *   --labels DIR        the label files (default test/accuracy/labels): another corpus's, labelled the same way
 *   --manifest FILE     that corpus's manifest (default test/accuracy/corpus.yml)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Trace } from '../../src/core/result';
import { analyzeFolder } from '../../src/node/analyzeFolder';
import { TypeCheckerWorker } from '../../src/node/typeChecker';
import { ROOT } from '../helpers';
import { checkoutName, type Label, loadCorpus, type Split } from './labels';
import { type AccuracyRun, compare, details, render, totalsBySplit } from './report';
import { type RepositoryScore, routesMatching, scoreRepository } from './score';

const LABELS = join(ROOT, 'test', 'accuracy', 'labels');
const MANIFEST = join(ROOT, 'test', 'accuracy', 'corpus.yml');

function git(args: string[], cwd?: string): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

function archtraceVersion(): string {
  try {
    const commit = git(['rev-parse', '--short', 'HEAD'], ROOT);
    return git(['status', '--porcelain', '--', 'src'], ROOT) ? `${commit}+changes` : commit;
  } catch {
    return 'unknown';
  }
}

/** The checkout at the label's commit, cloned from a mirror first when asked; an explanation when it cannot be had. */
function checkout(corpus: string, label: Label, mirrors: string | undefined): string {
  const dir = join(corpus, checkoutName(label.repo));
  if (!existsSync(dir) && mirrors) {
    const mirror = join(mirrors, label.repo.replace('/', '+'), 'repo');
    if (!existsSync(mirror)) throw new Error(`no checkout at ${dir} and no mirror at ${mirror} (bring it with the fetch tool)`);
    git(['clone', '-q', '--no-checkout', mirror, dir]);
    git(['checkout', '-q', label.commit], dir);
  }
  if (!existsSync(dir)) throw new Error(`no checkout at ${dir}`);
  const head = git(['rev-parse', 'HEAD'], dir);
  if (head !== label.commit) throw new Error(`${dir} is at ${head}, the label at ${label.commit}`);
  return dir;
}

async function analyse(dir: string, label: Label, cacheDir: string, types: boolean): Promise<RepositoryScore> {
  const started = performance.now();
  const analysis = await analyzeFolder(dir, { cacheFile: join(cacheDir, `${checkoutName(label.repo)}.json`), onWarning: () => {} });
  const checker = types ? new TypeCheckerWorker() : undefined;
  const traces = new Map<string, Trace | undefined>();
  try {
    for (const entry of label.traces ?? []) {
      const [method = '', ...rest] = entry.route.split(' ');
      const route = routesMatching(analysis.result.routes, method, rest.join(' '))[0];
      if (!route) continue;
      const written = `${route.method} ${route.path}`;
      traces.set(entry.route, checker ? await analysis.traceWithTypes(written, checker) : analysis.trace(written));
    }
  } finally {
    checker?.dispose();
  }
  const seconds = (performance.now() - started) / 1000;
  return scoreRepository(label, { result: analysis.result, traces, seconds });
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      corpus: { type: 'string' },
      split: { type: 'string', default: 'tuned' },
      only: { type: 'string' },
      json: { type: 'string' },
      compare: { type: 'string' },
      details: { type: 'boolean', default: false },
      'no-types': { type: 'boolean', default: false },
      checkout: { type: 'string' },
      'cache-dir': { type: 'string' },
      labels: { type: 'string' },
      manifest: { type: 'string' },
    },
  });
  if (!values.corpus) {
    process.stderr.write('accuracy: --corpus DIR is required (the folder of checkouts)\n');
    return 2;
  }
  if (!['tuned', 'held-back', 'all'].includes(values.split)) {
    process.stderr.write(`accuracy: --split is tuned, held-back or all, not '${values.split}'\n`);
    return 2;
  }
  const corpus = resolve(values.corpus);
  const only = values.only ? new Set(values.only.split(',')) : undefined;
  const labels = loadCorpus(values.labels ? resolve(values.labels) : LABELS, values.manifest ? resolve(values.manifest) : MANIFEST).filter((label) => (values.split === 'all' || label.split === (values.split as Split)) && (!only || only.has(label.repo)));
  const cacheDir = resolve(values['cache-dir'] ?? join(corpus, '.archtrace-cache'));
  mkdirSync(cacheDir, { recursive: true });

  const scores: RepositoryScore[] = [];
  let failed = 0;
  for (const label of labels) {
    process.stderr.write(`accuracy: ${label.repo} … `);
    try {
      const dir = checkout(corpus, label, values.checkout);
      const score = await analyse(dir, label, cacheDir, !values['no-types']);
      scores.push(score);
      process.stderr.write(`${score.seconds.toFixed(1)} s\n`);
    } catch (error) {
      failed++;
      process.stderr.write(`not scored: ${error instanceof Error ? error.message : String(error)}\n`);
    }
  }

  const run: AccuracyRun = { archtrace: archtraceVersion(), date: new Date().toISOString().slice(0, 10), scores, totals: totalsBySplit(scores) };
  const out = values.json ?? join(corpus, `accuracy-${values.split}.json`);
  writeFileSync(out, `${JSON.stringify(run, null, 1)}\n`);
  process.stdout.write(`${render(run)}\n`);
  if (values.details) process.stdout.write(`\n${details(scores)}\n`);
  if (values.compare) process.stdout.write(`\n${compare(JSON.parse(readFileSync(values.compare, 'utf8')) as AccuracyRun, run)}\n`);
  process.stderr.write(`accuracy: written to ${out}\n`);
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`accuracy: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  },
);
