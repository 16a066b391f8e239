import * as vscode from 'vscode';
import type { ServerSettings } from '../protocol/protocol';

/**
 * The server's settings from the editor's: ArchTrace's own, the editor's `files.exclude` added to
 * the excludes, the facts cache in the extension's storage, and whether the workspace is trusted.
 * In Restricted Mode the editor gives ArchTrace's settings as the user set them, not as the
 * workspace does (they are declared `restrictedConfigurations`); `files.exclude` is read the same way here.
 */
export function serverSettings(cacheDirectory: vscode.Uri): ServerSettings {
  const scope = vscode.workspace.workspaceFolders?.[0]?.uri;
  const config = vscode.workspace.getConfiguration('archtrace', scope);
  const filesExcludeSetting = vscode.workspace.getConfiguration('files', scope);
  const filesExclude = vscode.workspace.isTrusted
    ? filesExcludeSetting.get<Record<string, unknown>>('exclude', {})
    : { ...filesExcludeSetting.inspect<Record<string, unknown>>('exclude')?.defaultValue, ...filesExcludeSetting.inspect<Record<string, unknown>>('exclude')?.globalValue };
  return {
    exclude: [
      ...Object.entries(filesExclude)
        .filter(([, enabled]) => enabled === true)
        .map(([glob]) => glob),
      ...config.get<string[]>('exclude', []),
    ],
    maxFileSizeKB: config.get<number>('maxFileSizeKB', 1024),
    fileTimeBudgetSeconds: config.get<number>('fileTimeBudgetSeconds', 20),
    layerViolations: config.get<'auto' | 'on' | 'off'>('layerViolations', 'auto'),
    languages: config.get<string[]>('languages', ['python', 'typescript', 'tsx', 'javascript', 'java', 'go', 'sql', 'prisma']),
    codeLens: { roles: config.get<boolean>('codeLens.roles', true), trace: config.get<boolean>('codeLens.trace', true) },
    traces: { typeChecker: config.get<boolean>('traces.typeChecker', true) },
    updateOnChange: config.get<boolean>('updateOnChange', true),
    updateWhileTyping: config.get<boolean>('updateWhileTyping', true),
    cacheDirectory: cacheDirectory.fsPath,
    commandLinks: true,
    untrusted: !vscode.workspace.isTrusted,
  };
}
