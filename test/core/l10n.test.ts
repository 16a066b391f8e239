import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { answerPhrases } from '../../src/core/answers/phrases';
import { checklistTexts } from '../../src/core/checklist/checklist';
import { ROOT } from '../helpers';

/** Every user-visible string has its Simplified Chinese form: the manifest's and those the code passes to vscode.l10n.t. */
describe('localization', () => {
  it('translates every key of package.nls.json', () => {
    const english = JSON.parse(readFileSync(join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;
    const chinese = JSON.parse(readFileSync(join(ROOT, 'package.nls.zh-cn.json'), 'utf8')) as Record<string, string>;
    assert.deepEqual(Object.keys(chinese).sort(), Object.keys(english).sort());
    const manifest = readFileSync(join(ROOT, 'package.json'), 'utf8');
    for (const [, used] of manifest.matchAll(/"%([^%"]+)%"/g)) assert.ok(used && english[used] !== undefined, `package.json uses %${used}% with no entry`);
  });

  it('translates every string the extension and the language server localize', () => {
    const bundle = JSON.parse(readFileSync(join(ROOT, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
    const sources: string[] = [readFileSync(join(ROOT, 'src', 'core', 'render', 'trace.ts'), 'utf8')];
    const pending = [join(ROOT, 'src', 'extension'), join(ROOT, 'src', 'server')];
    for (let folder = pending.pop(); folder; folder = pending.pop()) {
      for (const entry of readdirSync(folder, { withFileTypes: true })) {
        if (entry.isDirectory()) pending.push(join(folder, entry.name));
        else if (entry.name.endsWith('.ts')) sources.push(readFileSync(join(folder, entry.name), 'utf8'));
      }
    }
    // `vscode.l10n.t('…')` in the extension; `t('…')` of @vscode/l10n in the server and of a given translation in the core's trace words.
    const used = new Set(sources.flatMap((text) => [...text.matchAll(/(?<![\w$.])(?:vscode\.l10n\.)?t\('((?:[^'\\]|\\.)*)'/g)].map((match) => (match[1] ?? '').replace(/\\'/g, "'"))));
    assert.ok(used.size > 20);
    for (const text of [...used, ...checklistTexts()]) assert.ok(bundle[text] !== undefined, `no zh-cn translation for '${text}'`);
  });

  it('translates every phrase of the answers, keeping each placeholder', () => {
    const bundle = JSON.parse(readFileSync(join(ROOT, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
    const placeholders = (text: string) => [...new Set(text.match(/\{\d+\}/g) ?? [])].sort();
    for (const phrase of answerPhrases()) {
      const chinese = bundle[phrase];
      assert.ok(chinese !== undefined, `no zh-cn translation for the answer phrase '${phrase}'`);
      assert.deepEqual(placeholders(chinese), placeholders(phrase), `'${chinese}' does not keep the placeholders of '${phrase}'`);
    }
  });
});
