import * as vscode from 'vscode';
import type { AnalysisResult } from '../../core/result';

/**
 * The context keys the manifest's view welcomes and buttons read: whether anything is analysed,
 * whether the analysed folders have routes or entities, and whether they are all libraries (which
 * serve no routes of their own), so that an empty view can say why it is empty.
 */
export function setViewContext(results: readonly AnalysisResult[]): void {
  const keys = {
    'archtrace.analysed': results.length > 0,
    'archtrace.hasRoutes': results.some((result) => result.routes.length > 0),
    'archtrace.hasEntities': results.some((result) => result.dataModel.entities.length > 0),
    'archtrace.onlyLibraries': results.length > 0 && results.every((result) => result.kind.kind === 'library'),
  };
  for (const [key, value] of Object.entries(keys)) void vscode.commands.executeCommand('setContext', key, value);
}
