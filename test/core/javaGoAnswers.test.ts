import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import type { Analysis } from '../../src/core/analyze';
import { analyzeFolder } from '../../src/node/analyzeFolder';
import { ROOT, factsOf } from '../helpers';

const JAVA = 'src/main/java/com/acme/orders';

describe("a Spring service's answers (test/fixtures/spring-orders)", () => {
  let analysis: Analysis;
  const answerOf = (item: string) => analysis.answers().find((answer) => answer.item === item);
  before(async () => {
    analysis = await analyzeFolder(join(ROOT, 'test', 'fixtures', 'spring-orders'), { threads: 1 });
  });

  it("tells @Transactional methods as declarative boundaries, with what the framework does at them, and the flows that reach one", () => {
    const transactions = factsOf(answerOf('service.transactional'));
    assert.ok(transactions.includes(`\`DefaultOrderService.placeOrder\` runs in a transaction (\`@Transactional\`): the framework commits when it returns and rolls back when it throws an unchecked exception — ${JAVA}/service/DefaultOrderService.java:27`), transactions.join('\n'));
    assert.ok(transactions.some((fact) => fact.startsWith('`POST /api/v1/orders` reaches `DefaultOrderService.placeOrder`: `@Transactional`')), transactions.join('\n'));
  });

  it('tells the status an exception handler answers through a local set to an HttpStatus constant', () => {
    const errors = factsOf(answerOf('service.errors'));
    assert.ok(errors.includes(`\`IllegalStateException\` is answered by \`RestErrors.conflict\` with 409 — ${JAVA}/web/RestErrors.java:18`), errors.join('\n'));
  });

  it('tells a security filter chain made only under a property as conditional, not as running on every request', () => {
    const middleware = factsOf(answerOf('service.draw-flow'), 'Middleware and hooks on every request, in the order they are installed');
    assert.ok(middleware.includes(`\`SecuredConfig.filterChain\` (spring-security) runs only when \`@ConditionalOnProperty(name = "orders.security.enabled", havingValue = "true")\` holds — ${JAVA}/security/SecuredConfig.java:12`), middleware.join('\n'));
    assert.ok(middleware.some((fact) => fact.startsWith('`OpenConfig.filterChain` (spring-security) runs only when `@ConditionalOnProperty(name = "orders.security.enabled", havingValue = "false")` holds')), middleware.join('\n'));
  });

  it('tells which implementation of an interface a profile chooses', () => {
    const choice = factsOf(answerOf('service.trace-flow'), 'Which implementation runs, and what chooses it');
    assert.deepEqual(choice, [
      `\`DiskReceiptArchive\` implements \`ReceiptArchive\` only when \`@Profile("!cloud")\` holds — ${JAVA}/receipts/DiskReceiptArchive.java:6`,
      `\`S3ReceiptArchive\` implements \`ReceiptArchive\` only when \`@Profile("cloud")\` holds — ${JAVA}/receipts/S3ReceiptArchive.java:6`,
    ]);
  });
});

describe("a Go service's answers (test/fixtures/go-shop)", () => {
  let analysis: Analysis;
  const answerOf = (item: string) => analysis.answers().find((answer) => answer.item === item);
  before(async () => {
    analysis = await analyzeFolder(join(ROOT, 'test', 'fixtures', 'go-shop'), { threads: 1 });
  });

  it('tells the errors the domain returns under a condition as its rules', () => {
    const rules = factsOf(answerOf('service.invariants'), 'Rules the domain enforces: where it refuses');
    assert.ok(rules.includes('`NewOrder` returns an error when `customerID == 0`: `errors.New("an order needs a customer")` — internal/domain/order.go:18'), rules.join('\n'));
    assert.ok(rules.includes('`Order.Cancel` returns an error when `o.Status == "SHIPPED"`: `ErrNotCancellable` — internal/domain/order.go:29'), rules.join('\n'));
  });

  it('tells a NATS subscription as work off the request, with its handler', () => {
    const asyncWork = factsOf(answerOf('service.async'));
    assert.ok(asyncWork.includes('`Listen` consumes the messages of `warehouse.shipped` as they arrive, off any request, each handled by `onShipped` — internal/events/subscriber.go:7'), asyncWork.join('\n'));
    assert.ok(asyncWork.includes('`onShipped` handles `warehouse.shipped` — internal/events/subscriber.go:7'), asyncWork.join('\n'));
  });

  it("tells the statuses handlers write with net/http's constants and http.NotFound, each where it is written and with the call whose error it answers", () => {
    const statuses = factsOf(answerOf('service.errors'), 'Error statuses by route');
    assert.ok(statuses.includes('`POST /api/v1/orders` answers 400 when `order, err := h.orders.Place(r.Context(), input.CustomerID); err != nil` (`http.Error`) — internal/handler/order.go:33'), statuses.join('\n'));
    assert.ok(statuses.includes('`GET /api/v1/orders/{id}` answers 404 when `order, err := h.orders.Find(r.Context(), chi.URLParam(r, "id")); err != nil` (`NotFound`) — internal/handler/order.go:42'), statuses.join('\n'));
  });
});

describe("a Go router framework's answers (test/fixtures/go-router)", () => {
  it('tells the packages the rest imports by their import path as the modules to read first', async () => {
    const analysis = await analyzeFolder(join(ROOT, 'test', 'fixtures', 'go-router'), { threads: 1 });
    const modules = factsOf(analysis.answers().find((answer) => answer.item === 'framework.one-module'));
    assert.deepEqual(modules, ['`github.com/acme/vine` is imported by 3 other modules — context.go:1']);
  });
});
