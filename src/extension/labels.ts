import * as vscode from 'vscode';

/** "1 implementation", "3 implementations": the count with the right form, in the user's language. */
export function implementationsLabel(count: number): string {
  return count === 1 ? vscode.l10n.t('1 implementation') : vscode.l10n.t('{0} implementations', count);
}
