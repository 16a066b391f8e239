import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { DEFAULT_MAX_FILE_SIZE_BYTES } from '../../core/analyze';
import { languageOf } from '../../core/discover/languages';
import { CHANGES_GATHERED_MS, readyForUpdates, rehearseUpdates, updateFolder, WarmWorker } from '../../node/analyzeFolder';
import type { Analysis } from '../../core/analyze';
import type { WorkspaceAnalyses } from '../analyses';
import { DocumentChanges } from './documentChanges';
import { folderOptions } from './folderOptions';

const SOURCE_GLOB = '**/*.{py,pyi,ts,mts,cts,tsx,js,mjs,cjs,jsx,sql,prisma}';

const pathsOfAnalyses = new WeakMap<Analysis, ReadonlySet<string>>();

/** The paths of the files an analysis read, as a set made once per analysis: asked at every keystroke. */
function analysedPaths(analysis: Analysis): ReadonlySet<string> {
  let paths = pathsOfAnalyses.get(analysis);
  if (!paths) pathsOfAnalyses.set(analysis, (paths = new Set(analysis.result.files.map((file) => file.path))));
  return paths;
}

/**
 * Keeps the analyses current as files are saved, created, deleted or renamed, and as open files are
 * edited: changes are gathered for a moment, then only the changed files are parsed again (an open
 * file's edits incrementally, from the editor's text) and the views update in place.
 */
export function registerUpdateOnChange(analyses: WorkspaceAnalyses, log: vscode.LogOutputChannel, cacheDirectory: vscode.Uri): vscode.Disposable {
  const pending = new Map<string, Set<string>>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> = Promise.resolve();
  const warm = new WarmWorker();
  /** Analyses whose updates are rehearsed (see rehearseUpdates), or made by an update. */
  const rehearsed = new WeakSet<Analysis>();
  /** Analyses readied for updates (see readyForUpdates), or made by an update. */
  const readied = new WeakSet<Analysis>();
  let flushing = false;
  const warnOf = (root: string, doing: string) => (error: unknown) => log.warn(`${doing} ${root}: ${error instanceof Error ? error.message : String(error)}`);
  const setting = (root: string, name: string) => vscode.workspace.getConfiguration('archtrace', vscode.Uri.file(root)).get<boolean>(name, true);
  const updatesOn = (root: string) => setting(root, 'updateOnChange');
  const documents = new DocumentChanges();
  // While the user types, updates read the editor's texts; otherwise the files on disk.
  const optionsOf = (root: string) => ({ ...folderOptions(vscode.Uri.file(root), cacheDirectory), ...(setting(root, 'updateWhileTyping') ? { documents } : {}) });

  // Each new analysis is readied in the background; a change gathered meanwhile stops it after the round under way.
  const readyNew = () => {
    for (const analysis of analyses.all()) {
      const root = analysis.result.root;
      if (readied.has(analysis) || !updatesOn(root)) continue;
      readied.add(analysis);
      running = running.then(() => readyForUpdates(analysis, optionsOf(root), warm, () => flushing || pending.size > 0)).catch(warnOf(root, 'readying updates of'));
    }
  };

  const flush = () => {
    const batches = [...pending].map(([root, files]) => ({ root, files: [...files] }));
    pending.clear();
    flushing = true;
    running = running.then(async () => {
      for (const { root, files } of batches) {
        const analysis = analyses.all().find((candidate) => candidate.result.root === root);
        if (!analysis) continue;
        const started = Date.now();
        try {
          const updated = await updateFolder(analysis, files, { ...optionsOf(root), onWarning: (message) => log.warn(`${root}: ${message}`) }, warm);
          rehearsed.add(updated);
          readied.add(updated);
          analyses.replace(updated);
          log.info(`updated ${root} after ${files.length} changed file(s) in ${Date.now() - started} ms`);
        } catch (error) {
          log.error(`update of ${root} failed: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      flushing = false;
    });
  };
  const changed = (uri: vscode.Uri) => {
    const found = analyses.forFile(uri);
    if (!found || !updatesOn(found.analysis.result.root)) return;
    const root = found.analysis.result.root;
    // The thread that will parse the change starts while changes are gathered, not after.
    const language = languageOf(uri.fsPath);
    if (language && !pending.size) {
      const deadline = performance.now() + CHANGES_GATHERED_MS;
      const options = optionsOf(root);
      warm.prepare(options, { path: uri.fsPath, absolutePath: uri.fsPath, language, maxFileSizeBytes: options.maxFileSizeBytes ?? DEFAULT_MAX_FILE_SIZE_BYTES });
      // And the update's own code, before the first update of this analysis; the update waits for the round under way.
      if (!rehearsed.has(found.analysis)) {
        rehearsed.add(found.analysis);
        running = running.then(() => rehearseUpdates(found.analysis, [uri.fsPath], options, warm, { deadline, stop: () => flushing })).catch(warnOf(root, 'rehearsing updates of'));
      }
    }
    pending.set(root, (pending.get(root) ?? new Set()).add(uri.fsPath));
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, CHANGES_GATHERED_MS);
  };
  const watcher = vscode.workspace.createFileSystemWatcher(SOURCE_GLOB);
  readyNew();
  return vscode.Disposable.from(
    analyses.onDidChange(readyNew),
    watcher,
    watcher.onDidChange(changed),
    watcher.onDidCreate(changed),
    watcher.onDidDelete(changed),
    vscode.workspace.onDidSaveTextDocument((document) => changed(document.uri)),
    vscode.workspace.onDidChangeTextDocument((event) => {
      const { uri } = event.document;
      const found = analyses.forFile(uri);
      // Files the analysis read only: an edit of anything else (a README, an excluded folder) would make each update walk the tree again.
      if (!found || !analysedPaths(found.analysis).has(found.path)) return;
      const root = found.analysis.result.root;
      if (updatesOn(root) && setting(root, 'updateWhileTyping') && documents.record(event)) changed(uri);
    }),
    // A file closed with changes never saved is as on disk again.
    vscode.workspace.onDidCloseTextDocument((document) => documents.closed(document) && changed(document.uri)),
    { dispose: () => (timer && clearTimeout(timer), warm.dispose()) },
  );
}
