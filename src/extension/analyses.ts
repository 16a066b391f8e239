import * as vscode from 'vscode';
import type { Analysis } from '../core/analyze';
import type { Route, Trace } from '../core/result';
import { TypeCheckerWorker } from '../node/typeChecker';
import { sameSeparators } from '../core/discover/discover';

/** The analyses of the open workspace folders: what every view and provider reads. */
export class WorkspaceAnalyses implements vscode.Disposable {
  private readonly byFolder = new Map<string, Analysis>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  /** The TypeScript compiler for traces, in its own thread, started by the first trace that needs it. */
  private readonly types = new TypeCheckerWorker();

  constructor(private readonly log: vscode.LogOutputChannel) {}

  set(analyses: readonly Analysis[]): void {
    this.byFolder.clear();
    for (const analysis of analyses) this.byFolder.set(analysis.result.root, analysis);
    this.changed.fire();
  }

  /** Replaces one folder's analysis (after an update) and tells the views. */
  replace(analysis: Analysis): void {
    this.byFolder.set(analysis.result.root, analysis);
    this.changed.fire();
  }

  all(): Analysis[] {
    return [...this.byFolder.values()];
  }

  /** The analysis whose folder holds this file, and the file's path relative to it. */
  forFile(uri: vscode.Uri): { analysis: Analysis; path: string } | undefined {
    if (uri.scheme !== 'file') return undefined;
    const file = sameSeparators(uri.fsPath);
    for (const [root, analysis] of this.byFolder) {
      const prefix = sameSeparators(root).replace(/\/$/, '') + '/';
      if (file.startsWith(prefix)) return { analysis, path: file.slice(prefix.length) };
    }
    return undefined;
  }

  /** The routes declared at a line of a document: on the decorator block, the `def` line, or a `path(...)` entry. */
  routesAt(document: vscode.TextDocument, line: number): { analysis: Analysis; routes: Route[] } | undefined {
    const found = this.forFile(document.uri);
    if (!found) return undefined;
    const routes = found.analysis.result.routes.filter((route) => {
      if (route.source?.path !== found.path) return false;
      return line >= route.source.line && line <= declarationEnd(document, route.source.line);
    });
    return routes.length ? { analysis: found.analysis, routes } : undefined;
  }

  /**
   * A route's trace, with the type checker following TypeScript and JavaScript calls on values of
   * inferred type (unless `archtrace.traces.typeChecker` is off, or in Restricted Mode: the compiler
   * would read much more of a workspace not yet trusted — its declaration files, its tsconfig chain). Given `waitMs`, a checker still
   * building its project does not hold the caller: the trace syntax makes comes back, and the
   * answers are kept for the next time.
   */
  async trace(analysis: Analysis, route: string, waitMs?: number): Promise<Trace | undefined> {
    if (!vscode.workspace.isTrusted || !vscode.workspace.getConfiguration('archtrace', vscode.Uri.file(analysis.result.root)).get<boolean>('traces.typeChecker', true)) return analysis.trace(route);
    const typed = analysis.traceWithTypes(route, this.types).finally(() => {
      if (this.types.lastProblem) this.log.warn(`Trace ${route}: ${this.types.lastProblem}; the trace shows what syntax alone follows.`);
    });
    if (waitMs === undefined) return typed;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), waitMs)));
    const first = await Promise.race([typed, late]);
    clearTimeout(timer);
    return first === 'late' ? analysis.trace(route) : first;
  }

  dispose(): void {
    this.types.dispose();
    this.changed.dispose();
  }
}

/** The last line of a route's declaration: through its decorators to the `def` line, or the line itself. */
function declarationEnd(document: vscode.TextDocument, start: number): number {
  for (let line = start; line < Math.min(document.lineCount, start + 30); line++) {
    const text = document.lineAt(line).text;
    if (/^\s*(async\s+)?def\s/.test(text)) return line;
    // TypeScript: the method under its decorators (`@Get(':id')` then `findOne(@Param('id') id) {`).
    if (line > start && /^\s*(?:(?:public|private|protected|static|async|override)\s+)*[A-Za-z_$][\w$]*\s*(?:<[^>]*>\s*)?\(/.test(text)) return line;
    if (line > start && !/^\s*(@|\)|,|\w+\s*=|["'])/.test(text) && !/^\s*$/.test(text)) return start;
  }
  return start;
}

export function routeKey(route: Route): string {
  return `${route.method} ${route.path}`;
}
