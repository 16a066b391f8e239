import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { ChecklistItem } from '../core/checklist/checklist';
import type { ChecklistProgress } from '../core/checklist/progress';
import type { ArchitectureMap } from '../core/map/architectureMap';
import type { AnalysisResult, Trace } from '../core/result';
import type { RequestType, RequestType0 } from 'vscode-jsonrpc';
import { ChecklistRequest, DidChangeAnalysisNotification, ErrorCodes, type FolderStatus, MapRequest, ReanalyseRequest, ResultDeltaRequest, ResultRequest, StatusRequest, StudyGuideRequest, TraceRequest } from '../protocol/protocol';
import { fetchResult } from '../protocol/resultDelta';
import type { ArchTraceClient } from './client';

/**
 * The server's results for the open workspace folders: what every view renders. Kept in step with
 * the server — each `archtrace/didChangeAnalysis` with a newer version fetches that folder's result
 * again — and asked for what a view needs beyond it (a trace, the checklist, the study guide).
 */
export class WorkspaceResults implements vscode.Disposable {
  private readonly byFolder = new Map<string, { version: number; result: AnalysisResult }>();
  /** The version each folder's result is being fetched for, so that a burst of notifications fetches once. */
  private readonly fetching = new Map<string, number>();
  private readonly changed = new vscode.EventEmitter<void>();
  /** A folder's result changed (or a folder's analysis failed). */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];
  /** The client the notification handler is registered with: the client keeps it over restarts. */
  private listening: LanguageClient | undefined;

  constructor(
    private readonly server: ArchTraceClient,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables.push(this.changed, server.onDidStart((client) => this.attach(client)));
  }

  /** Starts the server if it is not running; its results arrive through `onDidChange`. */
  async start(): Promise<LanguageClient> {
    return this.server.start();
  }

  /** Starts the server, a failure logged: for what starts it in passing (a view shown, a source file opened). */
  startInBackground(): void {
    this.start().catch((error: unknown) => this.log.error(`the ArchTrace server did not start: ${error instanceof Error ? error.message : String(error)}`));
  }

  /** Starts the server when a view of ArchTrace's is shown — once activation is over, if it is shown already. */
  startWhenVisible(view: vscode.TreeView<unknown>): vscode.Disposable {
    if (view.visible) setTimeout(() => this.startInBackground(), 0);
    return view.onDidChangeVisibility(({ visible }) => visible && this.startInBackground());
  }

  /** Every folder's result, once the first analysis of each is done; rejects with the server's message when one failed. */
  async ready(): Promise<AnalysisResult[]> {
    const client = await this.start();
    const statuses = await request(client, StatusRequest);
    return Promise.all(statuses.map(async (status) => (await this.fetch(client, status.root, status.version)) ?? (await request(client, ResultRequest, { root: status.root }))));
  }

  /** Analyses every folder again from scratch; the new results arrive through `onDidChange`. */
  async reanalyse(token?: vscode.CancellationToken): Promise<FolderStatus[]> {
    return request(await this.start(), ReanalyseRequest, {}, token);
  }

  all(): AnalysisResult[] {
    return [...this.byFolder.values()].map((entry) => entry.result);
  }

  /** The result of a folder, or the first folder's. */
  of(root?: string): AnalysisResult | undefined {
    return (root !== undefined ? this.byFolder.get(root)?.result : undefined) ?? this.all()[0];
  }

  /** A route's trace (the server waits for the type checker unless `typesWaitMs` says how long); undefined: no such route. */
  async trace(root: string, route: string, typesWaitMs?: number): Promise<Trace | undefined> {
    const client = await this.start();
    try {
      return await request(client, TraceRequest, { root, route, ...(typesWaitMs !== undefined ? { typesWaitMs } : {}) });
    } catch (error) {
      // The server's ResponseError comes from the client's bundle: known by its code.
      if ((error as { code?: unknown } | undefined)?.code === ErrorCodes.UnknownRoute) return undefined;
      throw error;
    }
  }

  async checklist(root: string): Promise<ChecklistItem[]> {
    return request(await this.start(), ChecklistRequest, { root });
  }

  /** The folder's architecture map (`archtrace/map`). */
  async map(root: string): Promise<ArchitectureMap> {
    return request(await this.start(), MapRequest, { root });
  }

  async studyGuide(root: string, progress: ChecklistProgress): Promise<string> {
    return request(await this.start(), StudyGuideRequest, { root, progress });
  }

  /** Listens to a (re)started server and fetches what it has: a restarted server analyses again, and its versions count from 0. */
  private attach(client: LanguageClient): void {
    this.byFolder.clear();
    this.fetching.clear();
    if (this.listening !== client) {
      this.listening = client;
      this.disposables.push(
        client.onNotification(DidChangeAnalysisNotification.method, (status: FolderStatus) => {
          if (status.state === 'failed') this.changed.fire();
          else if (status.version > 0) void this.fetch(client, status.root, status.version);
        }),
      );
    }
    void request(client, StatusRequest).then(
      (statuses) => statuses.forEach((status) => status.version > 0 && void this.fetch(client, status.root, status.version)),
      (error: unknown) => this.log.warn(`archtrace/status: ${error instanceof Error ? error.message : String(error)}`),
    );
  }

  /** Fetches a folder's result when its version is newer than the one held (or being fetched). */
  private async fetch(client: LanguageClient, root: string, version: number): Promise<AnalysisResult | undefined> {
    const held = this.byFolder.get(root);
    if ((held && held.version >= version) || (this.fetching.get(root) ?? -1) >= version) return held?.result;
    this.fetching.set(root, version);
    try {
      // What changed since the result held, in pages: the host never parses a whole result in one piece.
      const fetched = await fetchResult((params) => request(client, ResultDeltaRequest, params), root, held);
      if ((this.byFolder.get(root)?.version ?? -1) < fetched.version) {
        this.byFolder.set(root, fetched);
        this.changed.fire();
      }
      return fetched.result;
    } catch (error) {
      this.log.warn(`archtrace/result ${root}: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    } finally {
      if (this.fetching.get(root) === version) this.fetching.delete(root);
    }
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}

/**
 * A request of the protocol, sent by its method's name. The LanguageClient is bundled apart with a
 * copy of vscode-jsonrpc of its own, which tells a message type's parameter structure by identity:
 * this bundle's `RequestType` objects would be refused ("Unknown parameter structure").
 */
function request<R>(client: LanguageClient, type: RequestType0<R, void>): Promise<R>;
function request<P, R>(client: LanguageClient, type: RequestType<P, R, void>, params: P, token?: vscode.CancellationToken): Promise<R>;
function request<P, R>(client: LanguageClient, type: RequestType<P, R, void> | RequestType0<R, void>, params?: P, token?: vscode.CancellationToken): Promise<R> {
  return params === undefined ? client.sendRequest<R>(type.method) : client.sendRequest<R>(type.method, params, token);
}
