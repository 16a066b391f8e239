import * as vscode from 'vscode';
import { ChecklistController } from './checklist/checklistView';
import { ArchTraceClient } from './client';
import { SOURCE_LANGUAGES } from './languages';
import { ClassifyController } from './classify/controller';
import { showEntityDiagram } from './dataModel/entityDiagram';
import { registerArchitectureMap } from './diagrams/mapPanel';
import { showSvgPanel } from './diagrams/svgPanel';
import { renderTraceSvg } from '../core/render/sequenceSvg';
import { WorkspaceResults } from './results';
import { registerSelfCheck } from './selfCheck';
import { serverSettings } from './settings';
import { TraceStepper } from './traces/stepThrough';
import { TraceTreeProvider } from './traces/traceView';
import { SectionTreeProvider } from './views/sectionTree';
import { setViewContext } from './views/viewContext';
import { type AnalysisNode, dataModelNodes, overviewNodes, routeNodes, structureNodes } from './views/sections';

/**
 * Activation registers commands and views only: the server (which reads and analyses the
 * workspace) starts once a file of a language ArchTrace reads, or one of its views, is open.
 */
export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('ArchTrace', { log: true });
  const storage = context.storageUri ?? context.globalStorageUri;
  const server = new ArchTraceClient(context.extensionUri, log, () => serverSettings(storage));
  const results = new WorkspaceResults(server, log);
  const controller = new ClassifyController(log, results);
  const stepper = new TraceStepper(results);
  const sections = { overview: overviewNodes, routes: routeNodes, structure: structureNodes, dataModel: dataModelNodes };
  const providers = Object.entries(sections).map(([id, build]) => ({ id, provider: new SectionTreeProvider(results, build) }));
  const views = providers.map(({ id, provider }) => vscode.window.createTreeView(`archtrace.${id}`, { treeDataProvider: provider, showCollapseAll: true }));
  // The filter narrows the lists; the Overview (the verdict) always shows whole.
  const filtered = providers.map((entry, index) => ({ ...entry, view: views[index] })).filter(({ id }) => id !== 'overview');
  const setFilter = (text: string) => {
    for (const { provider, view } of filtered) {
      provider.setFilter(text);
      if (view) view.description = text ? vscode.l10n.t('filter: {0}', text) : ''; // empty: no description
    }
    void vscode.commands.executeCommand('setContext', 'archtrace.filtered', Boolean(text));
  };
  results.onDidChange(() => setViewContext(results.all()));
  const isSource = (document: vscode.TextDocument) => document.uri.scheme === 'file' && SOURCE_LANGUAGES.includes(document.languageId);
  context.subscriptions.push(
    log,
    server,
    results,
    controller,
    stepper,
    ...views,
    vscode.commands.registerCommand('archtrace.filter', async () => {
      const text = await vscode.window.showInputBox({ prompt: vscode.l10n.t('Show only what contains this text (a file, a symbol, a route, a layer)') });
      if (text !== undefined) setFilter(text);
    }),
    vscode.commands.registerCommand('archtrace.clearFilter', () => setFilter('')),
    vscode.commands.registerCommand('archtrace.copySymbol', (node?: AnalysisNode) => (node?.symbol ? vscode.env.clipboard.writeText(node.symbol) : undefined)),
    vscode.commands.registerCommand('archtrace.traceFromView', (node?: AnalysisNode) => (node?.route ? stepper.start(node.route.root, node.route.route) : undefined)),
    vscode.window.registerTreeDataProvider('archtrace.trace', new TraceTreeProvider(stepper)),
    vscode.commands.registerCommand('archtrace.dataModel.showDiagram', (node?: AnalysisNode) => showEntityDiagram(results, node)),
    vscode.commands.registerCommand('archtrace.classifyWorkspace', () => controller.classifyWorkspace()),
    // The server starts with the first file it reads, or the first ArchTrace view shown.
    vscode.workspace.onDidOpenTextDocument((document) => isSource(document) && results.startInBackground()),
    ...views.map((view) => results.startWhenVisible(view)),
    // New settings, or trusted now (the workspace's own settings apply): the server analyses again with them.
    vscode.workspace.onDidChangeConfiguration((event) => (event.affectsConfiguration('archtrace') || event.affectsConfiguration('files.exclude')) && void server.settingsChanged()),
    vscode.workspace.onDidGrantWorkspaceTrust(() => void server.settingsChanged()),
    vscode.commands.registerCommand('archtrace.showLog', () => log.show()),
    vscode.commands.registerCommand('archtrace.showLayers', () => vscode.commands.executeCommand('archtrace.structure.focus')),
    vscode.commands.registerCommand('archtrace.trace.start', (root?: string, route?: string) => stepper.start(root, route)),
    vscode.commands.registerCommand('archtrace.trace.next', () => stepper.move(1)),
    vscode.commands.registerCommand('archtrace.trace.previous', () => stepper.move(-1)),
    vscode.commands.registerCommand('archtrace.trace.goTo', (index: number) => stepper.goTo(index)),
    vscode.commands.registerCommand('archtrace.trace.exit', () => stepper.exit()),
    vscode.commands.registerCommand('archtrace.trace.showDiagram', async (root?: string, route?: string) => {
      const current = stepper.current;
      const folder = results.of(root ?? current?.root)?.root;
      const trace = route && folder ? await results.trace(folder, route) : current?.trace;
      if (trace) showSvgPanel('archtrace.traceDiagram', vscode.l10n.t('Trace: {0}', trace.route), renderTraceSvg(trace));
      else void vscode.window.showInformationMessage(vscode.l10n.t('ArchTrace: start a trace first (hover a route, or run "Trace Route").'));
    }),
  );
  context.subscriptions.push(new ChecklistController(results, storage, log));
  context.subscriptions.push(registerArchitectureMap({ roots: () => results.all().map((result) => result.root), map: (root) => results.map(root) }));
  registerSelfCheck(context, { results, stepper, log });
  // Activated by a file of a language ArchTrace reads: the server starts once activation is over.
  if (vscode.workspace.textDocuments.some(isSource)) setTimeout(() => results.startInBackground(), 0);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
