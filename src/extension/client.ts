import { join } from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { ServerSettings } from '../protocol/protocol';

type LanguageClientModule = typeof import('./languageClient');

/**
 * The extension's handle on the ArchTrace server: started on first need, never at activation.
 * The LanguageClient itself lives in `dist/languageClient.js`, loaded at that first start (as the
 * CLI loads `dist/server.js` for its server commands), so activation evaluates none of it.
 */
export class ArchTraceClient implements vscode.Disposable {
  private module: LanguageClientModule | undefined;
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
    await this.loaded().restartIfStopped(client);
    return client;
  }

  /** Tells a running server the settings changed (it analyses again with them). */
  async settingsChanged(): Promise<void> {
    const client = await this.starting?.catch(() => undefined);
    if (client) await this.loaded().sendSettings(client, this.settings());
  }

  private loaded(): LanguageClientModule {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a bundle of its own, loaded on first need
    this.module ??= require(join(__dirname, 'languageClient.js')) as LanguageClientModule;
    return this.module;
  }

  private create(): Promise<LanguageClient> {
    return this.loaded().startLanguageClient({ extensionUri: this.extensionUri, log: this.log, settings: this.settings, onRunning: (client) => this.started.fire(client) });
  }

  dispose(): void {
    void this.starting?.then((client) => client.dispose()).catch(() => undefined);
    this.started.dispose();
  }
}
