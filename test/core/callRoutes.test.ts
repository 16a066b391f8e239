import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AnalysisResult } from '../../src/core/result';
import { analyseFiles } from '../helpers';

const routesOf = (result: AnalysisResult) => result.routes.map((route) => `${route.method} ${route.path} -> ${route.handler}`);
const middlewareOf = (result: AnalysisResult) =>
  result.findings
    .filter((finding) => finding.category === 'middleware')
    .map((finding) => `${finding.symbol} #${String(finding.details['order'])}${finding.details['route'] ? ` for ${String(finding.details['route'])}` : ''}${finding.details['reference'] ? ` (${String(finding.details['reference'])})` : ''}`)
    .sort();

const GO_MOD = 'module example.com/shop\n\ngo 1.22\n';

describe('routes and middleware registered by calls', () => {
  it('reads the handler an adapter is given over several lines (`ToHTTPHandler(deps,\n handlers.Login,\n mws...,\n)`) as the route\'s handler', async () => {
    const result = await analyseFiles({
      'go.mod': GO_MOD,
      'server/server.go': `package server

import (
	"net/http"

	"example.com/shop/handlers"
)

type Middleware interface{ OnRequest(r *http.Request) error }

func Adapt(deps string, h func(deps string, w http.ResponseWriter, r *http.Request), middlewares ...Middleware) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) { h(deps, w, r) }
}

func Setup(mux *http.ServeMux, deps string, global []Middleware) {
	mux.HandleFunc("GET /health", Adapt(deps, handlers.Health, global...))
	mux.HandleFunc("POST /api/login", Adapt(deps,
		handlers.Login,
		global...,
	))
}
`,
      'handlers/auth.go': `package handlers

import "net/http"

func Health(deps string, w http.ResponseWriter, r *http.Request) {}

func Login(deps string, w http.ResponseWriter, r *http.Request) {}
`,
    });
    assert.deepEqual(routesOf(result).sort(), ['GET /health -> handlers/auth.go:Health', 'POST /api/login -> handlers/auth.go:Login']);
  });

  it("reads gin's Match with its list of methods, a path relative to its group, a group chained through Use, and a handler that asks its store for the same name", async () => {
    const result = await analyseFiles({
      'go.mod': GO_MOD,
      'router/router.go': `package router

import (
	"net/http"

	"example.com/shop/api"
	"example.com/shop/store"
	"github.com/gin-gonic/gin"
)

func New(db *store.SQLStore) *gin.Engine {
	g := gin.New()
	accounts := api.AccountAPI{DB: db}
	g.Match([]string{"GET", http.MethodHead}, "/ping", accounts.Ping)
	g.Group("/account").Use(api.Optional).POST("", accounts.CreateAccount)
	signedIn := g.Group("")
	signedIn.GET("current/account", accounts.GetAccounts)
	return g
}
`,
      'api/account.go': `package api

import "github.com/gin-gonic/gin"

type AccountDatabase interface {
	GetAccounts() []string
	CreateAccount(name string) error
}

type AccountAPI struct{ DB AccountDatabase }

func (a *AccountAPI) Ping(ctx *gin.Context) {}

func (a *AccountAPI) GetAccounts(ctx *gin.Context) { ctx.JSON(200, a.DB.GetAccounts()) }

func (a *AccountAPI) CreateAccount(ctx *gin.Context) { _ = a.DB.CreateAccount(ctx.PostForm("name")) }

func Optional(ctx *gin.Context) { ctx.Next() }
`,
      'store/store.go': `package store

type SQLStore struct{}

func (s *SQLStore) GetAccounts() []string { return nil }

func (s *SQLStore) CreateAccount(name string) error { return nil }
`,
    });
    assert.deepEqual(routesOf(result).sort(), [
      'GET /current/account -> api/account.go:AccountAPI.GetAccounts',
      'GET /ping -> api/account.go:AccountAPI.Ping',
      'HEAD /ping -> api/account.go:AccountAPI.Ping',
      'POST /account -> api/account.go:AccountAPI.CreateAccount',
    ]);
    assert.ok(middlewareOf(result).some((line) => line.startsWith('api/account.go:Optional ')), middlewareOf(result).join('\n'));
  });

  it('follows gin groups made in place and under a prefix read from settings at run time, and lists middleware in order', async () => {
    const result = await analyseFiles({
      'go.mod': GO_MOD,
      'server/http.go': `package server

import (
	"example.com/shop/middleware"
	"github.com/gin-gonic/gin"
)

type Config struct{ BaseURL string }

func New(conf *Config, auth *middleware.Auth) *gin.Engine {
	r := gin.New()
	r.Use(middleware.Recovery(
		conf.BaseURL+"/api",
	), func(c *gin.Context) {
		c.Next()
	}, auth.Check())
	v1 := r.Group(conf.BaseURL+"/api/v1", middleware.Audit)
	v1.GET("/orders", auth.Admin(), listOrders)
	r.Group("/admin").POST("/purge", purge)
	return r
}

func listOrders(c *gin.Context) {}
func purge(c *gin.Context)      {}
`,
      'middleware/middleware.go': `package middleware

import "github.com/gin-gonic/gin"

type Auth struct{}

func (a *Auth) Check() gin.HandlerFunc { return nil }
func (a *Auth) Admin() gin.HandlerFunc { return nil }
func Recovery(prefixes ...string) gin.HandlerFunc { return nil }
func Audit(c *gin.Context) {}
`,
      'server/http_test.go': `package server

import "github.com/gin-gonic/gin"

func TestPanic(t *testing.T) {
	r := gin.New()
	r.GET("/api/panic", func(c *gin.Context) { panic("x") })
}

func ExampleNew() {
	r := gin.New()
	r.GET("/hello", func(c *gin.Context) {})
}
`,
    });
    assert.deepEqual(routesOf(result), [
      'POST /admin/purge -> server/http.go:purge',
      'GET /api/v1/orders -> server/http.go:listOrders',
      // A test's routes are not the module's; a testable example is documentation.
      'GET /hello -> server/http_test.go:<anonymous>@12',
    ]);
    assert.deepEqual(middlewareOf(result), [
      'middleware/middleware.go:Audit #1',
      'middleware/middleware.go:Auth.Admin #1 for GET /orders',
      'middleware/middleware.go:Auth.Check #3',
      'middleware/middleware.go:Recovery #1',
      'server/http.go:<anonymous>@14 #2',
    ]);
  });

  it("answers Fiber's routes without a trailing slash, as its default non-strict routing does ('/' of a group is the group's path)", async () => {
    const result = await analyseFiles({
      'go.mod': GO_MOD,
      'http/router.go': `package http

import "github.com/gofiber/fiber/v2"

func Routes(app *fiber.App) {
	v1 := app.Group("/v1")
	tasks := v1.Group("/tasks")
	tasks.Get("/", listTasks)
	tasks.Get("/:id/", getTask)
	app.Get("/", home)
}

func listTasks(c *fiber.Ctx) error { return nil }
func getTask(c *fiber.Ctx) error   { return nil }
func home(c *fiber.Ctx) error      { return nil }
`,
    });
    assert.deepEqual(routesOf(result), ['GET / -> http/router.go:home', 'GET /v1/tasks -> http/router.go:listTasks', 'GET /v1/tasks/{id} -> http/router.go:getTask']);
  });

  it('mounts the router a method makes on a value made in place (chi: `Mount("/users", usersResource{}.Routes())`, `NewTodos(db).Routes()`)', async () => {
    const result = await analyseFiles({
      'go.mod': GO_MOD,
      'main.go': `package main

import "github.com/go-chi/chi/v5"

type usersResource struct{}

func (rs usersResource) Routes() chi.Router {
	r := chi.NewRouter()
	r.Get("/", rs.List)
	r.Route("/{id}", func(r chi.Router) {
		r.Delete("/", rs.Delete)
	})
	return r
}

func (rs usersResource) List(w http.ResponseWriter, r *http.Request)   {}
func (rs usersResource) Delete(w http.ResponseWriter, r *http.Request) {}

type todos struct{ db string }

func NewTodos(db string) *todos { return &todos{db} }

func (t *todos) Routes() chi.Router {
	r := chi.NewRouter()
	r.Post("/", t.create)
	return r
}

func (t *todos) create(w http.ResponseWriter, r *http.Request) {}

func main() {
	r := chi.NewRouter()
	r.Mount("/users", usersResource{}.Routes())
	r.Mount("/todos", NewTodos("db").Routes())
}
`,
    });
    assert.deepEqual(routesOf(result), ['POST /todos -> main.go:todos.create', 'GET /users -> main.go:usersResource.List', 'DELETE /users/{id} -> main.go:usersResource.Delete']);
  });

  it("reads gorilla/pat's routes, and takes a wrapper's handler before the middleware it takes as the rest (`Use(as.Base, mid.RequireLogin)`)", async () => {
    const result = await analyseFiles({
      'go.mod': GO_MOD,
      'middleware/middleware.go': `package middleware

import "net/http"

func Use(handler http.HandlerFunc, mid ...func(http.Handler) http.HandlerFunc) http.HandlerFunc {
	for _, m := range mid {
		handler = m(handler)
	}
	return handler
}

func RequireLogin(handler http.Handler) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) { handler.ServeHTTP(w, r) }
}
`,
      'main.go': `package main

import (
	"net/http"

	"github.com/gorilla/pat"
	mid "example.com/shop/middleware"
)

func base(w http.ResponseWriter, r *http.Request) {}

func main() {
	p := pat.New()
	p.Get("/auth/{provider}", func(res http.ResponseWriter, req *http.Request) {})
	p.Post("/", mid.Use(base, mid.RequireLogin))
	http.ListenAndServe(":3000", p)
}
`,
    });
    assert.deepEqual(routesOf(result), ['POST / -> main.go:base', 'GET /auth/{provider} -> main.go:<anonymous>@14']);
    const middleware = result.findings.filter((finding) => finding.category === 'middleware').map((finding) => finding.symbol);
    assert.deepEqual(middleware, ['middleware/middleware.go:RequireLogin']);
  });

  it("takes echo's handler first and its middleware after it, and names middleware from outside by their package", async () => {
    const result = await analyseFiles({
      'go.mod': GO_MOD,
      'main.go': `package main

import (
	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

func main() {
	e := echo.New()
	e.Use(middleware.Logger())
	e.GET("/articles/:id", getArticle, requireUser)
	e.Start(":8080")
}

func getArticle(c echo.Context) error { return nil }
func requireUser(next echo.HandlerFunc) echo.HandlerFunc { return next }
`,
    });
    assert.deepEqual(routesOf(result), ['GET /articles/{id} -> main.go:getArticle']);
    assert.deepEqual(middlewareOf(result), ['main.go:<anonymous>@10 #1 (github.com/labstack/echo/middleware.Logger)', 'main.go:requireUser #1 for GET /articles/:id']);
  });

  it("reads echo's groups each block declares anew, groups made in var declarations with middleware written in place, and handlers given to wrappers with options", async () => {
    const result = await analyseFiles({
      'go.mod': GO_MOD,
      'main.go': `package main

import "github.com/labstack/echo/v4"

type Server struct{}

func (s *Server) routes(e *echo.Echo) {
	{
		g := e.Group("/admin", func(next echo.HandlerFunc) echo.HandlerFunc {
			return func(c echo.Context) error { return next(c) }
		})
		g.GET("/dashboard", s.Dashboard)
	}
	{
		var (
			can = s.Can
			g   = e.Group("/api", s.Authenticated)
		)
		g.GET("/orders", can(s.ListOrders, "orders:read"))
		g.DELETE("/orders/:id", can(withID(s.DeleteOrder), "orders:write", "orders:admin"))
	}
	{
		g := e.Group("")
		g.GET("/health", s.Health)
	}
}

func (s *Server) Dashboard(c echo.Context) error   { return nil }
func (s *Server) ListOrders(c echo.Context) error  { return nil }
func (s *Server) DeleteOrder(c echo.Context) error { return nil }
func (s *Server) Health(c echo.Context) error      { return nil }

func (s *Server) Authenticated(next echo.HandlerFunc) echo.HandlerFunc { return next }

func (s *Server) Can(next echo.HandlerFunc, permissions ...string) echo.HandlerFunc { return next }

func withID(next echo.HandlerFunc) echo.HandlerFunc { return next }
`,
    });
    assert.deepEqual(routesOf(result), [
      'GET /admin/dashboard -> main.go:Server.Dashboard',
      'GET /api/orders -> main.go:Server.ListOrders',
      'DELETE /api/orders/{id} -> main.go:Server.DeleteOrder',
      'GET /health -> main.go:Server.Health',
    ]);
    const middleware = result.findings.filter((finding) => finding.category === 'middleware').map((finding) => finding.symbol);
    assert.deepEqual(middleware.sort(), ['main.go:<anonymous>@9', 'main.go:Server.Authenticated', 'main.go:Server.Can', 'main.go:withID']);
  });

  it("reads a route whose inline handler comes before its middleware, a server made in a var declaration, and routes added through an interface that declares the part of echo's router a function uses", async () => {
    const result = await analyseFiles({
      'go.mod': GO_MOD,
      'server/server.go': `package server

import (
	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"

	"example.com/shop/stream"
)

func New() *echo.Echo {
	var srv = echo.New()
	srv.Use(func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error { return next(c) }
	})
	srv.Any("/live", func(c echo.Context) error {
		return nil
	}, middleware.BodyLimit("1M"))
	stream.Register(srv.Group("/api"))
	return srv
}
`,
      'stream/stream.go': `package stream

import "github.com/labstack/echo/v4"

type routeAdder interface {
	GET(path string, h echo.HandlerFunc, m ...echo.MiddlewareFunc) *echo.Route
}

type logger interface {
	GET(key string) string
}

func Register(r routeAdder) {
	r.GET("/events", func(c echo.Context) error {
		return nil
	})
}

func Lookup(l logger) string {
	return l.GET("/level")
}
`,
    });
    assert.deepEqual(routesOf(result), ['GET /api/events -> stream/stream.go:<anonymous>@14', 'ANY /live -> server/server.go:<anonymous>@15']);
    assert.deepEqual(middlewareOf(result), ['server/server.go:<anonymous>@12 #1', 'server/server.go:<anonymous>@15 #1 for ANY /live (github.com/labstack/echo/middleware.BodyLimit)']);
  });

  it("joins a route's path.Join of constants as Go's path package does, and names a handler made in place, or kept in a local, by the workspace function that makes it", async () => {
    const result = await analyseFiles({
      'go.mod': GO_MOD,
      'main.go': `package main

import (
	"path"

	"github.com/labstack/echo/v4"
)

const adminRoot = "/admin"

func routes(e *echo.Echo) {
	g := e.Group("")
	g.GET(path.Join(adminRoot, "/login"), login)
	g.GET(path.Join(adminRoot, "pages", "..", "/"), login)
	g.GET("/theme.css", asset("theme.css"))
	g.GET("/files/*", echo.WrapHandler(nil))
	probe := newProbe("db")
	g.GET("/healthz", probe)
	g.GET("/about", page("about"))
	store := openStore()
	g.GET("/stock", stock(store))
}

func openStore() *Store { return &Store{} }

type Store struct{}

func stock(s *Store) echo.HandlerFunc { return func(c echo.Context) error { return nil } }

func login(c echo.Context) error { return nil }

func asset(name string) echo.HandlerFunc { return func(c echo.Context) error { return nil } }

func newProbe(name string) echo.HandlerFunc {
	check := func() error { return nil }
	return func(c echo.Context) error {
		return check()
	}
}

func page(name string) echo.HandlerFunc {
	return login
}
`,
    });
    assert.deepEqual(routesOf(result), ['GET /about -> main.go:page', 'GET /admin -> main.go:login', 'GET /admin/login -> main.go:login', 'GET /healthz -> main.go:newProbe', 'GET /stock -> main.go:stock', 'GET /theme.css -> main.go:asset']);
  });

  it("reads Spark's static routes, services, WebSocket classes, filters and path groups", async () => {
    const result = await analyseFiles({
      'src/main/java/com/acme/App.java': `package com.acme;

import spark.Service;
import static spark.Spark.*;
import static spark.Service.ignite;

public class App {
    public static void main(String[] args) {
        before((request, response) -> audit(request));
        get("/hello", "application/json", (request, response) -> "Hello", new JsonTransformer());
        post("/books", Books::create);
        webSocket("/echo", EchoSocket.class);
        path("/api", () -> {
            get("/ping", (request, response) -> "pong");
        });
        Service http = ignite();
        http.get("/status", (q, a) -> "ok");
    }

    static void audit(Object request) {}
}
`,
      'src/main/java/com/acme/Books.java': 'package com.acme;\n\npublic class Books {\n    public static Object create(Object request, Object response) { return null; }\n}\n',
      'src/main/java/com/acme/EchoSocket.java': 'package com.acme;\n\npublic class EchoSocket {}\n',
    });
    assert.deepEqual(routesOf(result), [
      'GET /api/ping -> src/main/java/com/acme/App.java:<anonymous>@14',
      'POST /books -> src/main/java/com/acme/Books.java:Books.create',
      'WS /echo -> src/main/java/com/acme/EchoSocket.java:EchoSocket',
      'GET /hello -> src/main/java/com/acme/App.java:<anonymous>@10',
      'GET /status -> src/main/java/com/acme/App.java:<anonymous>@17',
    ]);
    assert.deepEqual(middlewareOf(result), ['src/main/java/com/acme/App.java:<anonymous>@9 #1']);
  });
});
