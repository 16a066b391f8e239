import * as vscode from 'vscode';
import { renderTraceSvg } from '../../core/render/sequenceSvg';
import type { Trace } from '../../core/result';

/**
 * The trace as a sequence diagram in a webview: an SVG rendered by ArchTrace itself, so it works
 * offline, runs no script, and the Content-Security-Policy allows nothing but its own inline style.
 */
export function showTraceDiagram(trace: Trace): vscode.WebviewPanel {
  const panel = vscode.window.createWebviewPanel('archtrace.traceDiagram', vscode.l10n.t('Trace: {0}', trace.route), vscode.ViewColumn.Beside, {
    enableScripts: false,
    localResourceRoots: [],
  });
  const nonce = [...crypto.getRandomValues(new Uint8Array(16))].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  panel.webview.html = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${nonce}'; img-src 'none'; script-src 'none';">
<style nonce="${nonce}">body { color: var(--vscode-editor-foreground); background: var(--vscode-editor-background); } svg { color: var(--vscode-editor-foreground); }</style>
</head>
<body>
${renderTraceSvg(trace)}
</body>
</html>`;
  return panel;
}
