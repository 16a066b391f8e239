import { closeSync, openSync, readSync } from 'node:fs';
import { basename, join } from 'node:path';
import {
  type Connection,
  DidChangeWatchedFilesNotification,
  ErrorCodes as JsonRpcErrors,
  FileChangeType,
  type InitializeParams,
  type InitializeResult,
  MessageType,
  ResponseError,
  ShowMessageNotification,
  TextDocumentSyncKind,
  type WorkDoneProgressServerReporter,
  type WorkspaceFolder,
} from 'vscode-languageserver/node';
import { CONFIG_FILE_NAMES } from '../core/config/workspaceConfig';
import { sameSeparators } from '../core/discover/discover';
import { languageOf } from '../core/discover/languages';
import type { Analysis } from '../core/analyze';
import type { ProgressReport } from '../core/host';
import { buildChecklist } from '../core/checklist/checklist';
import { renderStudyGuide } from '../core/render/report';
import { renderTraceText } from '../core/render/trace';
import { SymbolId } from '../core/result';
import {
  ChecklistRequest,
  Commands,
  DefinitionsRequest,
  DidChangeAnalysisNotification,
  ErrorCodes,
  type FolderParams,
  MapRequest,
  PROTOCOL_VERSION,
  ReanalyseRequest,
  ResultDeltaRequest,
  ResultRequest,
  RoutesAtRequest,
  type ServerSettings,
  StatusRequest,
  StudyGuideRequest,
  TraceRequest,
} from '../protocol/protocol';
import { packageRoot } from '../node/assets';
import { OpenDocuments, filePathOf } from './documents';
import { useLocale } from './localization';
import { codeActions, codeLenses, configDiagnosticsOf, diagnosticsOf, fileUri, routeKey, routesAtLine, traceHoverMarkdown, workspaceSymbols } from './features';
import { type AnalysisEngine, FolderSession, type Logger } from './session';

/** A hover does not wait for the type checker's first start: it shows what syntax follows, and the checker's answers next time. */
const HOVER_TYPE_CHECKER_WAIT_MS = 250;

/** The files whose changes matter, watched through the client when it can register watchers: sources, the team's archtrace.yml and its rules. */
const WATCHED_GLOBS = ['**/*.{py,pyi,ts,mts,cts,tsx,js,mjs,cjs,jsx,java,go,sql,prisma}', ...CONFIG_FILE_NAMES.map((name) => `**/${name}`), '**/*.scm'];

/** The routes whose traces a study guide includes. */
const STUDY_GUIDE_TRACES = 10;

/** The most of a file read for the line texts a hover looks at. */
const MAX_LINES_READ_BYTES = 4 * 1024 * 1024;

export interface LanguageServerOptions {
  engine?: AnalysisEngine;
  /** How long changes are gathered before an update. */
  gatherMs?: number;
}

/**
 * ArchTrace as a language server: one `FolderSession` per workspace folder (from `initialize`'s
 * `workspaceFolders`, else its `rootUri`), answering standard LSP (hover, CodeLens, diagnostics,
 * code actions, workspace symbols, executeCommand) and the custom requests of
 * `src/protocol/protocol.ts`. Bad input — malformed parameters, a route that does not exist, a
 * path outside the workspace — is answered with a protocol error; the server keeps running.
 */
export function runLanguageServer(connection: Connection, serverOptions: LanguageServerOptions = {}): void {
  const sessions = new Map<string, FolderSession>();
  const documents = new OpenDocuments();
  /**
   * The diagnostics each folder last published, by URI, as sent: those unchanged are not sent again
   * after an update, and those that have none now are cleared.
   */
  const published = new Map<string, Map<string, string>>();
  let settings: ServerSettings = {};
  let watchersRegistrable = false;
  let progressSupported = false;
  let workspaceFoldersSupported = false;
  const explanations = (() => {
    try {
      return fileUri(join(packageRoot(), 'docs'), 'diagnostics.md');
    } catch {
      return 'https://example.invalid/docs/diagnostics.md';
    }
  })();
  // A notification: window.showInformationMessage asks window/showMessageRequest, which a client need not answer.
  const showMessage = (message: string) => void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message });
  const log: Logger = {
    info: (message) => connection.console.info(message),
    warn: (message) => connection.console.warn(message),
    error: (message) => connection.console.error(message),
  };

  const addFolder = (root: string) => {
    if (sessions.has(root)) return;
    const session = new FolderSession({
      root,
      settings,
      log,
      documents,
      ...(serverOptions.engine ? { engine: serverOptions.engine } : {}),
      ...(serverOptions.gatherMs !== undefined ? { gatherMs: serverOptions.gatherMs } : {}),
      onDidChange: (status) => {
        void connection.sendNotification(DidChangeAnalysisNotification, status);
        if (status.state === 'ready' || status.state === 'failed') endProgress(root);
        if (session.current) publishDiagnostics(session);
      },
      onProgress: (report) => reportProgress(root, report),
    });
    sessions.set(root, session);
    return session;
  };

  /**
   * A full analysis shown as the client's work-done progress (`$/progress`), when it can show one:
   * begun at the first report, its percentage the files parsed, ended once the folder is ready.
   */
  const progress = new Map<string, Promise<WorkDoneProgressServerReporter> | undefined>();
  const reportProgress = (root: string, report: ProgressReport) => {
    if (!progressSupported) return;
    let reporter = progress.get(root);
    if (!reporter) {
      reporter = connection.window.createWorkDoneProgress().then((created) => {
        created.begin('ArchTrace', 0, `analysing ${basename(root)}`);
        return created;
      });
      // A client that refuses the token shows no progress; nothing else depends on it.
      reporter.catch(() => undefined);
      progress.set(root, reporter);
    }
    const percentage = report.phase === 'parse' && report.total ? Math.floor((report.done / report.total) * 90) : report.phase === 'discover' ? 0 : 95;
    void reporter.then((created) => created.report(percentage, report.phase === 'parse' ? `${report.phase} ${report.done}/${report.total}` : report.phase)).catch(() => undefined);
  };
  const endProgress = (root: string) => {
    const reporter = progress.get(root);
    progress.delete(root);
    void reporter?.then((created) => created.done()).catch(() => undefined);
  };

  const removeFolder = (root: string) => {
    sessions.get(root)?.dispose();
    sessions.delete(root);
    for (const uri of published.get(root)?.keys() ?? []) void connection.sendDiagnostics({ uri, diagnostics: [] });
    published.delete(root);
  };

  const publishDiagnostics = (session: FolderSession) => {
    const result = session.current?.result;
    if (!result) return;
    const before = published.get(session.root) ?? new Map<string, string>();
    const now = new Map<string, string>();
    const byPath = diagnosticsOf(result, explanations, session.severities());
    for (const [path, problems] of configDiagnosticsOf(session.configProblems(), explanations)) byPath.set(path, [...(byPath.get(path) ?? []), ...problems]);
    for (const [path, diagnostics] of byPath) {
      const uri = fileUri(result.root, path);
      const sent = JSON.stringify(diagnostics);
      now.set(uri, sent);
      if (before.get(uri) !== sent) void connection.sendDiagnostics({ uri, diagnostics });
    }
    for (const uri of before.keys()) if (!now.has(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
    published.set(session.root, now);
  };

  /** The folder holding a file, and the file's path relative to it. */
  const locate = (uri: string): { session: FolderSession; path: string } | undefined => {
    const file = filePathOf(uri);
    if (!file) return undefined;
    let best: { session: FolderSession; path: string } | undefined;
    for (const [root, session] of sessions) {
      const prefix = `${sameSeparators(root).replace(/\/$/, '')}/`;
      // The innermost folder holding it, when folders nest.
      if (file.startsWith(prefix) && (!best || root.length > best.session.root.length)) best = { session, path: file.slice(prefix.length) };
    }
    return best;
  };

  /** As `locate`, for the custom requests: a URI outside every folder is an error. */
  const locateOrFail = (uri: unknown): { session: FolderSession; path: string } => {
    if (typeof uri !== 'string') throw new ResponseError(JsonRpcErrors.InvalidParams, 'expected { uri: string } with a file: URI');
    const found = locate(uri);
    if (!found) throw new ResponseError(ErrorCodes.OutsideWorkspace, `${uri} is outside the workspace folders (${[...sessions.keys()].join(', ') || 'none'})`);
    return found;
  };

  const folder = (params: unknown): FolderSession => {
    const root = (params as FolderParams | null | undefined)?.root;
    if (params !== undefined && params !== null && typeof params !== 'object') throw new ResponseError(JsonRpcErrors.InvalidParams, 'expected an object of parameters');
    if (root !== undefined && typeof root !== 'string') throw new ResponseError(JsonRpcErrors.InvalidParams, "expected 'root' to be a folder's absolute path");
    if (root === undefined) {
      const first = sessions.values().next().value;
      if (!first) throw new ResponseError(ErrorCodes.NotAnalysed, 'the server has no workspace folder: give initialize a rootUri or workspaceFolders');
      return first;
    }
    const session = sessions.get(root) ?? sessions.get(root.replace(/\/$/, ''));
    if (!session) throw new ResponseError(ErrorCodes.OutsideWorkspace, `${root} is not a workspace folder (${[...sessions.keys()].join(', ') || 'none'})`);
    return session;
  };

  const analysisOf = async (session: FolderSession): Promise<Analysis> => {
    try {
      return await session.analysis();
    } catch (error) {
      throw new ResponseError(ErrorCodes.AnalysisFailed, error instanceof Error ? error.message : String(error));
    }
  };

  const unknownRoute = (analysis: Analysis, route: string) => {
    const known = analysis.result.routes.slice(0, 8).map(routeKey);
    return new ResponseError(ErrorCodes.UnknownRoute, `no route '${route}' in ${analysis.result.root}${known.length ? `; routes include: ${known.join(', ')}` : '; it has no routes'}`);
  };

  /** A line of a file, from the client's open document or the disk (a file the analysis read). */
  const lineReader = (session: FolderSession, analysis: Analysis, path: string): ((line: number) => string | undefined) => {
    const open = documents.get(`${session.root}/${path}`);
    if (open) return (line) => (line < open.lineCount ? open.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '') : undefined);
    if (!analysis.result.files.some((file) => file.path === path)) return () => undefined;
    let lines: string[] | undefined;
    return (line) => (lines ??= readHead(join(session.root, path)).split(/\r?\n/))[line];
  };

  const definitionLines = new WeakMap<Analysis, Map<string, Map<string, number>>>();
  const definitionLine = (analysis: Analysis) => (symbol: string) => {
    const { path, name } = SymbolId.parse(symbol);
    let byPath = definitionLines.get(analysis);
    if (!byPath) definitionLines.set(analysis, (byPath = new Map<string, Map<string, number>>()));
    let lines = byPath.get(path);
    if (!lines) byPath.set(path, (lines = new Map(analysis.definitionsIn(path).map((definition): [string, number] => [definition.name, definition.line]))));
    return lines.get(name);
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    settings = { ...((params.initializationOptions as ServerSettings | null | undefined) ?? {}) };
    const bundle = useLocale(params.locale, (message) => log.warn(message));
    if (bundle) log.info(`answers in ${params.locale ?? ''} (${bundle})`);
    const folders: WorkspaceFolder[] = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : params.rootPath ? [{ uri: fileUri(params.rootPath, '').replace(/\/$/, ''), name: '' }] : []);
    for (const workspaceFolder of folders) {
      const root = filePathOf(workspaceFolder.uri);
      if (root) addFolder(root.replace(/\/$/, ''));
      else log.warn(`${workspaceFolder.uri}: not a folder on disk; left out`);
    }
    watchersRegistrable = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    progressSupported = params.capabilities.window?.workDoneProgress === true;
    workspaceFoldersSupported = params.capabilities.workspace?.workspaceFolders === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        codeLensProvider: { resolveProvider: false },
        codeActionProvider: { codeActionKinds: ['quickfix'] },
        workspaceSymbolProvider: true,
        executeCommandProvider: { commands: Object.values(Commands) },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
        experimental: { archtrace: { protocolVersion: PROTOCOL_VERSION } },
      },
      serverInfo: { name: 'archtrace', version: `0.1.0+protocol.${PROTOCOL_VERSION}` },
    };
  });

  connection.onInitialized(() => {
    for (const session of sessions.values()) session.start();
    if (watchersRegistrable) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: WATCHED_GLOBS.map((globPattern) => ({ globPattern })) });
    if (workspaceFoldersSupported) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        for (const removed of event.removed) {
          const root = filePathOf(removed.uri);
          if (root) removeFolder(root.replace(/\/$/, ''));
        }
        for (const added of event.added) {
          const root = filePathOf(added.uri);
          if (root) addFolder(root.replace(/\/$/, ''))?.start();
        }
      });
    }
    if (!sessions.size) log.warn('no workspace folder on disk was given: nothing to analyse');
  });


  connection.onDidChangeConfiguration((change) => {
    const next = (change.settings as { archtrace?: ServerSettings } | null | undefined)?.archtrace;
    if (!next || typeof next !== 'object') return;
    settings = { ...settings, ...next };
    for (const session of sessions.values()) void session.reanalyse(settings);
  });

  connection.onDidChangeWatchedFiles((params) => {
    const byFolder = new Map<FolderSession, string[]>();
    for (const change of params.changes) {
      const file = filePathOf(change.uri);
      const found = locate(change.uri);
      if (found && isTeamConfig(found.path)) {
        found.session.configChanged();
        continue;
      }
      // A client watching more than asked (or everything) is filtered here: only files of an analysed language.
      if (!file || !found || (!languageOf(file) && change.type !== FileChangeType.Deleted)) continue;
      byFolder.set(found.session, [...(byFolder.get(found.session) ?? []), file]);
    }
    for (const [session, files] of byFolder) session.changed(files);
  });

  connection.onDidOpenTextDocument(({ textDocument }) => documents.opened(textDocument.uri, textDocument.languageId, textDocument.version, textDocument.text));
  connection.onDidChangeTextDocument(({ textDocument, contentChanges }) => {
    if (!documents.changed(textDocument.uri, textDocument.version, contentChanges)) return;
    const found = locate(textDocument.uri);
    // Files the analysis read only: an edit of anything else (a README, an excluded folder) would make each update walk the tree again.
    if (!found || settings.updateWhileTyping === false || !found.session.current?.result.files.some((file) => file.path === found.path)) return;
    found.session.edited(`${found.session.root}/${found.path}`);
  });
  connection.onDidSaveTextDocument(({ textDocument }) => {
    documents.saved(textDocument.uri);
    const found = locate(textDocument.uri);
    // A client that watches no files still saves the team's archtrace.yml and rules through its editor.
    if (found && isTeamConfig(found.path)) return found.session.configChanged();
    if (found && languageOf(found.path)) found.session.edited(`${found.session.root}/${found.path}`);
  });
  connection.onDidCloseTextDocument(({ textDocument }) => {
    // A file closed with changes never saved is as on disk again.
    const found = locate(textDocument.uri);
    if (documents.closed(textDocument.uri) && found) found.session.edited(`${found.session.root}/${found.path}`);
  });

  connection.onHover(async ({ textDocument, position }, token) => {
    const found = locate(textDocument.uri);
    if (!found) return null;
    const analysis = await analysisOf(found.session);
    const routes = routesAtLine(analysis.result, found.path, position.line, lineReader(found.session, analysis, found.path));
    if (!routes.length) return null;
    const traces = [];
    for (const route of routes.slice(0, 4)) {
      if (token.isCancellationRequested) return null;
      const trace = await found.session.trace(routeKey(route), { waitMs: HOVER_TYPE_CHECKER_WAIT_MS });
      if (trace) traces.push(trace);
    }
    return traces.length ? { contents: { kind: 'markdown', value: traceHoverMarkdown(traces, analysis.result.root, settings.commandLinks === true) } } : null;
  });

  connection.onCodeLens(async ({ textDocument }) => {
    const found = locate(textDocument.uri);
    if (!found) return [];
    const analysis = await analysisOf(found.session);
    const definitions = analysis.result.files.some((file) => file.path === found.path) ? analysis.definitionsIn(found.path) : [];
    return codeLenses(analysis.result, found.path, textDocument.uri, definitions, { roles: settings.codeLens?.roles !== false, trace: settings.codeLens?.trace !== false });
  });

  connection.onCodeAction(async ({ textDocument, range, context }) => {
    const found = locate(textDocument.uri);
    if (!found) return [];
    const analysis = found.session.current ?? (await analysisOf(found.session));
    return codeActions(analysis.result, found.path, textDocument.uri, range, context.diagnostics);
  });

  connection.onWorkspaceSymbol(async ({ query }) => {
    if (typeof query !== 'string') throw new ResponseError(JsonRpcErrors.InvalidParams, 'expected { query: string }');
    const symbols = [];
    for (const session of sessions.values()) {
      const analysis = session.current ?? (await session.analysis().catch(() => undefined));
      if (analysis) symbols.push(...workspaceSymbols(analysis.result, query, definitionLine(analysis)));
    }
    return symbols;
  });

  connection.onExecuteCommand(async ({ command, arguments: args = [] }) => {
    if (command === Commands.trace) {
      const [root, route] = args as unknown[];
      if (typeof route !== 'string') throw new ResponseError(JsonRpcErrors.InvalidParams, `${Commands.trace} takes [root, "METHOD /path"]`);
      const session = folder({ ...(typeof root === 'string' ? { root } : {}) });
      const analysis = await analysisOf(session);
      const trace = await session.trace(route);
      if (!trace) throw unknownRoute(analysis, route);
      showMessage(renderTraceText(trace));
      return trace;
    }
    if (command === Commands.showLayer) {
      const found = locateOrFail(args[0]);
      const analysis = await analysisOf(found.session);
      const file = analysis.result.files.find((entry) => entry.path === found.path);
      if (!file) throw new ResponseError(JsonRpcErrors.InvalidParams, `${found.path} is not a file the analysis read`);
      showMessage(`${found.path}: ${file.layer} (${file.confidence}) — ${file.reasons.join('; ')}`);
      return { path: file.path, layer: file.layer, confidence: file.confidence, reasons: file.reasons };
    }
    throw new ResponseError(JsonRpcErrors.InvalidParams, `unknown command '${command}'; the server runs ${Object.values(Commands).join(', ')}`);
  });

  connection.onRequest(StatusRequest, () => [...sessions.values()].map((session) => session.status()));
  connection.onRequest(ResultRequest, async (params) => (await analysisOf(folder(params))).result);
  connection.onRequest(ResultDeltaRequest, async (params) => {
    const session = folder(params);
    const { since, page = 0 } = (params ?? {}) as Partial<typeof params>;
    if (since === undefined || !Number.isSafeInteger(since) || since < 0 || !Number.isSafeInteger(page) || page < 0) throw new ResponseError(JsonRpcErrors.InvalidParams, 'expected { since: the version held (0: none), page?: number, root?: string }');
    let pages: Awaited<ReturnType<FolderSession['resultDelta']>>;
    try {
      pages = await session.resultDelta(since);
    } catch (error) {
      throw new ResponseError(ErrorCodes.AnalysisFailed, error instanceof Error ? error.message : String(error));
    }
    const found = pages[page];
    if (!found) throw new ResponseError(JsonRpcErrors.InvalidParams, `the delta from version ${since} to ${pages[0]?.version ?? since} has ${pages.length} page(s)`);
    return found;
  });
  connection.onRequest(MapRequest, async (params) => (await analysisOf(folder(params))).architectureMap());
  connection.onRequest(TraceRequest, async (params) => {
    if (!params || typeof params !== 'object' || typeof params.route !== 'string') throw new ResponseError(JsonRpcErrors.InvalidParams, 'expected { route: "METHOD /path", root?: string }');
    const session = folder(params);
    const analysis = await analysisOf(session);
    const trace = await session.trace(params.route, { ...(params.types === false ? { types: false } : {}), ...(typeof params.typesWaitMs === 'number' ? { waitMs: params.typesWaitMs } : {}) });
    if (!trace) throw unknownRoute(analysis, params.route);
    return trace;
  });
  connection.onRequest(RoutesAtRequest, async (params) => {
    if (!params || typeof params.line !== 'number') throw new ResponseError(JsonRpcErrors.InvalidParams, 'expected { uri: string, line: number }');
    const found = locateOrFail(params.uri);
    const analysis = await analysisOf(found.session);
    return { root: found.session.root, routes: routesAtLine(analysis.result, found.path, params.line, lineReader(found.session, analysis, found.path)) };
  });
  connection.onRequest(DefinitionsRequest, async (params) => {
    const found = locateOrFail(params?.uri);
    const analysis = await analysisOf(found.session);
    return analysis.result.files.some((file) => file.path === found.path) ? analysis.definitionsIn(found.path) : [];
  });
  connection.onRequest(ChecklistRequest, async (params) => {
    const analysis = await analysisOf(folder(params));
    return buildChecklist(analysis.result, analysis.answers());
  });
  connection.onRequest(StudyGuideRequest, async (params) => {
    const progress = params?.progress;
    if (!progress || typeof progress !== 'object' || typeof progress.items !== 'object' || progress.items === null) throw new ResponseError(JsonRpcErrors.InvalidParams, 'expected { progress: { items: {…} }, root?: string }');
    const analysis = await analysisOf(folder(params));
    const traces = analysis.result.routes.slice(0, STUDY_GUIDE_TRACES).flatMap((route) => analysis.trace(routeKey(route)) ?? []);
    return renderStudyGuide({ ...analysis.result, traces }, buildChecklist(analysis.result, analysis.answers()), progress, analysis.architectureMap());
  });
  connection.onRequest(ReanalyseRequest, async (params) => {
    const chosen = params && typeof params === 'object' && params.root !== undefined ? [folder(params)] : [...sessions.values()];
    return Promise.all(chosen.map((session) => session.reanalyse()));
  });

  connection.onShutdown(() => {
    for (const root of [...sessions.keys()]) sessions.get(root)?.dispose();
  });

  connection.listen();
}

/** Whether a folder's file is its team's archtrace.yml or a detector rule (`ruleDirs` may be any folder: every `.scm` of it counts). */
function isTeamConfig(path: string): boolean {
  return (CONFIG_FILE_NAMES as readonly string[]).includes(path) || path.endsWith('.scm');
}

/** The beginning of a file, for the line texts a hover reads (a file the analysis read, so within the size limit). */
function readHead(path: string): string {
  let descriptor: number | undefined;
  try {
    descriptor = openSync(path, 'r');
    const buffer = Buffer.alloc(MAX_LINES_READ_BYTES);
    const read = readSync(descriptor, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, read).toString('utf8');
  } catch {
    return '';
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}
