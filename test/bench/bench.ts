/**
 * `npm run bench -- <dir> [--json] [--routes N] [--edits N]`: what an analysis costs, as ratios against the
 * floor of any tree-sitter tool, the raw single-thread parse of the same files, measured in the
 * same run (these machines are noisy; ratios travel, seconds do not). The cold run and the editing
 * session each run in a process of their own (`--part`), whose memory is then theirs alone.
 */
import { execFileSync, fork } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createMessageConnection, IPCMessageReader, IPCMessageWriter } from 'vscode-jsonrpc/node';
import { DEFAULT_MAX_FILE_SIZE_BYTES } from '../../src/core/analyze';
import type { EditorDocuments } from '../../src/core/host';
import type { TextChange } from '../../src/core/parse/facts';
import { discoverFiles } from '../../src/core/discover/discover';
import { Grammars, isParsedLanguage } from '../../src/core/parse/grammars';
import { analyzeFolder, CHANGES_GATHERED_MS, readyForUpdates, updateFolder, WarmWorker } from '../../src/node/analyzeFolder';
import { grammarsDirectory, packageRoot } from '../../src/node/assets';
import { DidChangeAnalysisNotification, ResultDeltaRequest, StatusRequest } from '../../src/protocol/protocol';
import { fetchResult as fetchResultDelta } from '../../src/protocol/resultDelta';
import type { AnalysisResult } from '../../src/core/result';
import { nodeFs } from '../../src/node/nodeFs';
import { TypeCheckerWorker } from '../../src/node/typeChecker';
import { printRuleCosts, ruleCosts } from './ruleCosts';

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { json: { type: 'boolean' }, routes: { type: 'string' }, edits: { type: 'string' }, part: { type: 'string' }, 'cache-file': { type: 'string' } },
  });
  const root = resolve(positionals[0] ?? 'examples/order-service');
  const routeCount = Number(values.routes ?? 50);
  // The parts whose memory is measured run in a process of their own (see `inProcessOfItsOwn`).
  if (values.part === 'cold') return printPart(await coldRunAndTraces(root, routeCount));
  if (values.part === 'session') return printPart(await editingSession(root, values['cache-file'] ?? '', Number(values.edits ?? 10)));
  if (values.part === 'server') return printServerSession(await serverSession(root, Number(values.edits ?? 10), routeCount), values.json === true);
  if (values.part === 'rules') return printRuleCosts(await ruleCosts(root), values.json === true);

  // The floor: read and parse every file the analysis would, one thread, trees deleted at once.
  const discovery = await discoverFiles(nodeFs, root);
  const grammars = new Grammars((name) => Promise.resolve(readFileSync(`${grammarsDirectory()}/${name}`)));
  // Schema files (SQL, Prisma) have no tree-sitter grammar here: the analysis pays for reading them, the floor does not.
  const texts = discovery.sources.flatMap((source) => (isParsedLanguage(source.language) ? [{ language: source.language, text: readFileSync(source.absolutePath, 'utf8') }] : []));
  for (const language of new Set(texts.map((entry) => entry.language))) await grammars.parser(language);
  const bytes = texts.reduce((sum, entry) => sum + Buffer.byteLength(entry.text), 0);
  const rawStart = performance.now();
  for (const { language, text } of texts) (await grammars.parser(language)).parse(text)?.delete();
  const raw = performance.now() - rawStart;

  const { cold, longestBlockCold, peakRss, traceTimes, typedTimes, peakRssWithTypes } = inProcessOfItsOwn<ColdRun>('cold', root, ['--routes', String(routeCount)]);

  // Warm start: the same folder again with the facts cache of a first (cold) run on disk.
  const cacheDirectory = mkdtempSync(join(tmpdir(), 'archtrace-bench-'));
  const cacheFile = join(cacheDirectory, 'facts.json');
  await analyzeFolder(root, { cacheFile });
  const warmBlocking = monitorEventLoopDelay({ resolution: 5 });
  warmBlocking.enable();
  const warmStart = performance.now();
  await analyzeFolder(root, { cacheFile });
  const warm = performance.now() - warmStart;
  warmBlocking.disable();
  rmSync(cacheDirectory, { recursive: true, force: true });

  // Edited files, on a copy of the folder so the bench never writes into the one it measures:
  // only the edited file is parsed again; what depends on it is worked out again.
  const copy = mkdtempSync(join(tmpdir(), 'archtrace-bench-edits-'));
  cpSync(root, copy, { recursive: true, filter: (path) => !/[\\/](\.git|node_modules)$/.test(path) });
  // With the options the editor gives, a facts cache among them; from a warm start, as every session
  // after the first begins, readied for updates in the background as the editor does.
  const editCacheFile = join(mkdtempSync(join(tmpdir(), 'archtrace-bench-cache-')), 'facts.json');
  await analyzeFolder(copy, { cacheFile: editCacheFile });
  const { updateTimes, surfaceTimes, typingTimes, editedFiles, longestBlockEdit, editingRss } = inProcessOfItsOwn<EditingSession>('session', copy, ['--cache-file', editCacheFile, '--edits', String(values.edits ?? 10)]);
  rmSync(copy, { recursive: true, force: true });
  rmSync(dirname(editCacheFile), { recursive: true, force: true });

  // Activation, in a process of its own: what loading the bundle and `activate` add to the editor's start.
  let activation: { loadMs: number; activateMs: number } | { problem: string };
  try {
    activation = JSON.parse(execFileSync(process.execPath, [join(__dirname, 'activation.js')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })) as { loadMs: number; activateMs: number };
  } catch (error) {
    activation = { problem: `not measured (${error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error)})` };
  }

  const percentile = (p: number) => percentileOf(traceTimes, p);

  const report = {
    root,
    files: discovery.sources.length,
    megabytes: +(bytes / 1e6).toFixed(1),
    rawParseMs: Math.round(raw),
    coldAnalysisMs: Math.round(cold),
    coldToRawRatio: +(cold / raw).toFixed(2),
    warmStartMs: Math.round(warm),
    warmToColdRatio: +(warm / cold).toFixed(2),
    filesPerSecond: Math.round(discovery.sources.length / (cold / 1000)),
    megabytesPerSecond: +(bytes / 1e6 / (cold / 1000)).toFixed(1),
    editP50Ms: Math.round(percentileOf(updateTimes, 50)),
    editP95Ms: Math.round(percentileOf(updateTimes, 95)),
    surfaceEditP50Ms: Math.round(percentileOf(surfaceTimes, 50)),
    surfaceEditP95Ms: Math.round(percentileOf(surfaceTimes, 95)),
    editedFiles,
    editTimesMs: updateTimes.map(Math.round),
    surfaceEditTimesMs: surfaceTimes.map(Math.round),
    typingEditP50Ms: Math.round(percentileOf(typingTimes, 50)),
    typingEditP95Ms: Math.round(percentileOf(typingTimes, 95)),
    typingEditTimesMs: typingTimes.map(Math.round),
    traceP50Ms: +percentile(50).toFixed(1),
    traceP95Ms: +percentile(95).toFixed(1),
    tracedRoutes: traceTimes.length,
    typedTraceFirstMs: Math.round(typedTimes[0] ?? 0),
    typedTraceP50Ms: Math.round(percentileOf(typedTimes.slice(1), 50)),
    typedTraceP95Ms: Math.round(percentileOf(typedTimes.slice(1), 95)),
    typedRoutes: typedTimes.length,
    longestBlockColdMs: Math.round(longestBlockCold),
    longestBlockWarmMs: Math.round(warmBlocking.max / 1e6),
    longestBlockEditMs: Math.round(longestBlockEdit),
    peakRssMb: Math.round(peakRss / 1e6),
    editingRssMb: Math.round(editingRss / 1e6),
    activation,
    peakRssWithTypesMb: Math.round(peakRssWithTypes / 1e6),
  };
  if (values.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else {
    process.stdout.write(
      [
        `${report.root}: ${report.files} files, ${report.megabytes} MB`,
        `raw single-thread parse  ${report.rawParseMs} ms`,
        `cold analysis            ${report.coldAnalysisMs} ms  (${report.coldToRawRatio}x raw; ${report.filesPerSecond} files/s, ${report.megabytesPerSecond} MB/s)`,
        `warm start               ${report.warmStartMs} ms  (${report.warmToColdRatio}x cold; nothing changed: the facts cache and the kept result on disk)`,
        `one edited file          p50 ${report.editP50Ms} ms, p95 ${report.editP95Ms} ms (a line added in ${report.editedFiles} files in turn: every line below moves)`,
        `  …adding a function     p50 ${report.surfaceEditP50Ms} ms, p95 ${report.surfaceEditP95Ms} ms (the file's names change)`,
        `  …typing, unsaved       p50 ${report.typingEditP50Ms} ms, p95 ${report.typingEditP95Ms} ms (a line typed halfway down an open file: the edit parsed incrementally)`,
        `trace of one route       p50 ${report.traceP50Ms} ms, p95 ${report.traceP95Ms} ms over ${report.tracedRoutes} routes`,
        ...(report.typedRoutes
          ? [`typed trace (compiler)   first ${report.typedTraceFirstMs} ms (starts the compiler), then p50 ${report.typedTraceP50Ms} ms, p95 ${report.typedTraceP95Ms} ms over ${report.typedRoutes} routes`]
          : []),
        `longest block            ${report.longestBlockColdMs} ms in the cold analysis, ${report.longestBlockWarmMs} ms in the warm start, ${report.longestBlockEditMs} ms in the edits (the calling thread kept from its event loop)`,
        `activation               ${'problem' in activation ? activation.problem : `${activation.loadMs} ms loading the bundle, ${activation.activateMs} ms in activate (its registrations; nothing is read or parsed)`}`,
        `peak RSS                 ${report.peakRssMb} MB (the process: main thread and worker threads)${report.typedRoutes ? `; ${report.peakRssWithTypesMb} MB with the compiler's thread` : ''}`,
        `  …while editing         ${report.editingRssMb} MB (a warm start readied for updates, then ${report.editedFiles * 3} updates; sampled every 20 ms)`,
      ].join('\n') + '\n',
    );
  }
}

/**
 * The editor's session on `copy` from a warm start (`cacheFile` written by a run before): every
 * edit's time, the longest block and the RSS sampled throughout, the worker threads included.
 */
async function editingSession(copy: string, cacheFile: string, edits: number) {
  const editOptions = { cacheFile };
  // What the process holds while the editor's session goes on, sampled from the warm start to the last edit.
  let editingRss = 0;
  const sampleRss = () => (editingRss = Math.max(editingRss, process.memoryUsage().rss));
  const rssSampler = setInterval(sampleRss, 20);
  let current = await analyzeFolder(copy, editOptions);
  const editWorker = new WarmWorker();
  await readyForUpdates(current, editOptions, editWorker);
  const edited = await filesToEdit(copy, edits);
  // As the server does: one worker kept warm from edit to edit, readied with the changed file when
  // the first change is seen, while changes are gathered (400 ms).
  const [firstEdited] = edited;
  if (firstEdited) editWorker.prepare({}, { path: firstEdited.path, absolutePath: firstEdited.absolutePath, language: firstEdited.language, maxFileSizeBytes: DEFAULT_MAX_FILE_SIZE_BYTES });
  await new Promise((resolve) => setTimeout(resolve, CHANGES_GATHERED_MS));
  const editBlocking = monitorEventLoopDelay({ resolution: 5 });
  editBlocking.enable();
  const timeEdits = async (edit: (text: string, language: string, n: number) => string): Promise<number[]> => {
    const times: number[] = [];
    for (const [n, source] of edited.entries()) {
      writeFileSync(source.absolutePath, edit(readFileSync(source.absolutePath, 'utf8'), source.language, n));
      const start = performance.now();
      current = await updateFolder(current, [source.absolutePath], editOptions, editWorker);
      times.push(performance.now() - start);
    }
    return times;
  };
  const updateTimes = await timeEdits(lineAddedAtTop);
  const surfaceTimes = await timeEdits(functionAdded);
  // Typing in an open file, not saved: updates read the editor's text, and the thread parses the
  // edits incrementally from the tree of the text before (kept when the file was first updated open).
  let held: { path: string; text: string; edits: TextChange[] } | undefined;
  const documents: EditorDocuments = {
    take(absolutePath) {
      if (held?.path !== absolutePath) return undefined;
      const { text, edits } = held;
      held = { ...held, edits: [] };
      return { text, edits };
    },
  };
  const typingOptions = { ...editOptions, documents };
  const typingTimes: number[] = [];
  for (const source of edited) {
    const before = readFileSync(source.absolutePath, 'utf8');
    held = { path: source.absolutePath, text: before, edits: [] };
    current = await updateFolder(current, [source.absolutePath], typingOptions, editWorker);
    const typed = lineTypedHalfway(before, source.language);
    held = { path: source.absolutePath, text: before.slice(0, typed.offset) + typed.text + before.slice(typed.offset), edits: [typed] };
    const start = performance.now();
    current = await updateFolder(current, [source.absolutePath], typingOptions, editWorker);
    typingTimes.push(performance.now() - start);
  }
  sampleRss();
  clearInterval(rssSampler);
  editWorker.dispose();
  editBlocking.disable();
  return {
    updateTimes,
    surfaceTimes,
    typingTimes,
    editedFiles: edited.length,
    longestBlockEdit: editBlocking.max / 1e6,
    editingRss,
  };
}
type EditingSession = Awaited<ReturnType<typeof editingSession>>;

/** The files a session edits: spread over the workspace (models, views, tests…), not the first files of one folder. */
async function filesToEdit(root: string, edits: number) {
  const editable = (await discoverFiles(nodeFs, root)).sources.filter((source) => isParsedLanguage(source.language));
  const editCount = Math.min(edits, editable.length);
  return Array.from({ length: editCount }, (_, n) => editable[Math.floor((n * editable.length) / editCount)] as (typeof editable)[number]);
}

/** Typing in a body: a line added at the top moves every line below it; names and imports stay. */
const lineAddedAtTop = (text: string, language: string) => `${language === 'python' ? '#' : '//'} edited by archtrace bench\n${text}`;
/** A new function: the file's names change, so lookups from every file may too. */
const functionAdded = (text: string, language: string, n: number) =>
  language === 'python' ? `${text}\n\ndef archtrace_bench_edit_${n}():\n    return ${n}\n` : `${text}\nfunction archtraceBenchEdit${n}() { return ${n}; }\n`;
/** A line typed halfway down an open file, unsaved: the change as the editor gives it. */
function lineTypedHalfway(text: string, language: string): TextChange {
  const offset = text.lastIndexOf('\n', Math.floor(text.length / 2)) + 1;
  return { offset, length: 0, text: `${language === 'python' ? '#' : '//'} typed\n` };
}

const percentileOf = (times: readonly number[], p: number) => [...times].sort((a, b) => a - b)[Math.min(times.length - 1, Math.floor((p / 100) * times.length))] ?? 0;

/** The cold analysis and its traces. */
async function coldRunAndTraces(root: string, routeCount: number) {
  // The longest the calling thread (the extension host, in the editor) is kept from its event loop.
  const coldBlocking = monitorEventLoopDelay({ resolution: 5 });
  coldBlocking.enable();
  const coldStart = performance.now();
  const analysis = await analyzeFolder(root);
  const cold = performance.now() - coldStart;
  coldBlocking.disable();
  // The kernel's high-water mark of the whole process: the worker threads live in it too.
  const peakRss = process.resourceUsage().maxRSS * 1024;

  const traceTimes: number[] = [];
  for (const route of analysis.result.routes.slice(0, routeCount)) {
    const start = performance.now();
    analysis.trace(`${route.method} ${route.path}`);
    traceTimes.push(performance.now() - start);
  }
  // Traces with the TypeScript compiler (TypeScript and JavaScript routes only): the first pays for the project.
  const typedTimes: number[] = [];
  const checker = new TypeCheckerWorker();
  for (const route of analysis.result.routes.slice(0, routeCount)) {
    if (!/\.[cm]?[jt]sx?$/.test(route.handler.slice(0, route.handler.lastIndexOf(':')))) continue;
    const start = performance.now();
    await analysis.traceWithTypes(`${route.method} ${route.path}`, checker);
    typedTimes.push(performance.now() - start);
  }
  checker.dispose();
  const peakRssWithTypes = process.resourceUsage().maxRSS * 1024;
  return { cold, longestBlockCold: coldBlocking.max / 1e6, peakRss, traceTimes, typedTimes, peakRssWithTypes };
}
type ColdRun = Awaited<ReturnType<typeof coldRunAndTraces>>;

/**
 * The editor's side of the server: `dist/server.js serve --node-ipc` forked as the extension's
 * LanguageClient forks it, this process in the extension host's place. It opens the folder cold
 * (no facts cache), fetches each new result as the extension's views do (`archtrace/result` after
 * `archtrace/didChangeAnalysis`), types the session's edits into open documents (`didChange`,
 * unsaved) and asks for hovers on routes. Measured: how long this process's event loop is held
 * (receiving and deserialising results), the longest wait for `archtrace/status` asked every
 * 20 ms (the server's own longest block, the message's round trip included), edit → new analysis
 * and → its result received, hovers, and each process's RSS.
 */
async function serverSession(root: string, edits: number, routeCount: number) {
  const cacheHome = mkdtempSync(join(tmpdir(), 'archtrace-bench-server-'));
  const child = fork(join(packageRoot(), 'dist', 'server.js'), ['serve', '--node-ipc', `--clientProcessId=${process.pid}`], { silent: true, env: { ...process.env, XDG_CACHE_HOME: cacheHome } });
  const connection = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
  let serverRss = 0;
  const serverPeakRss = () => {
    try {
      return Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
    } catch {
      return 0;
    }
  };
  const rssSampler = setInterval(() => (serverRss = Math.max(serverRss, serverPeakRss())), 100);
  // The server's CPU time (every thread), in ms: /proc/<pid>/stat's utime and stime, in clock ticks of 10 ms.
  const serverCpuMs = () => {
    try {
      const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      return (Number(fields[11] ?? 0) + Number(fields[12] ?? 0)) * 10;
    } catch {
      return 0;
    }
  };
  // Each new analysis's version, resolved for whoever waits for it.
  const versions: { version: number; at: number }[] = [];
  let failure: string | undefined;
  let announce = () => {};
  connection.onNotification(DidChangeAnalysisNotification, (status) => {
    if (status.state === 'failed') failure = status.summary;
    else if (status.version > 0) versions.push({ version: status.version, at: performance.now() });
    announce();
  });
  connection.onNotification('window/logMessage', () => undefined);
  connection.onNotification('textDocument/publishDiagnostics', () => undefined);
  connection.listen();
  const nextVersion = (after: number) =>
    new Promise<{ version: number; at: number }>((resolve, reject) => {
      const check = () => {
        const found = versions.find((entry) => entry.version > after);
        if (failure !== undefined) reject(new Error(`the server's analysis failed: ${failure}`));
        else if (found) resolve(found);
        else announce = check;
      };
      check();
    });
  // What the views do with each new version: fetch what changed in the folder's result, in pages, deserialised on this thread.
  let held: { version: number; result: AnalysisResult } | undefined;
  const fetchResult = async () => {
    held = await fetchResultDelta((params) => connection.sendRequest(ResultDeltaRequest, params), root, held);
    return held.result;
  };
  // The files to edit, found before anything is measured: the bench's own discovery is not the host's work.
  const edited = await filesToEdit(root, edits);
  const hostBlocking = monitorEventLoopDelay({ resolution: 5 });
  hostBlocking.enable();
  const hostCpuBlocks = new CpuBlocks();

  const coldStart = performance.now();
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(root).href, capabilities: {}, initializationOptions: { commandLinks: true } });
  await connection.sendNotification('initialized', {});
  // The server's own longest block: a request it answers at once, asked every 20 ms.
  let statusWaitMs = 0;
  let pinging = true;
  const ping = (async () => {
    while (pinging) {
      const start = performance.now();
      await connection.sendRequest(StatusRequest);
      statusWaitMs = Math.max(statusWaitMs, performance.now() - start);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  let { version } = await nextVersion(0);
  const cold = performance.now() - coldStart;
  const result = await fetchResult();
  const longestBlockCold = hostBlocking.max / 1e6;
  const longestCpuBlockCold = hostCpuBlocks.takeLongest();
  const statusWaitCold = statusWaitMs;
  const serverRssCold = serverPeakRss();
  hostBlocking.reset();
  statusWaitMs = 0;

  // The session's edits, typed into open documents: edit → the new analysis announced, → its result received.
  const analysedTimes: number[] = [];
  const receivedTimes: number[] = [];
  // This process's CPU time over the edits: what the host spends, whatever the machine's load does to its wall-clock blocks.
  const editCpuStart = process.cpuUsage();
  const serverCpuStart = serverCpuMs();
  for (const [n, source] of edited.entries()) {
    const uri = pathToFileURL(source.absolutePath).href;
    const text = readFileSync(source.absolutePath, 'utf8');
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: source.language, version: 1, text } });
    // The first two as whole texts, the line typed as the editor sends a keystroke's change (a range).
    const withFunction = functionAdded(text, source.language, n);
    const typed = lineTypedHalfway(withFunction, source.language);
    const typedAt = { line: withFunction.slice(0, typed.offset).split('\n').length - 1, character: 0 };
    const changes = [{ text: lineAddedAtTop(text, source.language) }, { text: withFunction }, { range: { start: typedAt, end: typedAt }, text: typed.text }];
    for (const [step, change] of changes.entries()) {
      const start = performance.now();
      await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: step + 2 }, contentChanges: [change] });
      const analysed = await nextVersion(version);
      version = analysed.version;
      analysedTimes.push(analysed.at - start);
      await fetchResult();
      receivedTimes.push(performance.now() - start);
    }
    await connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    version = (await nextVersion(version)).version;
  }
  const longestBlockEdit = hostBlocking.max / 1e6;
  const longestCpuBlockEdit = hostCpuBlocks.takeLongest();
  const editCpu = process.cpuUsage(editCpuStart);
  const serverEditCpuMs = serverCpuMs() - serverCpuStart;
  const statusWaitEdit = statusWaitMs;

  // Hovers on the routes' decorators (or registrations): each answers with the route's trace.
  const hoverTimes: number[] = [];
  for (const route of result.routes.filter((candidate) => candidate.source).slice(0, routeCount)) {
    if (!route.source) continue;
    const start = performance.now();
    await connection.sendRequest('textDocument/hover', { textDocument: { uri: pathToFileURL(join(root, route.source.path)).href }, position: { line: route.source.line, character: 1 } });
    hoverTimes.push(performance.now() - start);
  }
  hostBlocking.disable();
  hostCpuBlocks.stop();
  pinging = false;
  await ping;
  clearInterval(rssSampler);
  serverRss = Math.max(serverRss, serverPeakRss());
  await connection.sendRequest('shutdown').catch(() => undefined);
  await connection.sendNotification('exit').catch(() => undefined);
  // Left to exit by itself (a server run with --cpu-prof writes its profile then), killed if it does not.
  await new Promise((resolve) => {
    const timer = setTimeout(resolve, 5000);
    child.once('exit', () => resolve(clearTimeout(timer)));
  });
  connection.dispose();
  child.kill();
  rmSync(cacheHome, { recursive: true, force: true });
  // What deserialising a result costs the host, on its own: the same text parsed again.
  const resultText = JSON.stringify(result);
  const parseStart = performance.now();
  JSON.parse(resultText);
  const resultParseMs = performance.now() - parseStart;
  return {
    root,
    routes: result.routes.length,
    resultMb: +(Buffer.byteLength(resultText) / 1e6).toFixed(1),
    resultParseMs: +resultParseMs.toFixed(1),
    coldAnalysisMs: Math.round(cold),
    longestBlockHostColdMs: Math.round(longestBlockCold),
    longestBlockHostEditMs: Math.round(longestBlockEdit),
    longestCpuBlockHostColdMs: +longestCpuBlockCold.toFixed(1),
    longestCpuBlockHostEditMs: +longestCpuBlockEdit.toFixed(1),
    hostCpuPerEditMs: +((editCpu.user + editCpu.system) / 1000 / Math.max(1, analysedTimes.length)).toFixed(1),
    serverCpuPerEditMs: Math.round(serverEditCpuMs / Math.max(1, analysedTimes.length)),
    statusWaitColdMs: Math.round(statusWaitCold),
    statusWaitEditMs: Math.round(statusWaitEdit),
    edits: analysedTimes.length,
    editAnalysedP50Ms: Math.round(percentileOf(analysedTimes, 50)),
    editAnalysedP95Ms: Math.round(percentileOf(analysedTimes, 95)),
    editReceivedP50Ms: Math.round(percentileOf(receivedTimes, 50)),
    editReceivedP95Ms: Math.round(percentileOf(receivedTimes, 95)),
    editAnalysedTimesMs: analysedTimes.map(Math.round),
    hoverP50Ms: +percentileOf(hoverTimes, 50).toFixed(1),
    hoverP95Ms: +percentileOf(hoverTimes, 95).toFixed(1),
    hovers: hoverTimes.length,
    serverPeakRssColdMb: Math.round(serverRssCold / 1e6),
    serverPeakRssMb: Math.round(serverRss / 1e6),
    hostPeakRssMb: Math.round((process.resourceUsage().maxRSS * 1024) / 1e6),
  };
}

/**
 * The longest block of this process's event loop counted in CPU time, not wall-clock: a timer due
 * every millisecond notes the process's CPU time at each turn, and the most spent between two
 * turns is the longest the thread worked without letting its loop in. On a loaded machine a
 * wall-clock block also counts the time the thread waited for a core; this does not.
 */
class CpuBlocks {
  private longest = 0;
  private last = process.cpuUsage();
  private readonly timer = setInterval(() => {
    // Read once a turn: at a thousand turns a second, the reading is most of what the timer costs.
    const now = process.cpuUsage();
    this.longest = Math.max(this.longest, (now.user - this.last.user + now.system - this.last.system) / 1000);
    this.last = now;
  }, 1);

  /** The longest block since the last call, in ms of CPU time. */
  takeLongest(): number {
    const longest = this.longest;
    this.longest = 0;
    return longest;
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

function printServerSession(report: Awaited<ReturnType<typeof serverSession>>, json: boolean): void {
  if (json) return void process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(
    [
      `${report.root}: through the server (dist/server.js serve --node-ipc), ${report.routes} routes, a result of ${report.resultMb} MB`,
      `cold analysis            ${report.coldAnalysisMs} ms (initialize → the first analysis announced)`,
      `edit → new analysis      p50 ${report.editAnalysedP50Ms} ms, p95 ${report.editAnalysedP95Ms} ms over ${report.edits} edits typed unsaved (analysed at once: only a file watcher's bursts are gathered)`,
      `  …its result received   p50 ${report.editReceivedP50Ms} ms, p95 ${report.editReceivedP95Ms} ms (archtrace/resultDelta: what changed, as the views fetch it)`,
      `hover on a route         p50 ${report.hoverP50Ms} ms, p95 ${report.hoverP95Ms} ms over ${report.hovers} routes`,
      `longest block, host      ${report.longestBlockHostColdMs} ms in the cold analysis, ${report.longestBlockHostEditMs} ms in the edits (receiving results; parsing a whole one: ${report.resultParseMs} ms); in CPU time ${report.longestCpuBlockHostColdMs} / ${report.longestCpuBlockHostEditMs} ms; CPU ${report.hostCpuPerEditMs} ms per edit`,
      `longest status wait      ${report.statusWaitColdMs} ms in the cold analysis, ${report.statusWaitEditMs} ms in the edits (the server's longest block, the round trip included); server CPU ${report.serverCpuPerEditMs} ms per edit (every thread; the closes' updates and the deltas sent included)`,
      `RSS                      server ${report.serverPeakRssColdMb} MB after the cold analysis, ${report.serverPeakRssMb} MB at its peak; this process (the host's part) ${report.hostPeakRssMb} MB`,
    ].join('\n') + '\n',
  );
}

/**
 * One part of the bench, run by this script in a process of its own, so that what it holds is its
 * own: in the bench's process, the raw parse's parser memory and the cold run's leftovers would
 * count in the editing session's RSS.
 */
function inProcessOfItsOwn<T>(part: 'cold' | 'session', root: string, options: readonly string[]): T {
  const printed = execFileSync(process.execPath, [__filename, root, '--part', part, ...options], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(printed) as T;
}

function printPart(measured: unknown): void {
  process.stdout.write(JSON.stringify(measured));
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  // Ended, not left to end: a failed server session still holds the server it forked and its timers,
  // and a run under the machine's shared lock would hold the lock with them.
  process.exit(1);
});
