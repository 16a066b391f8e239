import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Analysis } from '../../src/core/analyze';
import { renderTraceMermaid } from '../../src/core/render/trace';
import { SymbolId, type TraceStep } from '../../src/core/result';
import { analyzeFolder } from '../../src/node/analyzeFolder';
import { join } from 'node:path';
import { ROOT, SAMPLE, tempWorkspace } from '../helpers';

const label = (step: TraceStep) => `${step.via} ${step.layer} ${step.external || step.unresolved ? step.symbol : SymbolId.parse(step.symbol).name}`;

describe('route traces on the embedded sample', () => {
  let analysis: Analysis;
  before(async () => {
    analysis = await analyzeFolder(SAMPLE, { threads: 1 });
  });

  it('follows POST /orders through application, domain and infrastructure in call order', () => {
    const trace = analysis.trace('POST /orders');
    assert.ok(trace);
    const flow = trace.steps.filter((step) => (step.depth ?? 0) <= 2).map(label);
    const expectInOrder = [
      'call api create_order',
      'di api get_db',
      'call application OrderService.create_order',
      'call domain InventoryRepository.has_stock',
      'di infrastructure SqlInventoryRepository.has_stock',
      'call application PricingService.price_items',
      'call domain Order.create',
      'call domain OrderRepository.save',
      'di infrastructure SqlOrderRepository.save',
      'call infrastructure PaymentService.charge',
      'call domain Order.mark_failed',
      'call domain Order.mark_paid',
      'call domain Order.confirm',
      'async infrastructure send_order_confirmation_email',
      'event domain DomainEvent.publish',
    ];
    let position = 0;
    for (const expected of expectInOrder) {
      const found = flow.indexOf(expected, position);
      assert.ok(found >= 0, `'${expected}' after step ${position} in:\n${flow.join('\n')}`);
      position = found + 1;
    }
  });

  it('marks error paths, interface steps with their implementations, and what leaves the workspace', () => {
    const steps = analysis.trace('POST /orders')?.steps ?? [];
    assert.equal(steps.find((step) => step.symbol.endsWith(':Order.mark_failed'))?.site?.branch, 'except');
    assert.equal(steps.find((step) => step.symbol.endsWith(':PaymentService.charge'))?.site?.branch, 'try');
    assert.deepEqual(steps.find((step) => step.symbol.endsWith(':OrderRepository.save'))?.implementations, [
      'app/infrastructure/persistence/order_repository.py:SqlOrderRepository.save',
    ]);
    assert.ok(steps.some((step) => step.external && step.symbol === 'sqlalchemy.orm.Session.commit' && step.layer === 'external'));
  });

  it('finds a route however its placeholders are written, and answers undefined for an unknown one', () => {
    assert.equal(analysis.trace('get /orders/:id')?.route, 'GET /orders/{order_id}');
    assert.equal(analysis.trace('DELETE /nowhere'), undefined);
  });

  it('renders a Mermaid sequence diagram with async and event messages', () => {
    const diagram = renderTraceMermaid(analysis.trace('POST /orders') ?? { route: '', steps: [] });
    assert.match(diagram, /^sequenceDiagram\n {2}title POST \/orders\n/);
    assert.match(diagram, /-\)infrastructure: send_order_confirmation_email \(async\)/);
    assert.match(diagram, /participant application as application[\s\S]*participant domain as domain[\s\S]*participant infrastructure/);
  });
});

describe('traces that could loop', () => {
  const workspace = tempWorkspace({
    'api.py': [
      'from fastapi import APIRouter',
      'from services import Ping',
      'router = APIRouter()',
      '@router.get("/count/{n}")',
      'def count(n: int):',
      '    if n:',
      '        count(n - 1)',
      '    Ping().ping()',
    ].join('\n'),
    'services.py': [
      'class Ping:',
      '    def ping(self):',
      '        Pong().pong()',
      'class Pong:',
      '    def pong(self):',
      '        Ping().ping()',
    ].join('\n'),
  });
  after(workspace.cleanup);

  it('terminates on a handler calling itself and two services calling each other, marking the recursion', async () => {
    const analysis = await analyzeFolder(workspace.root, { threads: 1 });
    const steps = analysis.trace('GET /count/{n}')?.steps ?? [];
    assert.ok(steps.some((step) => step.symbol === 'api.py:count' && step.recursive));
    assert.ok(steps.some((step) => step.symbol === 'services.py:Ping.ping' && step.recursive));
    assert.ok(steps.length < 20);
  });
});

describe('traces through an interface with several implementations', () => {
  const workspace = tempWorkspace({
    'go.mod': 'module example.com/shop\n\ngo 1.22\n',
    'cmd/shop/main.go': `package main

import (
	"example.com/shop/internal/handler"
	"example.com/shop/internal/repository"
	"example.com/shop/internal/service"
	"github.com/go-chi/chi/v5"
)

func main() {
	repo := repository.NewPostgresOrders()
	svc := service.NewOrders(repo)
	r := chi.NewRouter()
	h := handler.NewOrders(svc)
	r.Get("/orders", h.List)
}
`,
    'internal/handler/orders.go': `package handler

import (
	"net/http"
	"example.com/shop/internal/service"
)

type Orders struct{ svc *service.Orders }

func NewOrders(svc *service.Orders) *Orders { return &Orders{svc: svc} }

func (h *Orders) List(w http.ResponseWriter, r *http.Request) { h.svc.List() }
`,
    'internal/service/orders.go': `package service

type Store interface{ All() []string }

type Orders struct{ store Store }

func NewOrders(store Store) *Orders { return &Orders{store: store} }

func (s *Orders) List() []string { return s.store.All() }
`,
    'internal/repository/postgres.go': `package repository

type PostgresOrders struct{}

func NewPostgresOrders() *PostgresOrders { return &PostgresOrders{} }

func (p *PostgresOrders) All() []string { return nil }
`,
    'internal/repository/memory.go': `package repository

type MemoryOrders struct{}

func (m *MemoryOrders) All() []string { return nil }
`,
    'internal/mocks/store.go': `package mocks

type Store struct{}

func (m *Store) All() []string { return nil }
`,
  });
  after(workspace.cleanup);

  it('follows the implementation the wiring hands where the interface is expected, a test double never', async () => {
    const analysis = await analyzeFolder(workspace.root, { threads: 1 });
    const steps = analysis.trace('GET /orders')?.steps ?? [];
    const di = steps.filter((step) => step.via === 'di').map((step) => step.symbol);
    assert.deepEqual(di, ['internal/repository/postgres.go:PostgresOrders.All']);
    assert.equal(analysis.result.files.find((file) => file.path === 'internal/mocks/store.go')?.layer, 'test');
  });
});

describe('traces through the implementation a Go constructor returns as the interface', () => {
  const workspace = tempWorkspace({
    'go.mod': 'module example.com/notes\n\ngo 1.22\n',
    'domain/note.go': `package domain

type Note struct{ Title string }

type NoteStore interface{ Save(n *Note) error }

type NoteService interface{ Save(n *Note) error }
`,
    'store/note_store.go': `package store

import "example.com/notes/domain"

type noteStore struct{ table string }

func NewNoteStore(table string) domain.NoteStore {
	return &noteStore{table: table}
}

func (s *noteStore) Save(n *domain.Note) error { return nil }
`,
    'service/note_service.go': `package service

import "example.com/notes/domain"

type noteService struct{ store domain.NoteStore }

func NewNoteService(store domain.NoteStore) domain.NoteService {
	return &noteService{store: store}
}

func (s *noteService) Save(n *domain.Note) error { return s.store.Save(n) }
`,
    'api/notes.go': `package api

import (
	"net/http"
	"example.com/notes/domain"
	"example.com/notes/service"
	"example.com/notes/store"
	"github.com/gin-gonic/gin"
)

type NoteController struct {
	NoteService domain.NoteService
}

func (c *NoteController) Create(ctx *gin.Context) {
	_ = c.NoteService.Save(&domain.Note{})
	ctx.JSON(http.StatusCreated, nil)
}

func Routes(r *gin.Engine) {
	c := &NoteController{
		NoteService: service.NewNoteService(store.NewNoteStore("notes")),
	}
	r.POST("/notes", c.Create)
}
`,
  });
  after(workspace.cleanup);

  it('takes the type each constructor makes for the interface it is declared to return, when others have the same methods', async () => {
    const analysis = await analyzeFolder(workspace.root, { threads: 1 });
    const steps = analysis.trace('POST /notes')?.steps ?? [];
    assert.deepEqual(
      steps.filter((step) => step.via === 'di').map((step) => step.symbol),
      ['service/note_service.go:noteService.Save', 'store/note_store.go:noteStore.Save'],
    );
  });
});

describe('traces through a Go decorator that wraps the implementation the wiring makes', () => {
  const workspace = tempWorkspace({
    'go.mod': 'module example.com/shop\n\ngo 1.22\n',
    'internal/usecase/contracts.go': `package usecase

type Orders interface{ List() []string }
`,
    'internal/handler/orders.go': `package handler

import (
	"net/http"
	"example.com/shop/internal/usecase"
	"github.com/go-chi/chi/v5"
)

type Orders struct{ uc usecase.Orders }

func Routes(r chi.Router, uc usecase.Orders) {
	h := &Orders{uc: uc}
	r.Get("/orders", h.List)
}

func (h *Orders) List(w http.ResponseWriter, r *http.Request) { h.uc.List() }
`,
    'internal/usecase/orders/orders.go': `package orders

import "example.com/shop/internal/usecase"

type UseCase struct {
	limit int
}

// The value handed to the decorator is written over several lines.
func New(limit int) usecase.Orders {
	return newTraced(&UseCase{
		limit: limit,
	})
}

func (uc *UseCase) List() []string { return nil }
`,
    'internal/usecase/orders/tracing.go': `package orders

import "example.com/shop/internal/usecase"

type tracedUseCase struct{ next usecase.Orders }

func newTraced(next usecase.Orders) usecase.Orders { return &tracedUseCase{next: next} }

func (t *tracedUseCase) List() []string { return t.next.List() }
`,
  });
  after(workspace.cleanup);

  it('follows the implementation handed to the decorator, a value made in place over several lines', async () => {
    const analysis = await analyzeFolder(workspace.root, { threads: 1 });
    const steps = analysis.trace('GET /orders')?.steps ?? [];
    assert.deepEqual(
      steps.filter((step) => step.via === 'di').map((step) => step.symbol),
      ['internal/usecase/orders/orders.go:UseCase.List'],
    );
  });
});

describe('traces through a Go type defined over a generic interface', () => {
  const workspace = tempWorkspace({
    'go.mod': 'module example.com/shop\n\ngo 1.22\n',
    'internal/cqrs/handler.go': `package cqrs

import "context"

type QueryHandler[Q any, R any] interface {
	Handle(ctx context.Context, q Q) (R, error)
}

type logged[Q any, R any] struct{ next QueryHandler[Q, R] }

func WithLogging[Q any, R any](next QueryHandler[Q, R]) QueryHandler[Q, R] { return logged[Q, R]{next: next} }

func (l logged[Q, R]) Handle(ctx context.Context, q Q) (R, error) { return l.next.Handle(ctx, q) }
`,
    'internal/app/queries.go': `package app

import (
	"context"
	"example.com/shop/internal/cqrs"
)

type Order struct{ ID string }

type ListOrders struct{ Customer string }

type CountOrders struct{}

type ListOrdersHandler cqrs.QueryHandler[ListOrders, []Order]

type CountOrdersHandler cqrs.QueryHandler[CountOrders, int]

type OrderStore interface{ Find(ctx context.Context, customer string) ([]Order, error) }

type listOrders struct{ store OrderStore }

func NewListOrders(store OrderStore) ListOrdersHandler { return cqrs.WithLogging[ListOrders, []Order](listOrders{store: store}) }

func (h listOrders) Handle(ctx context.Context, q ListOrders) ([]Order, error) { return h.store.Find(ctx, q.Customer) }

type countOrders struct{}

func (h countOrders) Handle(ctx context.Context, q CountOrders) (int, error) { return 0, nil }

type Queries struct {
	ListOrders  ListOrdersHandler
	CountOrders CountOrdersHandler
}

type Application struct{ Queries Queries }
`,
    'internal/store/orders.go': `package store

import (
	"context"
	"example.com/shop/internal/app"
)

type Orders struct{}

func (s Orders) Find(ctx context.Context, customer string) ([]app.Order, error) { return nil, nil }
`,
    'internal/ports/http.go': `package ports

import (
	"net/http"
	"example.com/shop/internal/app"
	"github.com/go-chi/chi/v5"
)

type Server struct{ app app.Application }

func Routes(r chi.Router, s Server) { r.Get("/orders", s.ListOrders) }

func (s Server) ListOrders(w http.ResponseWriter, r *http.Request) {
	s.app.Queries.ListOrders.Handle(r.Context(), app.ListOrders{Customer: r.URL.Query().Get("customer")})
}
`,
  });
  after(workspace.cleanup);

  it('follows the implementation written for its type arguments past the generic wrappers, to the store', async () => {
    const analysis = await analyzeFolder(workspace.root, { threads: 1 });
    const steps = analysis.trace('GET /orders')?.steps ?? [];
    const handle = steps.find((step) => step.symbol === 'internal/cqrs/handler.go:QueryHandler.Handle');
    assert.deepEqual(handle?.implementations, ['internal/app/queries.go:listOrders.Handle', 'internal/cqrs/handler.go:logged.Handle']);
    assert.deepEqual(
      steps.filter((step) => step.via === 'di').map((step) => step.symbol),
      ['internal/app/queries.go:listOrders.Handle', 'internal/store/orders.go:Orders.Find'],
    );
  });
});

describe('traces a Go method declared in another file of its package than its type', () => {
  it("follows the receiver's fields to the repository (go-shop's orderService.Find, in find.go)", async () => {
    const analysis = await analyzeFolder(join(ROOT, 'test', 'fixtures', 'go-shop'), { threads: 1 });
    const steps = analysis.trace('GET /api/v1/orders/{id}')?.steps ?? [];
    assert.ok(
      steps.some((step) => step.symbol === 'internal/repository/order.go:gormOrderRepository.ByID' && step.via === 'di'),
      steps.map((step) => step.symbol).join(', '),
    );
  });
});

describe('traces through indirection', () => {
  const fixture = (name: string) => join(ROOT, 'test', 'fixtures', name);
  let allocation: Analysis;
  let cqrs: Analysis;
  before(async () => {
    allocation = await analyzeFolder(fixture('allocation'), { threads: 1 });
    cqrs = await analyzeFolder(fixture('nest-cqrs'), { threads: 1 });
  });

  it('goes from a message bus to the handler its table registers for the command, through the unit of work to the repository and the session', () => {
    const steps = allocation.trace('POST /allocate')?.steps ?? [];
    const handler = steps.find((step) => step.symbol === 'src/allocation/service_layer/handlers.py:allocate');
    assert.deepEqual(handler?.through, { kind: 'handler-table', by: 'src/allocation/service_layer/handlers.py:COMMAND_HANDLERS' });
    // The command is Allocate: the event dispatch, whose parameter is an Event, hands it to nobody.
    assert.equal(steps.filter((step) => step.through?.kind === 'handler-table').length, 1);
    assert.ok(steps.some((step) => step.via === 'di' && step.symbol === 'src/allocation/adapters/repository.py:SqlAlchemyRepository.get'));
    assert.ok(steps.some((step) => step.symbol === 'session.query (database session)'));
    assert.ok(steps.some((step) => step.symbol === 'session.commit (database session)'));
    assert.ok(steps.some((step) => step.symbol === 'src/allocation/domain/model.py:Product.allocate'), 'the product read through the repository is followed');
    // Moving data is no step: the bus's queue, a list attribute's append, a log line.
    assert.deepEqual(steps.filter((step) => step.unresolved).map((step) => step.expression), []);
    const raised = steps.filter((step) => step.via === 'raise').map((step) => SymbolId.parse(step.symbol).name || step.symbol);
    assert.deepEqual(raised, ['InvalidSku', 'Exception']);
  });

  it('follows a function a bootstrap injects by parameter name, to a call on the module-level client it makes', () => {
    const steps = allocation.trace('PUT /change_quantity')?.steps ?? [];
    const publish = steps.find((step) => step.through?.kind === 'injected');
    assert.equal(publish?.symbol, 'src/allocation/adapters/redis_eventpublisher.py:publish');
    assert.equal(publish?.through?.by, 'src/allocation/bootstrap.py:bootstrap');
    const client = steps.find((step) => step.client);
    assert.deepEqual(
      client && { symbol: client.symbol, client: client.client, layer: client.layer, expression: client.expression, line: client.line, site: client.site },
      { symbol: 'src/allocation/adapters/redis_eventpublisher.py:r', client: 'redis.Redis', layer: 'infrastructure', expression: 'r.publish', line: 10, site: { path: 'src/allocation/adapters/redis_eventpublisher.py', line: 15 } },
    );
  });

  it('goes from a NestJS command bus to the handler decorated for the command, marking the raised exception with its status', () => {
    const steps = cqrs.trace('POST /api/users')?.steps ?? [];
    const handler = steps.find((step) => step.symbol === 'src/users/create-user.handler.ts:CreateUserHandler.execute');
    assert.deepEqual(handler?.through, { kind: 'message-bus', by: '@nestjs/cqrs.CommandBus.execute' });
    const raised = steps.find((step) => step.via === 'raise');
    assert.deepEqual(raised && { symbol: raised.symbol, status: raised.status }, { symbol: '@nestjs/common.BadRequestException', status: 400 });
    const client = steps.find((step) => step.client);
    assert.deepEqual(client && [client.symbol, client.client, client.expression], ['src/prisma.ts:prisma', '@prisma/client.PrismaClient', 'prisma.user.create']);
  });

  it('tells each exception once, with the status it is answered with when the trace converts it', async () => {
    const sample = await analyzeFolder(SAMPLE, { threads: 1 });
    const steps = sample.trace('POST /orders')?.steps ?? [];
    const statuses = steps.filter((step) => step.via === 'raise').map((step) => `${step.external ? step.symbol : SymbolId.parse(step.symbol).name} ${step.status ?? '-'}`);
    assert.deepEqual(statuses, ['fastapi.HTTPException 401', 'OutOfStockError 409', 'InvalidOrderError -', 'PaymentError 402', 'fastapi.HTTPException 409', 'fastapi.HTTPException 402']);
    // A method called on what a factory returns is followed: `OrderService.for_session(db).cancel_order(...)`.
    assert.ok(sample.trace('POST /orders/{order_id}/cancel')?.steps.some((step) => step.symbol === 'app/application/services/order_service.py:OrderService.cancel_order'));
  });
});

describe('traces through the instances a framework call gives', () => {
  const workspace = tempWorkspace({
    'shop/models.py': [
      'from django.db import models',
      'class Customer(models.Model):',
      '    name = models.CharField(max_length=50)',
      '    def notify(self):',
      '        pass',
      'class Order(models.Model):',
      '    customer = models.ForeignKey(Customer, on_delete=models.CASCADE)',
      '    owner = models.ForeignKey("Customer", on_delete=models.CASCADE)',
      '    def cancel(self):',
      '        self.save()',
    ].join('\n'),
    'shop/views.py': [
      'from django.shortcuts import get_object_or_404',
      'from shop.models import Order',
      'def cancel(request, pk):',
      '    order = get_object_or_404(Order, pk=pk)',
      '    order.cancel()',
      '    order.customer.notify()',
      '    order.owner.notify()',
    ].join('\n'),
    'shop/urls.py': [
      'from django.urls import include, path',
      'from rest_framework.routers import DefaultRouter',
      'from shop import views, api',
      'router = DefaultRouter()',
      'router.register("api/orders", api.OrderViewSet)',
      'router.register("api/customers", api.CustomerViewSet)',
      'urlpatterns = [path("orders/<int:pk>/cancel", views.cancel), path("", include(router.urls))]',
    ].join('\n'),
    'shop/api.py': [
      'from rest_framework import viewsets',
      'from rest_framework.decorators import action',
      'from rest_framework.response import Response',
      'from shop.models import Customer, Order',
      'class BaseOrderViewSet(viewsets.ModelViewSet):',
      '    queryset = Order.objects.all()',
      'class OrderViewSet(BaseOrderViewSet):',
      '    @action(detail=True, methods=["post"])',
      '    def cancel(self, request, pk=None):',
      '        order = self.get_object()',
      '        order.cancel()',
      '        return Response({})',
      '# Not a generic view: its get_object is its own business.',
      'class CustomerViewSet(viewsets.ViewSet):',
      '    queryset = Customer.objects.all()',
      '    @action(detail=True, methods=["post"])',
      '    def ping(self, request, pk=None):',
      '        customer = self.get_object()',
      '        customer.notify()',
      '        return Response({})',
    ].join('\n'),
    'api/routes.ts': [
      "import { Router } from 'express';",
      "import { Container } from 'typedi';",
      "import AuthService from './auth';",
      'const route = Router();',
      "route.post('/signin', async (req, res) => {",
      '  const auth = Container.get(AuthService);',
      '  const other = makeThing(AuthService);',
      '  await auth.signIn(req.body);',
      '  other.signOut();',
      '  res.json({});',
      '});',
      'export default route;',
    ].join('\n'),
    'api/auth.ts': ["import { Service } from 'typedi';", '@Service()', 'export default class AuthService {', '  async signIn(body) {}', '  signOut() {}', '}'].join('\n'),
  });
  after(workspace.cleanup);

  it('follows a model fetched with get_object_or_404 and its foreign keys, named or written as a string', async () => {
    const analysis = await analyzeFolder(workspace.root, { threads: 1 });
    const steps = (analysis.trace('ANY /orders/<int:pk>/cancel') ?? analysis.trace('GET /orders/<int:pk>/cancel'))?.steps ?? [];
    const names = steps.map((step) => step.symbol);
    assert.ok(names.includes('shop/models.py:Order.cancel'), names.join('\n'));
    // `order.customer.notify()` and `order.owner.notify()`: the model each foreign key names.
    assert.deepEqual(steps.filter((step) => step.symbol.endsWith('notify')).map((step) => [step.symbol, step.site?.line]), [
      ['shop/models.py:Customer.notify', 5],
      ['shop/models.py:Customer.notify', 6],
    ]);
    assert.ok(!names.some((name) => name.includes('ForeignKey')), names.join('\n'));
  });

  it("follows the model instance a Django REST framework view's get_object gives, the query set's, inherited from a workspace view", async () => {
    const analysis = await analyzeFolder(workspace.root, { threads: 1 });
    const names = (analysis.trace('POST /api/orders/{pk}/cancel/')?.steps ?? []).map((step) => step.symbol);
    assert.ok(names.includes('shop/models.py:Order.cancel'), names.join('\n'));
    const plain = (analysis.trace('POST /api/customers/{pk}/ping/')?.steps ?? []).map((step) => step.symbol);
    assert.ok(plain.length > 0 && !plain.includes('shop/models.py:Customer.notify'), plain.join('\n'));
  });

  it('follows a service taken from a typedi container by its class, and nothing another call is given', async () => {
    const analysis = await analyzeFolder(workspace.root, { threads: 1 });
    const steps = analysis.trace('POST /signin')?.steps ?? [];
    const names = steps.map((step) => step.symbol);
    assert.ok(names.includes('api/auth.ts:AuthService.signIn'), names.join('\n'));
    assert.ok(!names.includes('api/auth.ts:AuthService.signOut'), names.join('\n'));
  });
});

describe("Flask-Login's current_user", () => {
  it('follows the methods called on current_user to the application\'s user class, the one deriving from UserMixin outside tests, and follows nothing when two do', async () => {
    const files = {
      'app/models.py': [
        'from flask_login import UserMixin',
        'from app import db',
        'class User(UserMixin, db.Model):',
        '    def launch_task(self, name):',
        '        return name',
        'class Post(db.Model):',
        '    def publish(self):',
        '        return None',
      ].join('\n'),
      'app/routes.py': [
        'from flask import Blueprint',
        'from flask_login import current_user, login_required',
        'bp = Blueprint("main", __name__)',
        '@bp.route("/export_posts")',
        '@login_required',
        'def export_posts():',
        '    current_user.launch_task("export_posts")',
        '    return "ok"',
      ].join('\n'),
      'tests/test_routes.py': ['from flask_login import UserMixin', 'class FakeUser(UserMixin):', '    def launch_task(self, name):', '        return None'].join('\n'),
    };
    const one = tempWorkspace(files);
    const two = tempWorkspace({ ...files, 'app/admin.py': ['from flask_login import UserMixin', 'class Admin(UserMixin):', '    def launch_task(self, name):', '        return None'].join('\n') });
    try {
      const names = ((await analyzeFolder(one.root, { threads: 1 })).trace('GET /export_posts')?.steps ?? []).map((step) => step.symbol);
      assert.deepEqual(names, ['app/routes.py:export_posts', 'app/models.py:User.launch_task']);
      const ambiguous = ((await analyzeFolder(two.root, { threads: 1 })).trace('GET /export_posts')?.steps ?? []).map((step) => step.symbol);
      assert.deepEqual(ambiguous, ['app/routes.py:export_posts']);
    } finally {
      one.cleanup();
      two.cleanup();
    }
  });
});

describe('a route callback written in place that calls what the function around it made', () => {
  const workspace = tempWorkspace({
    'api/routes.ts': [
      "import { Router } from 'express';",
      "import { OrderController } from './controller';",
      "import { OrderService } from './service';",
      "import { ReportController } from './report';",
      'export const register = (router: Router) => {',
      '  const controller = new OrderController(new OrderService());',
      "  router.get('/orders', (req, res) => controller.list(req, res));",
      "  router.use((req, res, next) => {",
      "    router.get('/orders/nested', (req, res) => controller.list(req, res));",
      '    next();',
      '  });',
      "  router.get('/orders/count', (req, res) => {",
      '    const controller = new ReportController();',
      '    return controller.list();',
      '  });',
      '};',
    ].join('\n'),
    'api/controller.ts': [
      "import { OrderService } from './service';",
      'export class OrderController {',
      '  constructor(private service: OrderService) {}',
      '  list(req, res) {',
      '    return res.json(this.service.all());',
      '  }',
      '}',
    ].join('\n'),
    'api/service.ts': ['export class OrderService {', '  all() {', '    return [];', '  }', '}'].join('\n'),
    'api/report.ts': ['export class ReportController {', '  list() {', '    return 0;', '  }', '}'].join('\n'),
  });
  after(workspace.cleanup);

  it("follows the call to the local of the functions it is written in, and not when the callback has a local of that name", async () => {
    const analysis = await analyzeFolder(workspace.root, { threads: 1 });
    const names = (analysis.trace('GET /orders')?.steps ?? []).map((step) => step.symbol);
    assert.ok(names.includes('api/controller.ts:OrderController.list'), names.join('\n'));
    assert.ok(names.includes('api/service.ts:OrderService.all'), names.join('\n'));
    const nested = (analysis.trace('GET /orders/nested')?.steps ?? []).map((step) => step.symbol);
    assert.ok(nested.includes('api/controller.ts:OrderController.list'), nested.join('\n'));
    const own = (analysis.trace('GET /orders/count')?.steps ?? []).map((step) => step.symbol);
    assert.ok(own.includes('api/report.ts:ReportController.list'), own.join('\n'));
    assert.ok(!own.includes('api/controller.ts:OrderController.list'), own.join('\n'));
  });
});

describe('a container that hands out services by the id its definition files give them, and a bus that hands a message to the handler written for it', () => {
  const workspace = tempWorkspace({
    'package.json': JSON.stringify({ name: 'shop', private: true, dependencies: { express: '^4.0.0', 'node-dependency-injection': '^3.0.0' } }),
    'docker-compose.yml': ['services:', '  db:', '    image: postgres'].join('\n'),
    'src/app/di/broken.yaml': ['services:', '  app.Broken: { class: [unclosed'].join('\n'),
    'src/app/di/index.ts': ["import { ContainerBuilder, YamlFileLoader } from 'node-dependency-injection';", 'const container = new ContainerBuilder();', 'new YamlFileLoader(container).load(`${__dirname}/services.yaml`);', 'export default container;'].join('\n'),
    'src/app/di/services.yaml': [
      'services:',
      '  app.controllers.ListOrders:',
      '    class: ../controllers/ListOrdersController',
      "    arguments: ['@shop.QueryBus']",
      '  app.controllers.PlaceOrder:',
      '    class: ../controllers/PlaceOrderController',
      '  shop.QueryBus:',
      '    class: ../../shop/InMemoryQueryBus',
      '  shop.ListOrdersHandler:',
      '    class: ../../shop/ListOrdersHandler',
      '  shop.CountOrdersHandler:',
      '    class: ../../shop/CountOrdersHandler',
    ].join('\n'),
    'src/app/routes.ts': [
      "import { Router } from 'express';",
      "import container from './di';",
      "import { ListOrdersController } from './controllers/ListOrdersController';",
      'export const register = (router: Router) => {',
      "  const list = container.get('app.controllers.ListOrders');",
      "  router.get('/orders', (req, res) => list.run(req, res));",
      // The annotation claims another class; the container hands out the one its definition names.
      "  const place: ListOrdersController = container.get('app.controllers.PlaceOrder');",
      "  router.post('/orders', place.run.bind(place));",
      '};',
      'export class StatusRoutes {',
      '  register(router: Router) {',
      "    router.get('/status', this.status.bind(this));",
      '  }',
      '  status(req, res) {',
      '    res.end();',
      '  }',
      '}',
    ].join('\n'),
    'src/app/controllers/ListOrdersController.ts': [
      "import { QueryBus } from '../../shop/QueryBus';",
      "import { ListOrders } from '../../shop/ListOrders';",
      'export class ListOrdersController {',
      '  constructor(private bus: QueryBus) {}',
      '  async run(req, res) {',
      '    const query = new ListOrders();',
      '    res.json(await this.bus.ask(query));',
      '  }',
      '}',
    ].join('\n'),
    'src/app/controllers/PlaceOrderController.ts': ['export default class PlaceOrderController {', '  async run(req, res) {', '    res.status(201).end();', '  }', '}'].join('\n'),
    'src/shop/QueryBus.ts': ['export interface QueryBus {', '  ask(query: object): Promise<unknown>;', '}'].join('\n'),
    'src/shop/QueryHandler.ts': ['export interface QueryHandler {', '  handle(query: object): Promise<unknown>;', '}'].join('\n'),
    'src/shop/InMemoryQueryBus.ts': [
      "import { QueryBus } from './QueryBus';",
      "import { QueryHandler } from './QueryHandler';",
      'export class InMemoryQueryBus implements QueryBus {',
      '  constructor(private handlers: Map<Function, QueryHandler>) {}',
      '  async ask(query: object) {',
      '    const handler: QueryHandler = this.handlers.get(query.constructor);',
      '    return handler.handle(query);',
      '  }',
      '}',
    ].join('\n'),
    'src/shop/ListOrders.ts': ['export class ListOrders {}'].join('\n'),
    'src/shop/CountOrders.ts': ['export class CountOrders {}'].join('\n'),
    'src/shop/ListOrdersHandler.ts': [
      "import { QueryHandler } from './QueryHandler';",
      "import { ListOrders } from './ListOrders';",
      'export class ListOrdersHandler implements QueryHandler {',
      '  async handle(query: ListOrders) {',
      '    return this.load();',
      '  }',
      '  load() {',
      '    return [];',
      '  }',
      '}',
    ].join('\n'),
    'src/shop/CountOrdersHandler.ts': [
      "import { QueryHandler } from './QueryHandler';",
      "import { CountOrders } from './CountOrders';",
      'export class CountOrdersHandler implements QueryHandler {',
      '  async handle(query: CountOrders) {',
      '    return 0;',
      '  }',
      '}',
    ].join('\n'),
    // A copy no definition names: the container never makes it.
    'src/old/ListOrdersHandler.ts': [
      "import { QueryHandler } from '../shop/QueryHandler';",
      "import { ListOrders } from '../shop/ListOrders';",
      'export class ListOrdersHandler implements QueryHandler {',
      '  async handle(query: ListOrders) {',
      '    return [];',
      '  }',
      '}',
    ].join('\n'),
  });
  after(workspace.cleanup);

  it('names the handler of a method bound to a service the container hands out, and follows the call through the bus to the handler that takes the query', async () => {
    const analysis = await analyzeFolder(workspace.root, { threads: 1 });
    const post = analysis.result.routes.find((route) => route.method === 'POST' && route.path === '/orders');
    assert.equal(post?.handler, 'src/app/controllers/PlaceOrderController.ts:PlaceOrderController.run');
    assert.equal(analysis.result.routes.find((route) => route.path === '/status')?.handler, 'src/app/routes.ts:StatusRoutes.status');
    const names = (analysis.trace('GET /orders')?.steps ?? []).map((step) => step.symbol);
    assert.ok(names.includes('src/app/controllers/ListOrdersController.ts:ListOrdersController.run'), names.join('\n'));
    assert.ok(names.includes('src/shop/InMemoryQueryBus.ts:InMemoryQueryBus.ask'), names.join('\n'));
    assert.ok(names.includes('src/shop/ListOrdersHandler.ts:ListOrdersHandler.load'), names.join('\n'));
    assert.ok(!names.includes('src/shop/CountOrdersHandler.ts:CountOrdersHandler.handle'), names.join('\n'));
    assert.ok(!names.some((name) => name.startsWith('src/old/')), names.join('\n'));
    assert.deepEqual(
      analysis.result.skipped.filter((skip) => skip.reason.includes('services')).map((skip) => skip.path),
      ['src/app/di/broken.yaml'],
    );
  });
});

describe('a trace out of steps', () => {
  const calls = Array.from({ length: 160 }, (_, position) => `    step${position}()`);
  const workspace = tempWorkspace({
    'api.py': [
      'from fastapi import APIRouter',
      'router = APIRouter()',
      ...Array.from({ length: 160 }, (_, position) => `def step${position}():\n    pass`),
      'def prepare():',
      ...calls,
      'def notify():',
      '    pass',
      '@router.post("/tasks")',
      'def create_task():',
      '    prepare()',
      '    notify()',
    ].join('\n'),
  });
  after(workspace.cleanup);

  it('still lists the calls the handler makes after the one that used the steps up', async () => {
    const analysis = await analyzeFolder(workspace.root, { threads: 1 });
    const steps = analysis.trace('POST /tasks')?.steps ?? [];
    assert.ok(!steps.some((step) => step.symbol === 'api.py:step159'), 'the budget ends the walk inside prepare()');
    assert.deepEqual(steps.at(-1) && { symbol: steps.at(-1)?.symbol, depth: steps.at(-1)?.depth }, { symbol: 'api.py:notify', depth: 1 });
  });
});

describe('a method inherited by the controller a route calls', () => {
  const workspace = tempWorkspace({
    'package.json': '{ "private": true, "dependencies": { "express": "^4" } }',
    'src/base.ts': [
      "import type { Request, Response } from 'express';",
      'export abstract class BaseController {',
      '  protected abstract executeImpl(req: Request, res: Response): Promise<void>;',
      '  async execute(req: Request, res: Response) {',
      '    await this.executeImpl(req, res);',
      '  }',
      '}',
    ].join('\n'),
    'src/users/createUser.ts': [
      "import { BaseController } from '../base';",
      'export class CreateUserController extends BaseController {',
      '  protected async executeImpl(req, res) {',
      '    saveUser(req.body);',
      '  }',
      '}',
      'function saveUser(body) {}',
      'export const createUserController = new CreateUserController();',
    ].join('\n'),
    'src/users/deleteUser.ts': [
      "import { BaseController } from '../base';",
      'export class DeleteUserController extends BaseController {',
      '  protected async executeImpl(req, res) {}',
      '}',
    ].join('\n'),
    'src/routes.ts': `import express from 'express';
import { createUserController } from './users/createUser';
const router = express.Router();
router.post('/users', (req, res) => createUserController.execute(req, res));
export default router;
`,
  });
  after(workspace.cleanup);

  it("goes into the override of the controller's own class (a template method), not every subclass's", async () => {
    const names = ((await analyzeFolder(workspace.root, { threads: 1 })).trace('POST /users')?.steps ?? []).map((step) => step.symbol);
    assert.ok(names.includes('src/base.ts:BaseController.execute'), names.join('\n'));
    assert.ok(names.includes('src/users/createUser.ts:CreateUserController.executeImpl'), names.join('\n'));
    assert.ok(names.includes('src/users/createUser.ts:saveUser'), names.join('\n'));
    assert.ok(!names.includes('src/users/deleteUser.ts:DeleteUserController.executeImpl'), names.join('\n'));
  });
});
