import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FileFacts } from '../../src/core/parse/facts';
import { testScanner } from '../helpers';

function scanJava(text: string): Promise<FileFacts> {
  return testScanner().scan({ path: 'src/main/java/com/acme/orders/web/OrderController.java', language: 'java' }, text);
}

const CONTROLLER = `package com.acme.orders.web;

import com.acme.orders.service.OrderService;
import org.springframework.web.bind.annotation.*;
import static java.util.Objects.requireNonNull;

@RestController
@RequestMapping(value = {"/api/orders", "/v1"}, produces = "application/json")
public class OrderController extends BaseController<Order> implements Audited {
    public static final String BY_ID = "/{id}";
    private final OrderService orderService;
    @Autowired private OrderRepository repo;

    public OrderController(OrderService orderService) { this.orderService = orderService; }

    @GetMapping(BY_ID)
    public Order get(@PathVariable("id") Long id) {
        var found = orderService.find(id);
        Order copy = new Order(found);
        try { repo.save(copy); } catch (IllegalStateException e) { log.warn("x"); }
        items.forEach(item -> repo.delete(item));
        return validate(copy);
    }

    private Order validate(Order order) { return order; }

    interface Listener { void onOrder(Order order); }
}
`;

describe('the Java syntax', () => {
  it('reads the package, imports (single-type, on-demand, static) and classes with their bases and annotations', async () => {
    const facts = await scanJava(CONTROLLER);
    assert.equal(facts.packageName, 'com.acme.orders.web');
    assert.deepEqual(facts.imports.map((statement) => [statement.module, statement.names.map((name) => name.name).join(','), statement.alias ?? '']), [
      ['com.acme.orders.service', 'OrderService', ''],
      ['org.springframework.web.bind.annotation', '*', ''],
      ['java.util.Objects', 'requireNonNull', 'static'],
    ]);
    const controller = facts.symbols.find((symbol) => symbol.name === 'OrderController');
    assert.deepEqual(controller?.bases, ['BaseController', 'Audited']);
    assert.deepEqual(controller?.decorators, ['RestController', 'RequestMapping']);
    assert.equal(controller?.decoratorCalls?.['RequestMapping']?.keywords['value'], '{"/api/orders", "/v1"}');
    assert.deepEqual(controller?.attributes?.map((attribute) => `${attribute.name}: ${attribute.type ?? ''}`), ['BY_ID: String', 'orderService: OrderService', 'repo: OrderRepository']);
    assert.deepEqual(facts.symbols.find((symbol) => symbol.name === 'OrderController.BY_ID')?.literal, '/{id}');
  });

  it('names constructors after their class, gives methods `this`, and writes calls on fields and own methods with it', async () => {
    const facts = await scanJava(CONTROLLER);
    assert.ok(facts.symbols.some((symbol) => symbol.name === 'OrderController.OrderController' && symbol.kind === 'method'));
    const get = facts.symbols.find((symbol) => symbol.name === 'OrderController.get');
    assert.deepEqual(get?.parameters, [{ name: 'this', annotation: 'OrderController' }, { name: 'id', annotation: 'Long', default: '@PathVariable' }]);
    assert.deepEqual(get?.decoratorCalls?.['GetMapping']?.args, ['BY_ID']);
    assert.deepEqual(
      get?.calls?.map((call) => `${call.callee}${call.branch ? ` (${call.branch})` : ''}`),
      ['this.orderService.find', 'Order', 'this.repo.save (try)', 'log.warn (except)', 'this.repo.delete', 'items.forEach', 'this.validate'],
    );
    assert.deepEqual(get?.locals, [{ name: 'found' }, { name: 'copy', type: 'Order' }]);
    assert.equal(get?.returns, 'Order');
  });

  it('makes a lambda a registration takes a function of its own, and keeps the arguments of calls that may register', async () => {
    const facts = await scanJava(`package spark.examples;

import static spark.Spark.*;

public class Books {
    public static void main(String[] args) {
        get("/books/:id", (request, response) -> {
            return books.get(request.params(":id"));
        });
        get("/hello", "application/json", (req, res) -> render(req), new JsonTransformer());
        before((request, response) -> check(request));
        route(GET("/fn"), request -> ok());
        post("/books", Books::create);
        webSocket("/echo", EchoWebSocket.class);
        books.values().forEach(book -> audit(book));
    }
}
`);
    const names = facts.symbols.filter((symbol) => symbol.name.startsWith('<anonymous>')).map((symbol) => `${symbol.name}(${(symbol.parameters ?? []).map((parameter) => parameter.name).join(', ')}): ${(symbol.calls ?? []).map((call) => call.callee).join(', ')}`);
    assert.deepEqual(names, ['<anonymous>@7(request, response): request.params, books.get', '<anonymous>@10(req, res): render', '<anonymous>@11(request, response): check', '<anonymous>@12(request): ok']);
    const main = facts.symbols.find((symbol) => symbol.name === 'Books.main');
    assert.deepEqual(
      main?.calls?.map((call) => `${call.callee}(${(call.arguments ?? []).join(', ')})`),
      ['get("/books/:id", <anonymous>@7)', 'JsonTransformer()', 'get("/hello", "application/json", <anonymous>@10, new JsonTransformer())', 'before(<anonymous>@11)', 'GET("/fn")', 'route(GET("/fn"), <anonymous>@12)', 'post("/books", Books::create)', 'webSocket("/echo", EchoWebSocket.class)', 'books.values()', 'audit()', 'books.values().forEach()'],
    );
  });

  it('marks interfaces and their methods without bodies', async () => {
    const facts = await scanJava(CONTROLLER);
    assert.equal(facts.symbols.find((symbol) => symbol.name === 'OrderController.Listener')?.keywords?.['interface'], 'true');
    assert.equal(facts.symbols.find((symbol) => symbol.name === 'OrderController.Listener.onOrder')?.notImplemented, true);
  });

  it('reads a broken file as far as it goes, without failing', async () => {
    const facts = await scanJava('package a;\npublic class Broken { void f( { g(); }\n class Ok { void h() {} }');
    assert.equal(facts.hasSyntaxErrors, true);
    assert.equal(facts.skipped, undefined);
  });
});
