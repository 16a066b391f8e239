import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FileFacts } from '../../src/core/parse/facts';
import { testScanner } from '../helpers';

function scanGo(text: string): Promise<FileFacts> {
  return testScanner().scan({ path: 'internal/handler/order.go', language: 'go' }, text);
}

const HANDLER = `package handler

import (
	"net/http"
	svc "github.com/acme/shop/internal/service"
	"github.com/go-chi/chi/v5"
)

type OrderHandler struct {
	*Base
	svc  svc.OrderService
	log, audit Logger
	ID   uint \`gorm:"primaryKey"\`
}

type Store interface {
	io.Closer
	Save(ctx context.Context, o *Order) error
}

const Prefix = "/api"

var router = chi.NewRouter()

func NewOrderHandler(s svc.OrderService) *OrderHandler { return &OrderHandler{svc: s} }

func (h *OrderHandler) Routes() chi.Router {
	r := chi.NewRouter()
	r.Post("/orders", func(w http.ResponseWriter, req *http.Request) {
		h.svc.Create(req.Context())
	})
	order, err := h.svc.Find(ctx, 1)
	return r
}
`;

describe('the Go syntax', () => {
  it('reads the package and the imports with their aliases', async () => {
    const facts = await scanGo(HANDLER);
    assert.equal(facts.packageName, 'handler');
    assert.deepEqual(facts.imports.map((statement) => `${statement.module}${statement.alias ? ` as ${statement.alias}` : ''}`), ['net/http', 'github.com/acme/shop/internal/service as svc', 'github.com/go-chi/chi/v5']);
  });

  it('reads structs with fields, tags and embedded types, and interfaces with their methods', async () => {
    const facts = await scanGo(HANDLER);
    const handler = facts.symbols.find((symbol) => symbol.name === 'OrderHandler');
    assert.deepEqual(handler?.bases, ['Base']);
    assert.deepEqual(handler?.attributes?.map((attribute) => `${attribute.name}: ${attribute.type ?? ''}${attribute.tag ? ` ${attribute.tag}` : ''}`), ['Base: Base', 'svc: svc.OrderService', 'log: Logger', 'audit: Logger', 'ID: uint gorm:"primaryKey"']);
    const store = facts.symbols.find((symbol) => symbol.name === 'Store');
    assert.equal(store?.keywords?.['interface'], 'true');
    assert.deepEqual(store?.bases, ['io.Closer']);
    const save = facts.symbols.find((symbol) => symbol.name === 'Store.Save');
    assert.equal(save?.notImplemented, true);
    assert.deepEqual(save?.parameters?.map((parameter) => parameter.name), ['_', 'ctx', 'o']);
  });

  it('names methods after their receiver type, whose name is their first parameter, and keeps calls with their named arguments', async () => {
    const facts = await scanGo(HANDLER);
    const routes = facts.symbols.find((symbol) => symbol.name === 'OrderHandler.Routes');
    assert.equal(routes?.kind, 'method');
    assert.deepEqual(routes?.parameters, [{ name: 'h', annotation: 'OrderHandler' }]);
    assert.deepEqual(routes?.calls?.map((call) => `${call.callee}(${(call.arguments ?? []).join(', ')})`), ['chi.NewRouter()', 'r.Post("/orders", <anonymous>@29)', 'h.svc.Find(ctx, 1)']);
    assert.deepEqual(routes?.locals, [{ name: 'r', line: 27, type: 'chi.NewRouter', value: 'chi.NewRouter()' }, { name: 'order', line: 31, type: 'h.svc.Find', value: 'h.svc.Find(ctx, 1)' }, { name: 'err', line: 31 }]);
    assert.equal(facts.symbols.find((symbol) => symbol.name === 'NewOrderHandler')?.returns, 'OrderHandler');
  });

  it('reads the values of var declarations as those of short ones, a call over several lines with its arguments as calls keep them, and the line of each', async () => {
    const facts = await scanGo(`package server

func routes(e *echo.Echo, a *App) {
	{
		var (
			check = a.Check
			g     = e.Group("/admin", func(next echo.HandlerFunc) echo.HandlerFunc {
				return next
			})
		)
		g.GET("/home", check(a.Home))
	}
	var srv echo.Echo = *e
	g := e.Group("/api")
}
`);
    const routes = facts.symbols.find((symbol) => symbol.name === 'routes');
    assert.deepEqual(routes?.locals, [
      { name: 'check', line: 5, value: 'a.Check' },
      { name: 'g', line: 6, type: 'e.Group', value: 'e.Group("/admin", <anonymous>@7)' },
      { name: 'srv', line: 12, type: 'echo.Echo' },
      { name: 'g', line: 13, type: 'e.Group', value: 'e.Group("/api")' },
    ]);
  });

  it('makes an inline handler a function of its own, named after its line, with its calls', async () => {
    const facts = await scanGo(HANDLER);
    const inline = facts.symbols.find((symbol) => symbol.name === '<anonymous>@29');
    assert.deepEqual(inline?.calls?.map((call) => call.callee), ['req.Context', 'h.svc.Create']);
  });

  it("makes a middleware written in place a function of its own, named after the line it starts on, and keeps a long call argument by what it calls and its arguments", async () => {
    const facts = await scanGo(`package server

func New(r *gin.Engine) {
	r.Use(middleware.Recovery(
		conf.APIBaseURL+"/answer/api/v1",
	), func(ctx *gin.Context) {
		compress(ctx)
	}, middleware.Lang)
	sort.Slice(items, func(i, j int) bool { return less(i, j) })
}
`);
    const inline = facts.symbols.find((symbol) => symbol.name === '<anonymous>@6');
    assert.deepEqual(inline?.calls?.map((call) => call.callee), ['compress']);
    const calls = facts.symbols.find((symbol) => symbol.name === 'New')?.calls ?? [];
    assert.deepEqual(calls.find((call) => call.callee === 'r.Use')?.arguments, ['middleware.Recovery(conf.APIBaseURL+"/answer/api/v1")', '<anonymous>@6', 'middleware.Lang']);
    // A function given to anything else is the caller's own code.
    assert.ok(calls.some((call) => call.callee === 'less'));
    assert.equal(facts.symbols.filter((symbol) => symbol.name.startsWith('<anonymous>')).length, 1);
  });

  it('reads package-level variables and constants', async () => {
    const facts = await scanGo(HANDLER);
    assert.equal(facts.symbols.find((symbol) => symbol.name === 'Prefix')?.literal, '/api');
    assert.equal(facts.symbols.find((symbol) => symbol.name === 'router')?.value?.callee, 'chi.NewRouter');
  });

  it('reads the type parameters of generic types, and the named type a type is defined over with its type arguments', async () => {
    const facts = await scanGo(`package handler

type QueryHandler[Q any, R any] interface { Handle(q Q) (R, error) }

type ListOrders cqrs.QueryHandler[ListOrdersQuery, []*Order]

type Status int

type Orders []Order
`);
    const named = (name: string) => facts.symbols.find((symbol) => symbol.name === name);
    assert.deepEqual(named('QueryHandler')?.typeParameters, ['Q', 'R']);
    assert.deepEqual(named('ListOrders')?.underlying, { type: 'cqrs.QueryHandler', arguments: ['ListOrdersQuery', 'Order'] });
    assert.deepEqual(named('Status')?.underlying, { type: 'int' });
    assert.equal(named('Orders')?.underlying, undefined);
  });

  it('reads a broken file as far as it goes, without failing', async () => {
    const facts = await scanGo('package x\nfunc (h *H) Broken( {\n}\nfunc Ok() { g() }\n');
    assert.equal(facts.hasSyntaxErrors, true);
    assert.ok(facts.symbols.some((symbol) => symbol.name === 'Ok'));
  });
});
