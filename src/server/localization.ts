import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as l10n from '@vscode/l10n';
import { packageRoot } from '../node/assets';

/** A locale as LSP's `initialize` names it (`zh-cn`, `pt-BR`): nothing else may become part of a path. */
const LOCALE = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/;

/**
 * The server's words in the client's language. LSP's `initialize` names the locale (VS Code sends its
 * display language); the translations are the extension's own bundle, `l10n/bundle.l10n.<locale>.json`,
 * the file VS Code reads for the extension's views, so one translation serves both. Returns the bundle
 * used, or undefined when the server stays in English (no locale, English, or no bundle for it).
 */
export function useLocale(locale: string | undefined, warn: (message: string) => void): string | undefined {
  const wanted = locale?.toLowerCase();
  if (!wanted || !LOCALE.test(wanted)) return undefined;
  for (const candidate of new Set([wanted, wanted.split('-')[0]])) {
    const bundle = join(packageRoot(), 'l10n', `bundle.l10n.${candidate}.json`);
    if (!existsSync(bundle)) continue;
    try {
      l10n.config({ fsPath: bundle });
      return bundle;
    } catch (error) {
      warn(`${bundle}: not a translation bundle (${error instanceof Error ? error.message : String(error)}); the server answers in English`);
      return undefined;
    }
  }
  return undefined;
}

/** A message in the language `useLocale` chose. */
export const t = l10n.t;
