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

/** The languages ArchTrace reads code in: their documents are synchronised with the server, and hovers and CodeLens appear in their editors. */
export const SOURCE_LANGUAGES = ['python', 'typescript', 'typescriptreact', 'javascript', 'javascriptreact', 'java', 'go'];

/** How many times a crashed server is started again within `RESTART_WINDOW_MS` before the extension gives up. */
const MAX_RESTARTS = 3;
const RESTART_WINDOW_MS = 3 * 60 * 1000;

/** The commands the hover's links run: the only ones its Markdown may call. */
const HOVER_COMMANDS = ['archtrace.trace.start', 'archtrace.trace.showDiagram'];

/**
 * The ArchTrace server as the extension's language server: `dist/server.js` forked over Node IPC
 * (`archtrace serve --node-ipc`), started on first need, never at activation. The server answers
 * hover, CodeLens, diagnostics and code actions through the standard methods — the middleware only
 * turns its CodeLens commands into the extension's own (stepping through a trace, the Layers view)
 * — and the views' data through the requests of `src/protocol/protocol.ts`. A crashed server is
 * restarted at most `MAX_RESTARTS` times in three minutes, then the user is told, as vscode-eslint does.
 */
export class ArchTraceClient implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private starting: Promise<LanguageClient> | undefined;
  private readonly started = new vscode.EventEmitter<LanguageClient>();
  /** Fired each time the server (re)starts and can take requests. */
  readonly onDidStart = this.started.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
    private readonly settings: () => ServerSettings,
  ) {}

  /** The running client, started now if it is not (again, after the error handler gave up on it). */
  async start(): Promise<LanguageClient> {
    this.starting ??= this.create().catch((error: unknown) => {
      this.starting = undefined;
      throw error;
    });
    const client = await this.starting;
    if (client.state === State.Stopped) await client.start();
    return client;
  }

  get running(): LanguageClient | undefined {
    return this.client?.isRunning() ? this.client : undefined;
  }

  /** Tells the server the settings changed (it analyses again with them). */
  async settingsChanged(): Promise<void> {
    const client = this.running;
    if (client) await client.sendNotification(DidChangeConfigurationNotification.type, { settings: { archtrace: this.settings() } });
  }

  private async create(): Promise<LanguageClient> {
    const module = vscode.Uri.joinPath(this.extensionUri, 'dist', 'server.js').fsPath;
    const run = { module, transport: TransportKind.ipc, args: ['serve'] };
    const serverOptions: ServerOptions = { run, debug: { ...run, options: { execArgv: ['--nolazy', '--inspect=6011'] } } };
    const clientOptions: LanguageClientOptions = {
      documentSelector: SOURCE_LANGUAGES.map((language) => ({ language, scheme: 'file' })),
      diagnosticCollectionName: 'archtrace',
      outputChannel: this.log,
      initializationOptions: () => this.settings(),
      markdown: { isTrusted: { enabledCommands: HOVER_COMMANDS } },
      errorHandler: new RestartingErrorHandler(this.log),
      middleware: {
        provideCodeLenses: async (document, token, next) => (await next(document, token))?.map(toExtensionCommand) ?? null,
      },
    };
    const client = new LanguageClient('archtrace', 'ArchTrace', serverOptions, clientOptions);
    this.client = client;
    // Running: after the first start and after every restart.
    client.onDidChangeState(({ newState }) => newState === State.Running && this.started.fire(client));
    await client.start();
    return client;
  }

  dispose(): void {
    void this.client?.dispose().catch(() => undefined);
    this.started.dispose();
  }
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
