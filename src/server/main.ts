/**
 * The server commands, bundled apart from the CLI (`dist/server.js`) so that `archtrace analyze`
 * does not load the protocol libraries: `serve` and `lsp` (the language server, on stdio unless
 * `--node-ipc`, `--socket=PORT` or `--pipe=NAME` says otherwise) and `mcp [dir]` (the MCP server
 * on stdio).
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { runLanguageServer } from './lsp';
import { runMcpServer } from './mcp';

const TRANSPORTS = ['--stdio', '--node-ipc', '--socket', '--pipe', '--clientProcessId'];

/** Anything written to stdout but a protocol message breaks the client: the console goes to stderr. */
function consoleToStderr(): void {
  const write = (...parts: unknown[]) => process.stderr.write(`${parts.map(String).join(' ')}\n`);
  console.log = write;
  console.info = write;
  console.debug = write;
}

/**
 * A fault outside any request or analysis (a timer's callback, a stream's event) is logged, not
 * fatal: one broken answer must not take every folder's analysis down with the process.
 */
function surviveStrayErrors(): void {
  process.on('uncaughtException', (error) => process.stderr.write(`archtrace server: uncaught ${error.stack ?? error.message}\n`));
  process.on('unhandledRejection', (reason) => process.stderr.write(`archtrace server: unhandled rejection ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}\n`));
}

/** Runs `archtrace serve|lsp|mcp …`; resolves once the server is listening (it then runs until its client leaves). */
export async function main(argv: readonly string[]): Promise<void> {
  const [command, ...rest] = argv;
  consoleToStderr();
  surviveStrayErrors();
  if (command === 'serve' || command === 'lsp') {
    const unknown = rest.filter((argument) => !TRANSPORTS.some((transport) => argument === transport || argument.startsWith(`${transport}=`)));
    if (unknown.length) throw new Error(`${command} takes --stdio (the default), --node-ipc, --socket=PORT or --pipe=NAME; not '${unknown[0]}'`);
    // vscode-languageserver reads the transport from the arguments; none given means stdio.
    const explicit = rest.some((argument) => TRANSPORTS.slice(1, 4).some((transport) => argument === transport || argument.startsWith(`${transport}=`)));
    const connection = explicit ? createConnection(ProposedFeatures.all) : createConnection(ProposedFeatures.all, process.stdin, process.stdout);
    runLanguageServer(connection);
    return;
  }
  if (command === 'mcp') {
    const [directory, ...extra] = rest;
    if (extra.length) throw new Error(`unexpected argument '${extra[0]}'`);
    const root = resolve(directory ?? '.');
    if (!statSync(root, { throwIfNoEntry: false })?.isDirectory()) throw new Error(`'${root}' is not a directory`);
    const log = (level: string) => (message: string) => process.stderr.write(`archtrace mcp ${level}: ${message}\n`);
    await runMcpServer(root, { info: log('info'), warn: log('warn'), error: log('error') });
    return;
  }
  throw new Error(`unknown server command '${command ?? ''}'`);
}

// Started as a module of its own (the extension's LanguageClient forks dist/server.js with `serve --node-ipc`), it serves; loaded by the CLI, it waits to be called.
if (require.main === module) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`archtrace: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  });
}
