import * as vscode from 'vscode';

/**
 * A diagram in a webview: an SVG rendered by ArchTrace itself, so it works offline, runs no
 * script, and the Content-Security-Policy allows nothing but its own inline style. Its links may
 * run the `commands` given, and no other command.
 */
export function showSvgPanel(viewType: string, title: string, svg: string, commands: readonly string[] = []): vscode.WebviewPanel {
  const panel = vscode.window.createWebviewPanel(viewType, title, vscode.ViewColumn.Beside, { enableScripts: false, enableCommandUris: commands.length ? commands : false, localResourceRoots: [] });
  const nonce = [...crypto.getRandomValues(new Uint8Array(16))].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  panel.webview.html = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${nonce}'; img-src 'none'; script-src 'none';">
<style nonce="${nonce}">body { color: var(--vscode-editor-foreground); background: var(--vscode-editor-background); } svg { color: var(--vscode-editor-foreground); }</style>
</head>
<body>
${svg}
</body>
</html>`;
  return panel;
}
