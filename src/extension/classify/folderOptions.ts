import * as vscode from 'vscode';
import type { Language } from '../../core/result';
import { folderFile, type NodeAnalyzeOptions } from '../../node/analyzeFolder';

/**
 * The analysis options a folder's settings give: one place, so a full analysis and an update after
 * an edit discover, size-limit and time-limit files alike. In Restricted Mode the editor gives
 * ArchTrace's own settings as the user set them, not as the workspace does (they are declared
 * `restrictedConfigurations`); `files.exclude`, the editor's, is read the same way here.
 */
export function folderOptions(root: vscode.Uri, cacheDirectory: vscode.Uri): NodeAnalyzeOptions {
  const config = vscode.workspace.getConfiguration('archtrace', root);
  const filesExcludeSetting = vscode.workspace.getConfiguration('files', root);
  const filesExclude = vscode.workspace.isTrusted
    ? filesExcludeSetting.get<Record<string, unknown>>('exclude', {})
    : { ...filesExcludeSetting.inspect<Record<string, unknown>>('exclude')?.defaultValue, ...filesExcludeSetting.inspect<Record<string, unknown>>('exclude')?.globalValue };
  return {
    excludeGlobs: [
      ...Object.entries(filesExclude)
        .filter(([, enabled]) => enabled === true)
        .map(([glob]) => glob),
      ...config.get<string[]>('exclude', []),
    ],
    maxFileSizeBytes: Math.max(1, config.get<number>('maxFileSizeKB', 1024)) * 1024,
    layerViolations: config.get<'auto' | 'on' | 'off'>('layerViolations', 'auto'),
    fileTimeoutMs: Math.max(1, config.get<number>('fileTimeBudgetSeconds', 20)) * 1000,
    languages: config.get<Language[]>('languages', ['python', 'typescript', 'tsx', 'javascript', 'java', 'go', 'sql', 'prisma']),
    cacheFile: folderFile(cacheDirectory.fsPath, 'facts', root.fsPath),
  };
}
