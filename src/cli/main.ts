/** `archtrace`: the same analysis as the extension, rendered for a terminal or another program. */
import { readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Analysis } from '../core/analyze';
import type { ProgressReport } from '../core/host';
import type { Trace } from '../core/result';
import { buildChecklist } from '../core/checklist/checklist';
import { ChecklistProgress } from '../core/checklist/progress';
import { renderMarkdown } from '../core/render/markdown';
import { renderMapMermaid } from '../core/render/mapMermaid';
import { renderMapSvg } from '../core/render/mapSvg';
import { renderStudyGuide } from '../core/render/report';
import { renderKindText } from '../core/render/text';
import { renderTraceMermaid, renderTraceText } from '../core/render/trace';
import { analyzeFolder } from '../node/analyzeFolder';
import { folderFile } from '../node/folderFile';
import { TypeCheckerWorker } from '../node/typeChecker';
import { ChecklistStore } from '../node/checklistStore';
import { checkFails, collectProblems, problemRules } from '../core/check/problems';
import { renderCheckText } from '../core/render/checkText';
import { renderSarif, type SarifTool } from '../core/render/sarif';
import { packageRoot } from '../node/assets';
import { builtinKnowledge } from '../node/knowledge';
import { problemLine, readWorkspaceConfig } from '../node/workspaceConfig';
import { testWorkspaceRules } from '../node/testRules';
import { knowledgeWithConfig, type WorkspaceConfig } from '../core/config/workspaceConfig';
import type { LayerRule } from '../core/layers/violations';

const USAGE = `usage:
  archtrace analyze [dir] [--format json|md] [--traces] [--exclude GLOB]... [--max-file-size KB]
  archtrace classify [dir] [--format text|json]
  archtrace trace [dir] "<METHOD> <path>" [--format text|json|mermaid] [--no-types]
  archtrace report [dir] [--format md] [--progress FILE]
  archtrace map [dir] [--format svg|mermaid|json]
  archtrace check [dir] [--format text|json|sarif] [--max-warnings N] [--layer-violations auto|on]
  archtrace test-rules [dir]     runs the snippet tests of the rules in archtrace.yml's ruleDirs
  archtrace lsp [--stdio]        the language server (also: archtrace serve [--stdio|--node-ipc|--socket=PORT])
  archtrace mcp [dir]            the MCP server for coding agents, on stdio
  archtrace --help

dir defaults to the current folder. Every command also takes --no-cache (a true cold run: no
cache read or written) and --cache-dir DIR (default: $XDG_CACHE_HOME/archtrace or ~/.cache/archtrace).
Traces of TypeScript and JavaScript routes ask the TypeScript compiler about calls on values of
inferred type; --no-types traces by syntax alone (faster on a first run).

check reports layer violations and N+1 queries (docs/diagnostics.md) and exits with 1 when it finds
an error, or more warnings than --max-warnings allows; layer violations are checked in business
services unless --layer-violations on.

archtrace.yml (or .archtrace/config.yml) in dir sets severities, excludes, layers, the allowed
dependencies between layers and the folders of the team's own rules (docs/configuration.md).`;

/** A mistake in how the command was called: one line on stderr, exit code 2. */
export class UsageError extends Error {}

interface Command {
  name: 'analyze' | 'classify' | 'trace' | 'report' | 'check' | 'map';
  root: string;
  format: string;
  excludeGlobs: string[];
  maxFileSizeBytes?: number;
  traces: boolean;
  /** Traces ask the TypeScript compiler (unless --no-types). */
  types: boolean;
  /** For `trace`: the route as the user wrote it. */
  route?: string;
  /** For `report`: the checklist progress file the editor keeps. */
  progressFile?: string;
  /** For `check`: how many warnings pass (any, unless given). */
  maxWarnings?: number;
  /** For `check`: layer violations in services only (auto), or in any repository (on). */
  layerViolations: 'auto' | 'on';
  /** The folder's facts cache file, unless --no-cache. */
  cacheFile?: string;
}

const FORMATS: Readonly<Record<Command['name'], readonly string[]>> = { analyze: ['json', 'md'], classify: ['text', 'json'], trace: ['text', 'json', 'mermaid'], report: ['md'], check: ['text', 'json', 'sarif'], map: ['svg', 'mermaid', 'json'] };

function parseCommand(argv: readonly string[]): Command | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        exclude: { type: 'string', multiple: true },
        'max-file-size': { type: 'string' },
        traces: { type: 'boolean' },
        progress: { type: 'string' },
        'no-cache': { type: 'boolean' },
        'no-types': { type: 'boolean' },
        'cache-dir': { type: 'string' },
        'max-warnings': { type: 'string' },
        'layer-violations': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0]);
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  const [name, ...rest] = positionals;
  if (name !== 'analyze' && name !== 'classify' && name !== 'trace' && name !== 'report' && name !== 'check' && name !== 'map') throw new UsageError(name ? `unknown command '${name}'` : 'no command given');
  // `trace` takes the route last; its folder may be left out, as for the other commands.
  const route = name === 'trace' ? rest.pop() : undefined;
  if (name === 'trace' && !route) throw new UsageError('trace needs a route, such as "POST /orders"');
  if (route !== undefined && !/^\s*[A-Za-z]+\s+\/\S*\s*$/.test(route)) throw new UsageError(`'${route}' is not a route: write "<METHOD> <path>", such as "POST /orders"`);
  const [directory, ...extra] = rest;
  if (extra.length) throw new UsageError(`unexpected argument '${extra[0]}'`);
  if (values.traces && name !== 'analyze') throw new UsageError('--traces goes with analyze');
  if (values.progress !== undefined && name !== 'report') throw new UsageError('--progress goes with report');
  if ((values['max-warnings'] !== undefined || values['layer-violations'] !== undefined) && name !== 'check') throw new UsageError(`--${values['max-warnings'] !== undefined ? 'max-warnings' : 'layer-violations'} goes with check`);
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!/^\d+$/.test(values['max-warnings']) || !Number.isSafeInteger(maxWarnings)) throw new UsageError('--max-warnings takes a number of warnings, 0 or more');
  }
  const layerViolations = values['layer-violations'] ?? 'auto';
  if (layerViolations !== 'auto' && layerViolations !== 'on') throw new UsageError('--layer-violations must be auto or on');
  if (values['no-cache'] && values['cache-dir'] !== undefined) throw new UsageError('--no-cache and --cache-dir exclude each other');
  const formats = FORMATS[name];
  const format = values.format ?? formats[0] ?? 'json';
  if (!formats.includes(format)) throw new UsageError(`--format must be ${formats.join(' or ')} for ${name}`);
  let maxFileSizeBytes: number | undefined;
  if (values['max-file-size'] !== undefined) {
    const kilobytes = Number(values['max-file-size']);
    if (!Number.isFinite(kilobytes) || kilobytes <= 0) throw new UsageError('--max-file-size takes a positive number of kilobytes');
    maxFileSizeBytes = kilobytes * 1024;
  }
  const root = resolve(directory ?? '.');
  let isDirectory = false;
  try {
    isDirectory = statSync(root).isDirectory();
  } catch (error) {
    throw new UsageError(`cannot read '${root}': ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such directory' : (error as Error).message}`);
  }
  if (!isDirectory) throw new UsageError(`'${root}' is not a directory`);
  return {
    name,
    root,
    format,
    excludeGlobs: values.exclude ?? [],
    traces: values.traces ?? name === 'report',
    types: !values['no-types'],
    layerViolations,
    ...(maxWarnings !== undefined ? { maxWarnings } : {}),
    ...(maxFileSizeBytes ? { maxFileSizeBytes } : {}),
    ...(route ? { route } : {}),
    ...(values.progress ? { progressFile: resolve(values.progress) } : {}),
    ...(values['no-cache'] ? {} : { cacheFile: folderFile(resolve(values['cache-dir'] ?? defaultCacheDirectory()), 'facts', root) }),
  };
}

function defaultCacheDirectory(): string {
  return join(process.env['XDG_CACHE_HOME'] || join(homedir(), '.cache'), 'archtrace');
}

/** The long-running servers, bundled apart (`dist/server.js`): the one-off commands never load the protocol libraries. */
const SERVER_COMMANDS = new Set(['serve', 'lsp', 'mcp']);

async function run(argv: readonly string[]): Promise<number | 'serving'> {
  if (argv[0] && SERVER_COMMANDS.has(argv[0])) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a bundle beside this one, loaded only for these commands
    const server = require(join(__dirname, 'server.js')) as typeof import('../server/main');
    try {
      await server.main(argv);
    } catch (error) {
      throw new UsageError(error instanceof Error ? error.message : String(error));
    }
    return 'serving';
  }
  if (argv[0] === 'test-rules') return testRules(argv.slice(1));
  const command = parseCommand(argv);
  if (command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  // The team's archtrace.yml: what is wrong in it is one line each, and the built-in settings stand in.
  const { config, rules: userRules, problems } = await readWorkspaceConfig(command.root);
  for (const problem of problems) process.stderr.write(`archtrace: ${problemLine(problem)}\n`);
  const progress = process.stderr.isTTY ? new ProgressBar() : undefined;
  const analysis = await analyzeFolder(command.root, {
    config,
    userRules,
    excludeGlobs: command.excludeGlobs,
    updates: false,
    layerViolations: command.layerViolations,
    // With the type checker, the traces are made after the analysis, asking it.
    traces: command.traces && !command.types,
    ...(command.cacheFile ? { cacheFile: command.cacheFile } : {}),
    onWarning: (message: string) => process.stderr.write(`archtrace: ${message}\n`),
    ...(command.maxFileSizeBytes ? { maxFileSizeBytes: command.maxFileSizeBytes } : {}),
    ...(progress ? { onProgress: (report: ProgressReport) => progress.update(report) } : {}),
  });
  progress?.clear();
  // Started by the first question a TypeScript or JavaScript trace asks; a Python workspace never starts it.
  const types = command.types ? new TypeCheckerWorker() : undefined;
  try {
    return await render(command, analysis, types, config, knowledgeWithConfig(builtinKnowledge(), config, userRules).layerRules);
  } finally {
    types?.dispose();
    if (types?.lastProblem) process.stderr.write(`archtrace: ${types.lastProblem}; traces show what syntax alone follows\n`);
  }
}

async function render(command: Command, analysis: Analysis, types: TypeCheckerWorker | undefined, config: WorkspaceConfig, layerRules: readonly LayerRule[]): Promise<number> {
  const traceOf = (route: string) => (types ? analysis.traceWithTypes(route, types) : Promise.resolve(analysis.trace(route)));
  let { result } = analysis;
  if (types && command.traces) {
    const traces: Trace[] = [];
    for (const route of result.routes) {
      const trace = await traceOf(`${route.method} ${route.path}`);
      if (trace) traces.push(trace);
    }
    result = { ...result, traces };
  }
  if (command.name === 'report' || (command.name === 'analyze' && command.format === 'json')) result = { ...result, answers: analysis.answers() };
  let output: string;
  if (command.name === 'check') {
    const rules = problemRules(layerRules);
    // A severity for a rule that does not exist is most likely a typo: said, not silently ignored.
    for (const ruleId of Object.keys(config.severities)) if (!rules.some((rule) => rule.id === ruleId)) process.stderr.write(`archtrace: ${config.file}: severities.${ruleId}: no such rule (rules: ${rules.map((rule) => rule.id).join(', ')})\n`);
    const problems = collectProblems(result, config.severities);
    if (command.format === 'sarif') output = renderSarif(problems, rules, toolInformation());
    else if (command.format === 'json') output = JSON.stringify(problems, null, 2);
    else output = renderCheckText(problems);
    if (output) process.stdout.write(`${output}\n`);
    return checkFails(problems, command.maxWarnings) ? 1 : 0;
  }
  if (command.name === 'trace') {
    const trace = await traceOf(command.route ?? '');
    if (!trace) {
      const known = result.routes.slice(0, 8).map((route) => `${route.method} ${route.path}`);
      process.stderr.write(`archtrace: no route '${command.route}' in ${command.root}${known.length ? `; routes include: ${known.join(', ')}` : '; it has no routes'}\n`);
      return 1;
    }
    output = command.format === 'json' ? JSON.stringify(trace, null, 2) : command.format === 'mermaid' ? renderTraceMermaid(trace) : renderTraceText(trace);
  } else if (command.name === 'report') {
    let progress = ChecklistProgress.empty();
    if (command.progressFile) {
      const loaded = await new ChecklistStore(command.progressFile).load();
      if (loaded.warning) process.stderr.write(`archtrace: ${loaded.warning}\n`);
      progress = loaded.progress;
    }
    output = renderStudyGuide(result, buildChecklist(result), progress, analysis.architectureMap());
  } else if (command.name === 'map') {
    const map = analysis.architectureMap();
    output = command.format === 'json' ? JSON.stringify(map, null, 2) : command.format === 'mermaid' ? renderMapMermaid(map) : renderMapSvg(map);
  } else if (command.name === 'classify') output = command.format === 'json' ? JSON.stringify(result.kind, null, 2) : renderKindText(result.kind);
  else output = command.format === 'md' ? renderMarkdown(result, analysis.architectureMap()) : JSON.stringify(result, null, 2);
  process.stdout.write(`${output}\n`);
  return 0;
}

/** `archtrace test-rules [dir]`: a line per snippet, a count, and exit code 1 when one fails. */
async function testRules(argv: readonly string[]): Promise<number> {
  const [directory, ...extra] = argv;
  if (extra.length || directory?.startsWith('-')) throw new UsageError(`unexpected argument '${extra[0] ?? directory}'`);
  const root = resolve(directory ?? '.');
  if (!statSync(root, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`'${root}' is not a directory`);
  const { passed, failed } = await testWorkspaceRules(root, (line) => process.stdout.write(`${line}\n`));
  process.stdout.write(`${passed} passed, ${failed} failed\n`);
  return failed || !passed ? 1 : 0;
}

/** ArchTrace's version and home, as its package.json gives them, for the SARIF log. */
function toolInformation(): SarifTool {
  const manifest = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string; homepage?: string; repository?: { url?: string } };
  return { version: manifest.version, informationUri: manifest.homepage ?? manifest.repository?.url?.replace(/\.git$/, '') ?? 'https://example.invalid/archtrace' };
}

/** One line on stderr, redrawn in place, only when stderr is a terminal. */
class ProgressBar {
  private lastDraw = 0;

  update(report: ProgressReport): void {
    const now = Date.now();
    if (now - this.lastDraw < 80 && report.done !== report.total) return;
    this.lastDraw = now;
    const width = 30;
    const filled = report.total ? Math.round((report.done / report.total) * width) : 0;
    const counts = report.total ? ` ${report.done}/${report.total}` : '';
    process.stderr.write(`\r${report.phase.padEnd(9)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}]${counts}\x1b[K`);
  }

  clear(): void {
    process.stderr.write('\r\x1b[K');
  }
}

if (require.main === module) {
  run(process.argv.slice(2)).then(
    (code) => {
      if (code !== 'serving') process.exitCode = code;
    },
    (error: unknown) => {
      if (error instanceof UsageError) {
        process.stderr.write(`archtrace: ${error.message} (see archtrace --help)\n`);
        process.exitCode = 2;
      } else {
        process.stderr.write(`archtrace: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exitCode = 1;
      }
    },
  );
}
