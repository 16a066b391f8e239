import * as vscode from 'vscode';
import { WorkspaceAnalyses } from './analyses';
import { ChecklistController } from './checklist/checklistView';
import { ClassifyController } from './classify/controller';
import { showEntityDiagram } from './dataModel/entityDiagram';
import { registerQueryDiagnostics } from './dataModel/queryDiagnostics';
import { showSvgPanel } from './diagrams/svgPanel';
import { renderTraceSvg } from '../core/render/sequenceSvg';
import { registerUpdateOnChange } from './classify/updateOnChange';
import { RoleCodeLensProvider } from './layers/roleCodeLens';
import { registerViolationDiagnostics } from './layers/violationDiagnostics';
import { registerSelfCheck } from './selfCheck';
import { RouteCodeLensProvider } from './traces/routeCodeLens';
import { RouteHoverProvider } from './traces/routeHover';
import { TraceStepper } from './traces/stepThrough';
import { TraceTreeProvider } from './traces/traceView';
import { SectionTreeProvider } from './views/sectionTree';
import { setViewContext } from './views/viewContext';
import { type AnalysisNode, dataModelNodes, overviewNodes, routeNodes, structureNodes } from './views/sections';

/** The languages ArchTrace reads code in: hovers and CodeLens appear in their editors. */
const SOURCES: vscode.DocumentSelector = ['python', 'typescript', 'typescriptreact', 'javascript', 'javascriptreact', 'java', 'go'].map((language) => ({ language, scheme: 'file' }));

/** Activation registers commands, views and providers only; nothing is read or parsed until the user asks. */
export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('ArchTrace', { log: true });
  const analyses = new WorkspaceAnalyses(log);
  const storage = context.storageUri ?? context.globalStorageUri;
  const controller = new ClassifyController(log, analyses, storage);
  const stepper = new TraceStepper(analyses);
  const sections = { overview: overviewNodes, routes: routeNodes, structure: structureNodes, dataModel: dataModelNodes };
  const providers = Object.entries(sections).map(([id, build]) => ({ id, provider: new SectionTreeProvider(analyses, build) }));
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
  analyses.onDidChange(() => setViewContext(analyses.all().map((analysis) => analysis.result)));
  context.subscriptions.push(
    log,
    analyses,
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
    vscode.languages.registerHoverProvider(SOURCES, new RouteHoverProvider(analyses)),
    vscode.languages.registerCodeLensProvider(SOURCES, new RouteCodeLensProvider(analyses)),
    vscode.languages.registerCodeLensProvider(SOURCES, new RoleCodeLensProvider(analyses)),
    registerViolationDiagnostics(analyses, context.extensionUri),
    registerQueryDiagnostics(analyses, context.extensionUri),
    vscode.commands.registerCommand('archtrace.dataModel.showDiagram', (node?: AnalysisNode) => showEntityDiagram(analyses, node)),
    registerUpdateOnChange(analyses, log, storage),
    vscode.commands.registerCommand('archtrace.classifyWorkspace', () => controller.classifyWorkspace()),
    // Trusted now: the workspace's own settings apply, so what was classified with the user's alone is classified again.
    vscode.workspace.onDidGrantWorkspaceTrust(() => (analyses.all().length ? controller.classifyWorkspace() : undefined)),
    vscode.commands.registerCommand('archtrace.showLog', () => log.show()),
    vscode.commands.registerCommand('archtrace.showLayers', () => vscode.commands.executeCommand('archtrace.structure.focus')),
    vscode.commands.registerCommand('archtrace.trace.start', (root?: string, route?: string) => stepper.start(root, route)),
    vscode.commands.registerCommand('archtrace.trace.next', () => stepper.move(1)),
    vscode.commands.registerCommand('archtrace.trace.previous', () => stepper.move(-1)),
    vscode.commands.registerCommand('archtrace.trace.goTo', (index: number) => stepper.goTo(index)),
    vscode.commands.registerCommand('archtrace.trace.exit', () => stepper.exit()),
    vscode.commands.registerCommand('archtrace.trace.showDiagram', async (root?: string, route?: string) => {
      const current = stepper.current;
      const analysis = analyses.all().find((candidate) => candidate.result.root === (root ?? current?.root)) ?? analyses.all()[0];
      const trace = route && analysis ? await analyses.trace(analysis, route) : current?.trace;
      if (trace) showSvgPanel('archtrace.traceDiagram', vscode.l10n.t('Trace: {0}', trace.route), renderTraceSvg(trace));
      else void vscode.window.showInformationMessage(vscode.l10n.t('ArchTrace: start a trace first (hover a route, or run "Trace Route").'));
    }),
  );
  context.subscriptions.push(new ChecklistController(analyses, storage, log));
  registerSelfCheck(context, { analyses, stepper, log });
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
