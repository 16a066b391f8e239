import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import type { Analysis } from '../../src/core/analyze';
import { buildChecklist } from '../../src/core/checklist/checklist';
import { analyzeFolder } from '../../src/node/analyzeFolder';
import { ROOT, factsOf } from '../helpers';

describe("a Django service's answers (test/fixtures/django-shop)", () => {
  let analysis: Analysis;
  const answerOf = (item: string) => analysis.answers().find((answer) => answer.item === item);
  before(async () => {
    analysis = await analyzeFolder(join(ROOT, 'test', 'fixtures', 'django-shop'), { threads: 1 });
  });

  it('trace the flow that goes deepest (into the domain and a transaction), not the first write (a logout), and link the checklist to it', () => {
    const flow = factsOf(answerOf('service.trace-flow'), 'The flow of `{0}`, layer by layer');
    assert.deepEqual(flow, [
      'api: `restock` — catalog/views.py:67',
      'domain: `Product.restock` — catalog/models.py:31',
      'external: `django.db.transaction.atomic` — catalog/models.py:34',
      'external: `django.db.models.Model.save` — catalog/models.py:36',
    ]);
    const items = buildChecklist(analysis.result, analysis.answers());
    for (const id of ['service.trace-flow', 'service.draw-flow']) {
      assert.deepEqual(items.find((item) => item.id === id)?.link, { kind: 'route', route: 'POST /catalog/products/{pk}/restock/', label: 'POST /catalog/products/{pk}/restock/' }, id);
    }
  });

  it('tell a model method that saves itself as the models holding persistence (an active record)', () => {
    const split = factsOf(answerOf('service.draw-flow'), 'How this code splits the work between its layers');
    assert.ok(split.includes('1 model methods save or commit themselves (`Product.restock`): the models hold rules and persistence together, an active-record (fat model) design — catalog/models.py:31'), split.join('\n'));
  });

  it('tell a management command that loops until stopped and the work it hands to threads, with what that work catches', () => {
    const asyncWork = factsOf(answerOf('service.async'));
    assert.ok(asyncWork.includes('`sendreceipts.Command.handle` runs until stopped: `while True` — catalog/management/commands/sendreceipts.py:24'), asyncWork.join('\n'));
    assert.ok(asyncWork.includes('`sendreceipts.Command.handle` runs `send_one` on another thread — catalog/management/commands/sendreceipts.py:26'), asyncWork.join('\n'));
    assert.ok(asyncWork.includes('`send_one` catches `OSError` — catalog/management/commands/sendreceipts.py:15'), asyncWork.join('\n'));
    // A command that does its work once is no worker.
    assert.ok(!asyncWork.some((fact) => fact.includes('clearcache')), asyncWork.join('\n'));
  });

  it("leave the browser's scripts out: a jQuery click handler in static/ is no event of the service", () => {
    const answers = analysis.answers();
    assert.ok(analysis.result.findings.some((finding) => finding.category === 'event' && finding.symbol.startsWith('static/js/cart.js')), 'the fixture has the DOM listener');
    const located = answers.flatMap((answer) => answer.parts.flatMap((part) => [...part.facts.map((fact) => fact.location.path), part.gap?.readAt?.path ?? '']));
    assert.ok(!located.includes('static/js/cart.js'), 'an answer points at the browser script');
    const consistency = buildChecklist(analysis.result, answers).find((item) => item.id === 'service.consistency');
    assert.notEqual(consistency?.link?.kind === 'code' ? consistency.link.path : undefined, 'static/js/cart.js', JSON.stringify(consistency?.link));
  });

  it("tell what repeating each write does: a get_or_create finds the first request's row, a new entity adds another unless a lookup or an `if` guards it; a uuid-default unique column guards nothing", () => {
    const parts = answerOf('service.idempotent')?.parts ?? [];
    const byOperation = factsOf({ item: '', parts: parts.filter((part) => part.topic.phrase === 'What repeating each write does') });
    assert.deepEqual(byOperation, [
      // What every repeat changes again comes first: a new row, a counter (`self.stock += quantity`).
      '`POST /catalog/orders/new/` can make a new `Order`: a repeat that makes it again adds another — catalog/views.py:32',
      '`POST /catalog/products/{pk}/restock/` adds to `self.stock` each time: a repeat counts again — catalog/models.py:35',
      // A creation behind a lookup (an `except DoesNotExist`) or an `if` is conditional, told where the condition is.
      '`POST /catalog/orders/{code}/reorder/` makes a new `Order` only in an `except` clause here, when the `try` above it fails (a lookup that finds nothing): a repeat adds another only if it fails again — catalog/views.py:92',
      '`POST /catalog/orders/{code}/reorder/` makes a new `OrderLine` only when `not order.products.filter(pk=product.pk).exists()` (the `if` here): a repeat adds another only if that holds again — catalog/views.py:96',
      '`POST /catalog/products/{label}/tag/` writes with `Tag.objects.get_or_create`: a repeat finds what the first request made — catalog/views.py:76',
    ]);
    const all = factsOf(answerOf('service.idempotent'));
    // retag_product changes and saves what its get_or_create found: no guard against a repeat.
    assert.ok(!all.some((fact) => fact.includes('catalog/views.py:102')), all.join('\n'));
    assert.ok(all.some((fact) => fact.startsWith('`Tag`: no two tags have the same label')), all.join('\n'));
    assert.ok(!all.some((fact) => fact.startsWith('`Order`: no two orders have the same code')), all.join('\n'));
    assert.ok(all.some((fact) => fact.startsWith("ANY (6 routes): the code does not narrow their method")), all.join('\n'));
  });

  it('tell what each route takes and answers with: the decorators it runs behind, its parameters, what it reads of the request, the responses it makes', () => {
    const contracts = factsOf({ item: '', parts: (answerOf('service.api-docs')?.parts ?? []).filter((part) => part.topic.phrase === 'What each route takes and answers with, as its handler declares it') });
    assert.ok(contracts.includes('`POST /catalog/orders/new/` → `place_order`: behind @login_required, @require_POST; takes —; answers with JsonResponse — catalog/views.py:29'), contracts.join('\n'));
    assert.ok(contracts.includes('`GET /catalog/products/{pk}/restock/` → `restock`: behind @require_http_methods(["GET", "POST"]); takes pk, request.POST; answers with JsonResponse — catalog/views.py:67'), contracts.join('\n'));
    // A class view's route is answered by its method for the route's method.
    assert.ok(contracts.includes('`POST /catalog/products/{pk}/` → `ProductDetail.post`: behind —; takes pk; answers with JsonResponse — catalog/views.py:25'), contracts.join('\n'));
  });

  it('tell which answers a client may retry: a status HTTP defines as temporary', () => {
    const errors = factsOf(answerOf('service.errors'));
    assert.ok(errors.includes('`GET /catalog/catalogue/` answers 503, a status HTTP defines as temporary: a client may retry it (safely when the operation is idempotent) — catalog/views.py:83'), errors.join('\n'));
  });
});
