/**
 * What activating ArchTrace adds to the editor's start, measured in a fresh Node process (the bench
 * starts one): loading the bundle (`dist/extension.js`) and running `activate` against a `vscode`
 * module whose every call does nothing — the extension's own share; the editor's registrations
 * cost what they cost any extension. Prints `{ "loadMs": …, "activateMs": … }`.
 */
import Module from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { packageRoot } from '../../src/node/assets';

/** A value that is every API: any property, call or `new` gives another such value. */
function inert(): unknown {
  const handler: ProxyHandler<new () => object> = {
    get: (_target, property) => (property === 'then' ? undefined : property === Symbol.iterator ? function* () {} : property === Symbol.toPrimitive ? () => '' : inert()),
    set: () => true,
    apply: () => inert(),
    construct: () => inert() as object,
  };
  // A class, so that `class X extends vscode.TreeItem` can extend it.
  return new Proxy(class {}, handler);
}

const NAMESPACES = ['window', 'workspace', 'commands', 'languages', 'env', 'l10n', 'extensions', 'Uri', 'EventEmitter', 'Disposable', 'TreeItem', 'ThemeIcon', 'ThemeColor', 'MarkdownString', 'Range', 'Position', 'Location', 'Diagnostic', 'DiagnosticSeverity', 'DiagnosticRelatedInformation', 'StatusBarAlignment', 'TreeItemCollapsibleState', 'TreeItemCheckboxState', 'CodeLens', 'Hover', 'RelativePattern', 'ProgressLocation', 'CodeAction', 'CodeActionKind', 'WorkspaceEdit', 'Selection', 'TextEditorRevealType', 'ViewColumn', 'FileType', 'CancellationTokenSource', 'CancellationError'];

const stubPath = join(__dirname, 'vscode-inert.js');
const moduleApi = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string; _cache: Record<string, unknown> };
const resolveFilename = moduleApi._resolveFilename;
moduleApi._resolveFilename = (request, ...rest) => (request === 'vscode' ? stubPath : resolveFilename(request, ...rest));
moduleApi._cache[stubPath] = { id: stubPath, filename: stubPath, loaded: true, exports: Object.fromEntries(NAMESPACES.map((name) => [name, inert()])) };

const started = performance.now();
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the bundle, loaded as the editor loads it
const extension = require(join(packageRoot(), 'dist', 'extension.js')) as { activate: (context: unknown) => void };
const loaded = performance.now();
extension.activate({ subscriptions: [], storageUri: undefined, globalStorageUri: inert(), extensionUri: inert(), extensionPath: packageRoot() });
const activated = performance.now();
process.stdout.write(`${JSON.stringify({ loadMs: +(loaded - started).toFixed(1), activateMs: +(activated - loaded).toFixed(1) })}\n`);
