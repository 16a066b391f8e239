import * as vscode from 'vscode';
import {
  CloseAction,
  type CloseHandlerResult,
  DidChangeConfigurationNotification,
  ErrorAction,
  type ErrorHandler,
  type ErrorHandlerResult,
  LanguageClient,
  type LanguageClientOptions,
  type ServerOptions,
  State,
  TransportKind,
} from 'vscode-languageclient/node';
import { Commands, type ServerSettings } from '../protocol/protocol';
import { plainText } from '../core/render/escape';
import { SOURCE_LANGUAGES } from './languages';

/** How many times a crashed server is started again within `RESTART_WINDOW_MS` before the extension gives up. */
const MAX_RESTARTS = 3;
const RESTART_WINDOW_MS = 3 * 60 * 1000;

/** The commands the hover's links run: the only ones its Markdown may call. */
const HOVER_COMMANDS = ['archtrace.trace.start', 'archtrace.trace.showDiagram'];

/** What the extension gives the client it starts. */
export interface LanguageClientOptionsGiven {
  extensionUri: vscode.Uri;
  log: vscode.LogOutputChannel;
  settings: () => ServerSettings;
  /** Told each time the server is (re)started and can take requests. */
  onRunning: (client: LanguageClient) => void;
}

/**
 * The ArchTrace server as the extension's language server: `dist/server.js` forked over Node IPC
 * (`archtrace serve --node-ipc`), as vscode-eslint's client starts its server. The server answers
 * hover, CodeLens, diagnostics and code actions through the standard methods — the middleware only
 * turns its CodeLens commands into the extension's own (stepping through a trace, the Layers view).
 * A crashed server is restarted at most `MAX_RESTARTS` times in three minutes, then the user is
 * told. This module is bundled apart (`dist/languageClient.js`) and loaded at the first start, so
 * that activation does not evaluate vscode-languageclient.
 */
export async function startLanguageClient(given: LanguageClientOptionsGiven): Promise<LanguageClient> {
  const module = vscode.Uri.joinPath(given.extensionUri, 'dist', 'server.js').fsPath;
  const run = { module, transport: TransportKind.ipc, args: ['serve'] };
  const serverOptions: ServerOptions = { run, debug: { ...run, options: { execArgv: ['--nolazy', '--inspect=6011'] } } };
  const clientOptions: LanguageClientOptions = {
    documentSelector: SOURCE_LANGUAGES.map((language) => ({ language, scheme: 'file' })),
    diagnosticCollectionName: 'archtrace',
    outputChannel: given.log,
    initializationOptions: () => given.settings(),
    markdown: { isTrusted: { enabledCommands: HOVER_COMMANDS } },
    errorHandler: new RestartingErrorHandler(given.log),
    middleware: {
      provideCodeLenses: async (document, token, next) => (await next(document, token))?.map(toExtensionCommand) ?? null,
    },
  };
  const client = new LanguageClient('archtrace', 'ArchTrace', serverOptions, clientOptions);
  // Running: after the first start and after every restart.
  client.onDidChangeState(({ newState }) => newState === State.Running && given.onRunning(client));
  await client.start();
  return client;
}

/** Starts a client the error handler gave up on, or that stopped. */
export async function restartIfStopped(client: LanguageClient): Promise<void> {
  if (client.state === State.Stopped) await client.start();
}

/** Tells the server the settings changed (it analyses again with them). */
export async function sendSettings(client: LanguageClient, settings: ServerSettings): Promise<void> {
  if (client.isRunning()) await client.sendNotification(DidChangeConfigurationNotification.type, { settings: { archtrace: settings } });
}

/**
 * The server's CodeLens commands as the extension's: "Trace GET /orders" steps through the trace
 * (with its title in the user's language), a layer role opens the Layers view.
 */
function toExtensionCommand(lens: vscode.CodeLens): vscode.CodeLens {
  const command = lens.command;
  if (command?.command === Commands.trace) {
    const [root, route] = (command.arguments ?? []) as [string, string];
    lens.command = { title: vscode.l10n.t('Trace {0}', plainText(route)), command: 'archtrace.trace.start', arguments: [root, route] };
  } else if (command?.command === Commands.showLayer) lens.command = { ...command, command: 'archtrace.showLayers', arguments: [] };
  return lens;
}

/**
 * Keeps the connection through passing errors and restarts a server that stopped, at most
 * `MAX_RESTARTS` times within `RESTART_WINDOW_MS`; then stops with a message that says what to do.
 */
class RestartingErrorHandler implements ErrorHandler {
  private readonly restarts: number[] = [];

  constructor(private readonly log: vscode.LogOutputChannel) {}

  error(error: Error, _message: unknown, count: number | undefined): ErrorHandlerResult {
    this.log.error(`connection to the ArchTrace server: ${error.message}`);
    return count !== undefined && count <= 3 ? { action: ErrorAction.Continue, handled: true } : { action: ErrorAction.Shutdown };
  }

  closed(): CloseHandlerResult {
    const now = Date.now();
    this.restarts.push(now);
    while (this.restarts.length && (this.restarts[0] as number) < now - RESTART_WINDOW_MS) this.restarts.shift();
    if (this.restarts.length <= MAX_RESTARTS) {
      this.log.warn(`the ArchTrace server stopped unexpectedly; restarting it (${this.restarts.length} of ${MAX_RESTARTS})`);
      return { action: CloseAction.Restart, handled: true };
    }
    this.log.error(`the ArchTrace server stopped ${this.restarts.length} times in ${RESTART_WINDOW_MS / 60_000} minutes; it is not restarted`);
    return {
      action: CloseAction.DoNotRestart,
      message: vscode.l10n.t('The ArchTrace server stopped {0} times in {1} minutes and will not be restarted. "ArchTrace: Show Log" says why; "ArchTrace: Classify Workspace" starts it again.', this.restarts.length, RESTART_WINDOW_MS / 60_000),
    };
  }
}
