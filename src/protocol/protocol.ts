/**
 * The messages between the ArchTrace server (`archtrace serve`, `archtrace lsp`) and its clients,
 * beyond standard LSP: one module, imported by the server and by any client (the extension, a
 * test), so that both sides name each request, its parameters and its answer alike — as
 * vscode-eslint keeps its custom messages in one shared file. It imports only `vscode-jsonrpc`'s
 * message types and the result's types: no editor, no Node.
 */
import { NotificationType, RequestType, RequestType0 } from 'vscode-jsonrpc';
import type { ArchitectureMap } from '../core/map/architectureMap';
import type { ChecklistItem } from '../core/checklist/checklist';
import type { ChecklistProgress } from '../core/checklist/progress';
import type { AnalysisResult, Route, Trace } from '../core/result';
import type { ResultDelta, ResultDeltaParams } from './resultDelta';

/** Bumped when a message below changes shape; the server says it in `initialize`'s `serverInfo.version` suffix and `experimental.archtrace`. */
export const PROTOCOL_VERSION = 1;

/** Error codes of ArchTrace's answers (JSON-RPC application errors, outside the reserved range). */
export const ErrorCodes = {
  /** The folder is not (or not yet) analysed and the request cannot wait for it. */
  NotAnalysed: -32001,
  /** No route has the method and path asked for. */
  UnknownRoute: -32002,
  /** A path or URI outside every workspace folder. */
  OutsideWorkspace: -32003,
  /** The analysis failed; the message says why, the log says more. */
  AnalysisFailed: -32004,
} as const;

/** A workspace folder, as its absolute path; omitted: the only (or first) folder. */
export interface FolderParams {
  root?: string;
}

/** Where a folder's analysis stands. */
export interface FolderStatus {
  root: string;
  /** `analysing`: the first analysis runs; `ready`: answers come from a complete analysis (perhaps while a newer one runs: `updating`); `failed`: no analysis could be made. */
  state: 'analysing' | 'ready' | 'updating' | 'failed';
  /** Counts up with every complete analysis published; 0 before the first. */
  version: number;
  /** One line: the kind and counts, or why it failed. */
  summary: string;
}

/** `archtrace/status`: every folder's state. */
export const StatusRequest = new RequestType0<FolderStatus[], void>('archtrace/status');

/** `archtrace/result`: a folder's last complete `AnalysisResult` (what the extension's views render), waiting for the first analysis. */
export const ResultRequest = new RequestType<FolderParams, AnalysisResult, void>('archtrace/result');

/**
 * `archtrace/resultDelta`: a page of what changed in a folder's result since the version the client
 * holds (src/protocol/resultDelta.ts) — what the extension's views fetch, so that its thread never
 * parses the whole result after an edit, nor a first result in one message.
 */
export const ResultDeltaRequest = new RequestType<ResultDeltaParams, ResultDelta, void>('archtrace/resultDelta');

/** `archtrace/map`: a folder's architecture map (lanes, boxes, edges with counts, violations, cycles), from its last complete analysis. */
export const MapRequest = new RequestType<FolderParams, ArchitectureMap, void>('archtrace/map');

export interface TraceParams extends FolderParams {
  /** `"POST /orders"`, or a request as sent: `"DELETE /api/orders/42"`. */
  route: string;
  /** Ask the TypeScript compiler about calls syntax cannot follow (default true; never in a folder started untrusted). */
  types?: boolean;
  /** Milliseconds to wait for the type checker before answering with the trace syntax makes (default: wait). */
  typesWaitMs?: number;
}

/** `archtrace/trace`: a route's trace; an unknown route is an `UnknownRoute` error. */
export const TraceRequest = new RequestType<TraceParams, Trace, void>('archtrace/trace');

export interface RoutesAtParams {
  /** A document's URI (`file:`). */
  uri: string;
  /** 0-based line. */
  line: number;
}

/** `archtrace/routesAt`: the routes declared at a line (on the decorator block, the `def` line, a `path(...)` entry). */
export const RoutesAtRequest = new RequestType<RoutesAtParams, { root: string; routes: Route[] }, void>('archtrace/routesAt');

/** `archtrace/definitions`: the classes and functions a file defines (qualified names, 0-based lines). */
export const DefinitionsRequest = new RequestType<{ uri: string }, { name: string; kind: string; line: number }[], void>('archtrace/definitions');

/** `archtrace/checklist`: a folder's study checklist — the guide's learning path and self-test for its kind, each item with the answer the code gives. */
export const ChecklistRequest = new RequestType<FolderParams, ChecklistItem[], void>('archtrace/checklist');

export interface StudyGuideParams extends FolderParams {
  /** The ticks and notes the client keeps (the server keeps none). */
  progress: ChecklistProgress;
}

/** `archtrace/studyGuide`: the study guide as Markdown — the report, the first routes' traces, the checklist with the progress given. */
export const StudyGuideRequest = new RequestType<StudyGuideParams, string, void>('archtrace/studyGuide');

/** `archtrace/reanalyse`: analyses the folders again from scratch (the facts cache still used); answers once done. */
export const ReanalyseRequest = new RequestType<FolderParams, FolderStatus[], void>('archtrace/reanalyse');

/** `archtrace/didChangeAnalysis`: a folder has a newer complete analysis (or failed): a client fetches what its views show again. */
export const DidChangeAnalysisNotification = new NotificationType<FolderStatus>('archtrace/didChangeAnalysis');

/** The commands the server executes (`workspace/executeCommand`), as its CodeLenses name them. */
export const Commands = {
  /** Arguments `[root, "METHOD /path"]`: answers the trace, and shows it as a message. */
  trace: 'archtrace.trace',
  /** Arguments `[uri]`: answers the file's layer and why, and shows it as a message. */
  showLayer: 'archtrace.showLayer',
} as const;

/**
 * What a client may set in `initialize`'s `initializationOptions` (and `workspace/didChangeConfiguration`'s
 * `settings.archtrace`): the extension's settings of the same names.
 */
export interface ServerSettings {
  exclude?: string[];
  maxFileSizeKB?: number;
  languages?: string[];
  layerViolations?: 'auto' | 'on' | 'off';
  fileTimeBudgetSeconds?: number;
  codeLens?: { roles?: boolean; trace?: boolean };
  traces?: { typeChecker?: boolean };
  updateOnChange?: boolean;
  updateWhileTyping?: boolean;
  /** Where the facts cache lives (default: `$XDG_CACHE_HOME/archtrace`); `false`: no cache. */
  cacheDirectory?: string | false;
  /** Hovers end with VS Code command links (Step through, Sequence diagram) the extension handles. */
  commandLinks?: boolean;
  /** The folder is not trusted: its own configuration is not read for settings and the TypeScript compiler is not started. */
  untrusted?: boolean;
}
