import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { phraseText } from '../../src/core/answers/phrases';
import type { Analysis } from '../../src/core/analyze';
import { buildChecklist } from '../../src/core/checklist/checklist';
import type { Answer } from '../../src/core/result';
import { analyzeFolder } from '../../src/node/analyzeFolder';
import { ROOT } from '../helpers';

/** Each fact as `phrase — path:line` (1-based), what a reader checks against the code. */
function factsOf(answer: Answer | undefined): string[] {
  return (answer?.parts ?? []).flatMap((part) => part.facts.map((fact) => `${phraseText(fact)} — ${fact.location.path}:${fact.location.line + 1}`));
}

describe("a Django service's answers (test/fixtures/django-shop)", () => {
  let analysis: Analysis;
  const answerOf = (item: string) => analysis.answers().find((answer) => answer.item === item);
  before(async () => {
    analysis = await analyzeFolder(join(ROOT, 'test', 'fixtures', 'django-shop'), { threads: 1 });
  });

  it('trace the flow that goes deepest (into the domain and a transaction), not the first write (a logout), and link the checklist to it', () => {
    const flow = factsOf(answerOf('service.trace-flow'));
    assert.deepEqual(flow, [
      'api: `restock` — catalog/views.py:66',
      'domain: `Product.restock` — catalog/models.py:29',
      'external: `django.db.transaction.atomic` — catalog/models.py:32',
      'external: `django.db.models.Model.save` — catalog/models.py:34',
    ]);
    const items = buildChecklist(analysis.result, analysis.answers());
    for (const id of ['service.trace-flow', 'service.draw-flow']) {
      assert.deepEqual(items.find((item) => item.id === id)?.link, { kind: 'route', route: 'POST /catalog/products/{pk}/restock/', label: 'POST /catalog/products/{pk}/restock/' }, id);
    }
  });
});
