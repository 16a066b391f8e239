import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AnalysisResult } from '../../src/core/result';
import { normalizeRoutePath, regexAsTemplate } from '../../src/core/resolve/routePaths';
import { analyzeFolder } from '../../src/node/analyzeFolder';
import { analyseFiles, scanPython, tempWorkspace } from '../helpers';

const routesOf = (result: AnalysisResult) => result.routes.map((route) => `${route.method} ${route.path} -> ${route.handler}`).sort();

describe('normalizeRoutePath', () => {
  it('writes every framework placeholder as {param}', () => {
    assert.equal(normalizeRoutePath('articles/<int:pk>/'), '/articles/{pk}/');
    assert.equal(normalizeRoutePath('/users/<username>'), '/users/{username}');
    assert.equal(normalizeRoutePath('/users/:id/posts/:postId?'), '/users/{id}/posts/{postId}');
    assert.equal(normalizeRoutePath('/files/{path:path}'), '/files/{path}');
    assert.equal(normalizeRoutePath('/articles/{slug}'), '/articles/{slug}');
    assert.equal(normalizeRoutePath(''), '/');
  });
});

describe('regexAsTemplate', () => {
  it('writes named groups by their names and the others by the names given, in order, then by position', () => {
    assert.equal(regexAsTemplate('^articles/(?P<year>[0-9]{4})/$'), 'articles/{year}/');
    assert.equal(regexAsTemplate('/entry/([^/]+)/(\\d+)/((?:a|b)+)$', ['slug']), '/entry/{slug}/{arg2}/{arg3}');
    assert.equal(regexAsTemplate('/files/(.*)\\.json', ['name']), '/files/{name}.json');
  });

  // A pattern is workspace text: unclosed groups, classes and names must not make each bracket scan to the end (hours at this size when they did).
  it('reads a pattern of unclosed brackets in one pass', () => {
    const size = 200_000;
    assert.equal(regexAsTemplate('('.repeat(size) + '['.repeat(size)).length, 2 * size);
    assert.equal(regexAsTemplate(`${'(?P<'.repeat(size)}${'x'.repeat(size)}`).length, 4 * size);
  });
});

describe('Cornice services', () => {
  it("answers each view at its service's path, given as a keyword or second, on a service of Cornice's Service or of a workspace subclass of it", async () => {
    const result = await analyseFiles({
      'api/__init__.py': '',
      'api/core.py': 'from cornice import Service as CorniceService\n\n\nclass Service(CorniceService):\n    default_cors_headers = ("Backoff",)\n',
      'api/views.py': `from cornice import Service

from api.core import Service as OwnService

hello = Service(name="hello", path="/", description="Welcome")
users = Service("users", "/users/{id}")
batch = OwnService(name="batch", path="/batch")


@hello.get(permission="view")
def get_hello(request):
    return {"hello": "world"}


@users.put()
def put_user(request):
    return {}


@batch.post()
def post_batch(request):
    return {}


def delete_user(request):
    return {}


users.add_view("DELETE", delete_user)
`,
    });
    assert.deepEqual(
      result.routes.map((route) => `${route.method} ${route.path} -> ${route.handler} (${route.framework})`),
      ['GET / -> api/views.py:get_hello (cornice)', 'POST /batch -> api/views.py:post_batch (cornice)', 'DELETE /users/{id} -> api/views.py:delete_user (cornice)', 'PUT /users/{id} -> api/views.py:put_user (cornice)'],
    );
  });
});

describe("routes in a framework's own repository", () => {
  it('lists the routes its examples register on an application made at module level and in a factory function', async () => {
    const result = await analyseFiles({
      'pyproject.toml': '[project]\nname = "tinyweb"\nversion = "1.0"\n',
      'tinyweb/__init__.py': '',
      'tinyweb/app.py': `class App:
    def __init__(self):
        self.url_map = []

    def route(self, url_pattern, methods=None):
        def decorated(f):
            self.url_map.append((methods or ["GET"], url_pattern, f))
            return f

        return decorated

    def get(self, url_pattern):
        return self.route(url_pattern, methods=["GET"])

    def post(self, url_pattern):
        return self.route(url_pattern, methods=["POST"])
`,
      'examples/notes.py': `from tinyweb.app import App

app = App()


@app.get("/")
def index(request):
    return "notes"


def create_app():
    app = App()

    @app.post("/notes")
    def add_note(request):
        return "added"

    return app
`,
    });
    assert.deepEqual(
      result.routes.map((route) => `${route.method} ${route.path} -> ${route.handler} (${route.framework})`),
      ['GET / -> examples/notes.py:index (tinyweb)', 'POST /notes -> examples/notes.py:create_app.add_note (tinyweb)'],
    );
  });
});

describe("routes on an application's own router", () => {
  it("lists BlackSheep's routes registered on `app.router` and on a Router given to the application, and no other attribute's", async () => {
    const result = await analyseFiles({
      'shop/app.py': `from blacksheep import Application, Router
from blacksheep.server.responses import ok

router = Router()
app = Application(router=router)


@app.router.get("/")
async def home():
    return ok("shop")


@app.router.delete("/orders/{order_id}")
async def cancel_order(order_id: int):
    return ok()


@router.post("/orders")
async def place_order():
    return ok()


@app.services.get("/not-a-route")
def service_lookup():
    return None
`,
    });
    assert.deepEqual(routesOf(result), ['DELETE /orders/{order_id} -> shop/app.py:cancel_order', 'GET / -> shop/app.py:home', 'POST /orders -> shop/app.py:place_order']);
  });

  it("lists aiohttp's routes: on `app.router`, as definitions given to `add_routes`, a route table's decorators, class-based views, and a nested application's under its prefix", async () => {
    const result = await analyseFiles({
      'shop/app.py': `from aiohttp import web

from shop import admin
from shop.cache import get


async def index(request):
    return web.Response(text="shop")


async def list_orders(request):
    return web.json_response([])


async def place_order(request):
    return web.json_response({}, status=201)


async def sink(request):
    return web.Response()


async def ping(request):
    return web.Response(text="pong")


PROBES = [web.get("/ping", ping)]


class OrderView(web.View):
    async def get(self):
        return web.json_response({})

    async def delete(self):
        raise web.HTTPNotFound()


def create_app():
    app = web.Application()
    app.router.add_get("/", index)
    app.router.add_route("*", "/proxy/{tail:.+}", sink)
    app.add_routes([web.get("/orders", list_orders), web.post("/orders", place_order), web.view("/orders/{id}", OrderView)])
    app.router.add_route("*", "/cart", OrderView)
    app.add_routes(PROBES)
    app.add_subapp("/admin", admin.app)
    get("/cached", index)
    return app
`,
      'shop/admin.py': `from aiohttp import web

routes = web.RouteTableDef()


@routes.get("/stats")
async def stats(request):
    return web.json_response({})


@routes.view("/users/{name}")
class UserView(web.View):
    async def put(self):
        return web.json_response({})


@routes.route("DELETE", "/users/{name}")
async def remove_user(request):
    return web.Response(status=204)


async def resource(request):
    return web.Response()


app = web.Application()
app.add_routes(routes)
app.add_routes([web.get("/resource", resource)])
`,
      'shop/cache.py': `def get(key, loader):
    return loader
`,
    });
    assert.deepEqual(routesOf(result), [
      'ANY /proxy/{tail} -> shop/app.py:sink',
      'DELETE /admin/users/{name} -> shop/admin.py:remove_user',
      'DELETE /cart -> shop/app.py:OrderView.delete',
      'DELETE /orders/{id} -> shop/app.py:OrderView.delete',
      'GET / -> shop/app.py:index',
      'GET /admin/resource -> shop/admin.py:resource',
      'GET /admin/stats -> shop/admin.py:stats',
      'GET /cart -> shop/app.py:OrderView.get',
      'GET /orders -> shop/app.py:list_orders',
      'GET /orders/{id} -> shop/app.py:OrderView.get',
      'GET /ping -> shop/app.py:ping',
      'POST /orders -> shop/app.py:place_order',
      'PUT /admin/users/{name} -> shop/admin.py:UserView.put',
    ]);
  });

  it("lists Django Ninja's routes under the urlconf paths that mount the API's urls, a router's under the prefix add_router gives it (the router itself or its import path), and no route for the mount itself", async () => {
    const result = await analyseFiles({
      'project/urls.py': `from django.urls import include, path

urlpatterns = [
    path("v1/", include("shop.urls")),
]
`,
      'shop/urls.py': `from django.urls import path

from shop.api import api

urlpatterns = [
    path("api/", api.urls),
]
`,
      'shop/api.py': `from ninja import NinjaAPI, Router

api = NinjaAPI()
events = Router()


@api.get("/add")
def add(request, a: int, b: int):
    return {"result": a + b}


@events.post("/")
def create_event(request):
    return {}


api.add_router("/events/", events)
api.add_router("/news/", "news.api.router")
api.add_router("/blogs/", "blogs.api.missing")
`,
      'news/api.py': `from ninja import Router

router = Router()


@router.get("/{news_id}")
def news_details(request, news_id: int):
    return {}
`,
    });
    assert.deepEqual(routesOf(result), ['GET /v1/api/add -> shop/api.py:add', 'GET /v1/api/news/{news_id} -> news/api.py:news_details', 'POST /v1/api/events/ -> shop/api.py:create_event']);
  });

  it("lists the routes FastAPI's `add_api_route` and Starlette's `add_route` add, and not those of a Falcon application's `add_route`", async () => {
    const result = await analyseFiles({
      'api/main.py': `from fastapi import APIRouter, FastAPI
from starlette.applications import Starlette


async def root():
    return {}


async def create_item(item: dict):
    return item


async def homepage(request):
    return None


app = FastAPI()
items = APIRouter()
items.add_api_route("/", endpoint=create_item, methods=["POST"])
app.add_api_route("/", root)
app.include_router(items, prefix="/items")

site = Starlette()
site.add_route("/home", homepage)
`,
      'legacy/app.py': `import falcon


class ThingsResource:
    def on_get(self, req, resp):
        resp.media = []


things = ThingsResource()
app = falcon.App()
app.add_route("/things", things)
`,
    });
    assert.deepEqual(routesOf(result), ['GET / -> api/main.py:root', 'GET /home -> api/main.py:homepage', 'GET /things -> legacy/app.py:ThingsResource.on_get', 'POST /items/ -> api/main.py:create_item']);
  });
});

describe("Flask's add_url_rule", () => {
  const views = `from flask import Blueprint, Flask
from flask.views import MethodView, View

from .helpers import register_view

app = Flask(__name__)
app.config.from_object("shop.config.DefaultConfig")
api = Blueprint("api", __name__, url_prefix="/api")


class ItemAPI(MethodView):
    def get(self, item_id):
        return "item"

    def post(self, item_id):
        return "saved"


class Report(View):
    def dispatch_request(self):
        return "report"


def health():
    return "ok"


api.add_url_rule("/items/<int:item_id>", view_func=ItemAPI.as_view("item"))
app.add_url_rule("/health", "health", health)
app.add_url_rule("/report", view_func=Report.as_view("report"), methods=["GET", "POST"])
for rule in ["/a", "/b"]:
    app.add_url_rule(rule, view_func=health)
app.register_blueprint(api)


def load_blueprints(app):
    admin = Blueprint("admin", __name__)
    register_view(admin, routes=["/users", "/people"], view_func=ItemAPI.as_view("users"))
    register_view(admin, ["/status"], view_func=health, methods=["GET", "HEAD"])
    app.register_blueprint(admin, url_prefix=app.config["ADMIN_PREFIX"])
`;

  it('reads function views, class views made with as_view (a MethodView by its methods) and rules looped over, under their blueprints\' prefixes', async () => {
    const result = await analyseFiles({
      'pyproject.toml': '[project]\nname = "shop"\ndependencies = ["flask"]\n',
      'shop/__init__.py': '',
      'shop/config.py': 'class DefaultConfig:\n    ADMIN_PREFIX = "/admin"\n',
      'shop/helpers.py': 'def register_view(bp_or_app, routes, view_func, *args, **kwargs):\n    for route in routes:\n        bp_or_app.add_url_rule(route, view_func=view_func, *args, **kwargs)\n',
      'shop/views.py': views,
    });
    assert.deepEqual(routesOf(result), [
      'GET /a -> shop/views.py:health',
      'GET /admin/people -> shop/views.py:ItemAPI.get',
      'GET /admin/status -> shop/views.py:health',
      'GET /admin/users -> shop/views.py:ItemAPI.get',
      'GET /api/items/{item_id} -> shop/views.py:ItemAPI.get',
      'GET /b -> shop/views.py:health',
      'GET /health -> shop/views.py:health',
      'GET /report -> shop/views.py:Report.dispatch_request',
      'POST /admin/people -> shop/views.py:ItemAPI.post',
      'POST /admin/users -> shop/views.py:ItemAPI.post',
      'POST /api/items/{item_id} -> shop/views.py:ItemAPI.post',
      'POST /report -> shop/views.py:Report.dispatch_request',
    ]);
  });

  const BACKUPS = `from functools import wraps
from flask import Blueprint


def login_optionally_required(func):
    @wraps(func)
    def decorated_view(*args, **kwargs):
        return func(*args, **kwargs)
    @wraps(func)
    async def decorated_coroutine(*args, **kwargs):
        return await func(*args, **kwargs)
    return decorated_coroutine if iscoroutinefunction(func) else decorated_view


def construct_blueprint(datastore):
    backups_blueprint = Blueprint("backups", __name__)

    @backups_blueprint.route("/create", methods=["GET"])
    @login_optionally_required
    def create():
        return datastore.create_backup()

    if datastore.allow_removal:
        @backups_blueprint.route("/remove", methods=["POST"])
        def remove_backups():
            return datastore.remove()

    return backups_blueprint
`;

  it("names the views an application factory and a blueprint factory define inside them after the factory, and puts the factory's blueprint under its prefix", async () => {
    const result = await analyseFiles({
      'pyproject.toml': '[project]\nname = "watch"\ndependencies = ["flask"]\n',
      'watch/__init__.py': '',
      'watch/backups.py': BACKUPS,
      'watch/app.py': `from flask import Flask

from watch import backups


def watch_app(datastore):
    app = Flask(__name__)

    @app.route("/logout")
    def logout():
        return "bye"

    app.register_blueprint(backups.construct_blueprint(datastore), url_prefix="/backups")
    return app
`,
    });
    assert.deepEqual(routesOf(result), ['GET /backups/create -> watch/backups.py:construct_blueprint.create', 'GET /logout -> watch/app.py:watch_app.logout', 'POST /backups/remove -> watch/backups.py:construct_blueprint.remove_backups']);
    const symbols = result.findings.filter((finding) => finding.category === 'decorator').map((finding) => finding.symbol);
    assert.deepEqual(symbols, ['watch/backups.py:login_optionally_required']);
    // The wrappers it returns, whichever it picks, are no symbols: what they call is told to the decorator.
    const [facts] = await scanPython({ 'watch/backups.py': BACKUPS });
    assert.deepEqual(facts?.symbols.map((symbol) => symbol.name).filter((name) => name.includes('decorated')), []);
    assert.deepEqual(facts?.symbols.find((symbol) => symbol.name === 'login_optionally_required')?.innerCalls?.map((call) => call.callee), ['func', 'func']);
  });

  it('registers nothing for a helper no call hands a view, nor for a rule it cannot read', async () => {
    const result = await analyseFiles({
      'shop/helpers.py': 'def register_view(bp_or_app, routes, view_func):\n    for route in routes:\n        bp_or_app.add_url_rule(route, view_func=view_func)\n',
      'shop/views.py': 'from flask import Flask\n\napp = Flask(__name__)\n\n\ndef home():\n    return "home"\n\n\napp.add_url_rule(make_rule(), view_func=home)\n',
    });
    assert.deepEqual(routesOf(result), []);
  });
});

describe('route paths a helper makes, and resources handed to a helper that registers them', () => {
  const base = `from flask_restful import Resource

from . import settings


def org_scoped_rule(rule):
    if settings.MULTI_ORG:
        return "/<org_slug>{}".format(rule)
    return rule


def versioned(rule, version="v1"):
    return f"/{version}" + rule


class Alert(Resource):
    def get(self, alert_id):
        return {}

    def delete(self, alert_id):
        return {}


class Alerts(Resource):
    def post(self):
        return {}
`;
  const api = `from flask import Blueprint, Flask
from flask_restful import Api

from .base import Alert, Alerts, org_scoped_rule, versioned
from .outside import prefixed

app = Flask(__name__)
routes = Blueprint("routes", __name__)


class ApiExt(Api):
    def add_org_resource(self, resource, *urls, **kwargs):
        urls = [org_scoped_rule(url) for url in urls]
        return self.add_resource(resource, *urls, **kwargs)


api = ApiExt(app)
api.add_org_resource(Alert, "/api/alerts/<alert_id>", "/api/alarms/<alert_id>", endpoint="alert")
api.add_org_resource(Alerts, "/api/alerts", endpoint="alerts")
api.add_resource(Alerts, versioned("/alerts", version="v2"))


@routes.route(org_scoped_rule("/login"), methods=["GET", "POST"])
def login():
    return "login"


@routes.route(versioned("/status"))
def status():
    return "ok"


@routes.route(prefixed("/health"))
def health():
    return "ok"


app.register_blueprint(routes)
`;

  it("reads a path helper's default return with the arguments given, and registers a resource at each call of an Api subclass's method that forwards to add_resource", async () => {
    const result = await analyseFiles({
      'shop/__init__.py': '',
      'shop/settings.py': 'MULTI_ORG = False\n',
      'shop/base.py': base,
      'shop/api.py': api,
    });
    assert.deepEqual(routesOf(result), [
      'DELETE /api/alarms/{alert_id} -> shop/base.py:Alert.delete',
      'DELETE /api/alerts/{alert_id} -> shop/base.py:Alert.delete',
      'GET /api/alarms/{alert_id} -> shop/base.py:Alert.get',
      'GET /api/alerts/{alert_id} -> shop/base.py:Alert.get',
      'GET /health -> shop/api.py:health',
      'GET /login -> shop/api.py:login',
      'GET /v1/status -> shop/api.py:status',
      'POST /api/alerts -> shop/base.py:Alerts.post',
      'POST /login -> shop/api.py:login',
      'POST /v2/alerts -> shop/base.py:Alerts.post',
    ]);
  });

  it('reads a registration in a function given only the router as written, and a helper whose defaults call it without following them', async () => {
    const defaults = Array.from({ length: 16 }, (_, at) => `p${at}=deep("/")`).join(', ');
    const result = await analyseFiles({
      'shop/__init__.py': '',
      'shop/base.py': base,
      'shop/api.py': `from flask import Flask
from flask_restful import Api

from .base import Alerts

app = Flask(__name__)


def deep(rule, ${defaults}):
    return rule + p0 + p1 + p2 + p3


def initialize_routes(api):
    api.add_resource(Alerts, "/api/movies")


@app.route(deep("/deep"))
def deep_view():
    return "deep"


api = Api(app)
initialize_routes(api)
`,
    });
    assert.deepEqual(routesOf(result), ['GET /deep("/deep") -> shop/api.py:deep_view', 'POST /api/movies -> shop/base.py:Alerts.post']);
  });

  it('registers nothing for a method that forwards to add_resource when no call hands it a resource, nor for a call on an object of another class', async () => {
    const result = await analyseFiles({
      'shop/__init__.py': '',
      'shop/settings.py': 'MULTI_ORG = False\n',
      'shop/base.py': base,
      'shop/api.py': `from flask import Flask
from flask_restful import Api

from .base import Alert

app = Flask(__name__)


class ApiExt(Api):
    def add_org_resource(self, resource, *urls, **kwargs):
        return self.add_resource(resource, *urls, **kwargs)


class Registry:
    def add_org_resource(self, resource, *urls):
        return None


api = ApiExt(app)
registry = Registry()
registry.add_org_resource(Alert, "/api/alerts/<alert_id>")
`,
    });
    assert.deepEqual(routesOf(result), []);
  });
});

describe('object dispatch', () => {
  it("lists CherryPy's exposed methods under the path each object of the mounted tree is reached at, by the dispatcher's rules", async () => {
    const result = await analyseFiles({
      'webapp/pages.py': `import cherrypy


class Page:
    def header(self):
        return "<html>"


class ArticlePage(Page):
    @cherrypy.expose
    def index(self):
        return self.header()

    @cherrypy.expose
    def default(self, slug):
        return slug


class LinksPage:
    def __init__(self):
        self.extra = ExtraPage()

    def index(self):
        return "links"
    index.exposed = True

    def helper(self):
        return "not exposed"


class ExtraPage:
    @cherrypy.expose
    def more(self, page=1):
        return str(page)


@cherrypy.expose
class StatusResource:
    def GET(self):
        return "up"

    def PUT(self, state):
        return state


class UnmountedPage:
    @cherrypy.expose
    def index(self):
        return "never mounted"
`,
      'webapp/app.py': `import cherrypy

from webapp.pages import ArticlePage, LinksPage, StatusResource


class HomePage:
    articles = ArticlePage()

    @cherrypy.expose
    def index(self):
        return "home"

    @cherrypy.expose
    def greet(self, name=None):
        return name


root = HomePage()
root.links = LinksPage()

if __name__ == '__main__':
    cherrypy.tree.mount(StatusResource(), '/status', {'/': {'request.dispatch': cherrypy.dispatch.MethodDispatcher()}})
    cherrypy.quickstart(root, '/', {})
    cherrypy.tree.mount(settings, '/settings')
`,
    });
    assert.deepEqual(routesOf(result), [
      'ANY / -> webapp/app.py:HomePage.index',
      'ANY /articles/ -> webapp/pages.py:ArticlePage.index',
      'ANY /articles/{slug} -> webapp/pages.py:ArticlePage.default',
      'ANY /greet -> webapp/app.py:HomePage.greet',
      'ANY /links/ -> webapp/pages.py:LinksPage.index',
      'ANY /links/extra/more -> webapp/pages.py:ExtraPage.more',
      'GET /status -> webapp/pages.py:StatusResource.GET',
      'PUT /status -> webapp/pages.py:StatusResource.PUT',
    ]);
    assert.deepEqual(result.findings.filter((finding) => finding.category === 'route').map((finding) => finding.symbol).sort(), ['webapp/app.py:<anonymous>@22', 'webapp/app.py:<anonymous>@23']);
  });
});

describe('routing tables of request-handler classes', () => {
  it("lists Tornado's routes, each HTTP method a handler class defines, with the pattern's groups named after its parameters", async () => {
    const result = await analyseFiles({
      'app/handlers.py': `import tornado.web
import tornado.websocket


class BaseHandler(tornado.web.RequestHandler):
    def put(self, *args):
        self.set_status(204)


class HomeHandler(tornado.web.RequestHandler):
    def get(self):
        self.write("home")


class EntryHandler(BaseHandler):
    async def get(self, slug):
        self.write(slug)

    def post(self, slug):
        self.redirect("/entry/" + slug)


class FeedSocket(tornado.websocket.WebSocketHandler):
    def open(self, channel):
        pass

    def on_message(self, message):
        self.write_message(message)


class NotAHandler:
    def get(self):
        return 1
`,
      'app/main.py': `import tornado.web
from tornado.web import url

from app import handlers
from app.handlers import EntryHandler, HomeHandler


class Application(tornado.web.Application):
    def __init__(self):
        rules = [
            (r"/", HomeHandler),
            (r"/entry/([^/]+)", EntryHandler, dict(db=None)),
            url(r"/feed/(?P<channel>\\w+)", handlers.FeedSocket, name="feed"),
            (r"/other", handlers.NotAHandler),
        ]
        super().__init__(rules, debug=True)


STATES = [("/draft", HomeHandler.__name__)]
`,
    });
    assert.deepEqual(routesOf(result), [
      'GET / -> app/handlers.py:HomeHandler.get',
      'GET /entry/{slug} -> app/handlers.py:EntryHandler.get',
      'POST /entry/{slug} -> app/handlers.py:EntryHandler.post',
      'PUT /entry/{arg1} -> app/handlers.py:BaseHandler.put',
      'WS /feed/{channel} -> app/handlers.py:FeedSocket',
    ]);
    assert.deepEqual(result.findings.filter((finding) => finding.category === 'route').map((finding) => finding.symbol).sort(), ['app/main.py:<anonymous>@11', 'app/main.py:<anonymous>@12', 'app/main.py:<anonymous>@13']);
  });
});

describe("Django's generic class-based views", () => {
  it('answers the HTTP methods a view inherits from a generic view with the view class, and those it defines with its methods', async () => {
    const result = await analyseFiles({
      'shop/views.py': `from django.views.generic import TemplateView, RedirectView
from django.views.generic.edit import CreateView
from rest_framework import generics
from rest_framework.generics import CreateAPIView


class RobotsView(TemplateView):
    template_name = "robots.txt"

    def dispatch(self, request, *args, **kwargs):
        response = super().dispatch(request, *args, **kwargs)
        response["Content-Type"] = "text/plain"
        return response


class ProfileView(generics.RetrieveUpdateAPIView):
    def post(self, request):
        return None


class SubmissionView(CreateAPIView):
    pass


class OrderCreate(CreateView):
    def get(self, request):
        return None
`,
      'shop/urls.py': `from django.urls import path

from shop.views import OrderCreate, ProfileView, RobotsView, SubmissionView

urlpatterns = [
    path("robots.txt", RobotsView.as_view(), name="robots"),
    path("api/profile/", ProfileView.as_view()),
    path("api/submissions/", SubmissionView.as_view()),
    path("orders/new/", OrderCreate.as_view()),
]
`,
    });
    assert.deepEqual(routesOf(result), [
      'GET /api/profile/ -> shop/views.py:ProfileView',
      'PATCH /api/profile/ -> shop/views.py:ProfileView',
      'POST /api/profile/ -> shop/views.py:ProfileView.post',
      'POST /api/submissions/ -> shop/views.py:SubmissionView',
      'GET /orders/new/ -> shop/views.py:OrderCreate.get',
      'POST /orders/new/ -> shop/views.py:OrderCreate',
      'PUT /api/profile/ -> shop/views.py:ProfileView',
      'PUT /orders/new/ -> shop/views.py:OrderCreate',
      'GET /robots.txt -> shop/views.py:RobotsView',
    ].sort());
  });

  it("answers with the methods of the base views generic ones are built from, django-filter's FilterView and the auth LogoutView", async () => {
    const result = await analyseFiles({
      'shop/views.py': `from django.contrib.auth.views import LogoutView
from django.views.generic.detail import BaseDetailView, SingleObjectTemplateResponseMixin
from django_filters.views import FilterView


class ProductList(FilterView):
    filterset_fields = ["category"]


class ProductArchive(SingleObjectTemplateResponseMixin, BaseDetailView):
    def post(self, request, *args, **kwargs):
        return None


class SignOut(LogoutView):
    pass
`,
      'shop/urls.py': `from django.urls import path

from shop import views

urlpatterns = [
    path("products/", views.ProductList.as_view()),
    path("products/<int:pk>/archive/", views.ProductArchive.as_view()),
    path("logout/", views.SignOut.as_view()),
]
`,
    });
    assert.deepEqual(routesOf(result), [
      'GET /products/ -> shop/views.py:ProductList',
      'GET /products/{pk}/archive/ -> shop/views.py:ProductArchive',
      'POST /logout/ -> shop/views.py:SignOut',
      'POST /products/{pk}/archive/ -> shop/views.py:ProductArchive.post',
    ]);
  });
});

describe('Django REST framework routers', () => {
  it('routes the extra actions of `@detail_route` and `@list_route`, without trailing slashes when the router is made without', async () => {
    const result = await analyseFiles({
      'library/api.py': `from rest_framework import routers, viewsets
from rest_framework.decorators import detail_route, list_route
from rest_framework.response import Response


class BookViewSet(viewsets.ViewSet):
    def list(self, request):
        return Response([])

    @detail_route(methods=["post"], url_path="lend-out")
    def lend(self, request, pk=None):
        return Response({})

    @list_route()
    def overdue(self, request):
        return Response([])


router = routers.SimpleRouter(trailing_slash=False)
router.register(r"books", BookViewSet)
`,
      'library/urls.py': `from django.urls import include, path

from library.api import router

urlpatterns = [path("api/", include(router.urls))]
`,
    });
    assert.deepEqual(routesOf(result), [
      'GET /api/books -> library/api.py:BookViewSet.list',
      'GET /api/books/overdue -> library/api.py:BookViewSet.overdue',
      'POST /api/books/{pk}/lend-out -> library/api.py:BookViewSet.lend',
    ]);
  });

  it("reads a workspace's copy of the framework's router and decorators as the framework's, and no class of another name", async () => {
    const copy = {
      'core/restkit/__init__.py': '',
      'core/restkit/routers.py': `class BaseRouter:
    def __init__(self):
        self.registry = []

    def register(self, prefix, viewset, basename=None):
        self.registry.append((prefix, viewset, basename))


class SimpleRouter(BaseRouter):
    def __init__(self, trailing_slash=True):
        self.trailing_slash = "/" if trailing_slash else ""
        super().__init__()


class DefaultRouter(SimpleRouter):
    include_root_view = True


class PlainRegistry(BaseRouter):
    pass
`,
      'core/restkit/decorators.py': `def detail_route(methods=None, **kwargs):
    def decorator(func):
        func.bind_to_methods = methods or ["get"]
        func.detail = True
        return func
    return decorator


def list_route(methods=None, **kwargs):
    def decorator(func):
        func.bind_to_methods = methods or ["get"]
        func.detail = False
        return func
    return decorator
`,
      'core/restkit/viewsets.py': `class ViewSet:
    def initialize_request(self, request):
        return request
`,
      'orders/api.py': `from core.restkit import viewsets
from core.restkit.decorators import detail_route, list_route


class OrderViewSet(viewsets.ViewSet):
    def create(self, request):
        return {}

    def retrieve(self, request, pk=None):
        return {}

    @detail_route(methods=["POST"])
    def cancel(self, request, pk=None):
        return {}

    @list_route(methods=["GET"])
    def pending(self, request):
        return []
`,
      'orders/__init__.py': '',
      'core/__init__.py': '',
    };
    const result = await analyseFiles({
      ...copy,
      'service/routers.py': `from core.restkit import routers

from orders.api import OrderViewSet

router = routers.DefaultRouter(trailing_slash=False)
router.register(r"orders", OrderViewSet)
`,
      'service/urls.py': `from django.urls import include, path

from .routers import router

urlpatterns = [path("api/v2/", include(router.urls))]
`,
    });
    assert.deepEqual(routesOf(result), [
      'GET /api/v2/orders/pending -> orders/api.py:OrderViewSet.pending',
      'GET /api/v2/orders/{pk} -> orders/api.py:OrderViewSet.retrieve',
      'POST /api/v2/orders -> orders/api.py:OrderViewSet.create',
      'POST /api/v2/orders/{pk}/cancel -> orders/api.py:OrderViewSet.cancel',
    ]);
    const registry = await analyseFiles({
      ...copy,
      'service/routers.py': `from core.restkit import routers

from orders.api import OrderViewSet

router = routers.PlainRegistry()
router.register(r"orders", OrderViewSet)
`,
    });
    assert.deepEqual(routesOf(registry), []);
  });
});

describe('routers mounted inside the function that is given the application', () => {
  it("prefixes the routes of an Express router a function makes and mounts on its parameter, and reads no middleware from the mount", async () => {
    const result = await analyseFiles({
      'package.json': '{"name": "shop", "private": true, "dependencies": {"express": "^4.21.0"}}',
      'src/items.js': `const express = require('express');

function itemRoutes(app) {
  const router = express.Router();
  router.get('/', listItems);
  router.delete('/:id', async (req, res) => {
    res.status(204).end();
  });
  app.use('/items', router);
}

function listItems(req, res) {
  res.json([]);
}

module.exports = itemRoutes;
`,
      'src/server.js': `const express = require('express');
const itemRoutes = require('./items');

function start() {
  const app = express();
  itemRoutes(app);
  return app.listen(3000);
}

module.exports = start;
`,
    });
    assert.deepEqual(routesOf(result), ['DELETE /items/{id} -> src/items.js:<anonymous>@6', 'GET /items -> src/items.js:listItems']);
    assert.deepEqual(result.findings.filter((finding) => finding.category === 'middleware').map((finding) => finding.symbol), []);
  });

  it("prefixes Fastify routes whose options hold the handler with the prefix their plugin is registered under", async () => {
    const result = await analyseFiles({
      'package.json': '{"name": "shop", "private": true, "dependencies": {"fastify": "^4.28.0"}}',
      'src/routes.ts': `import type { FastifyInstance } from 'fastify';

export async function itemRoutes(app: FastifyInstance) {
  app.post('/', {
    schema: { body: { type: 'object' } },
    handler: async (request) => {
      return request.body;
    },
  });
  app.get('/:id', { schema: {}, handler: showItem });
}

async function showItem(request) {
  return { id: request.params.id };
}
`,
      'src/server.ts': `import Fastify, { FastifyInstance } from 'fastify';
import { itemRoutes } from './routes';

function registerRoutes(app: FastifyInstance) {
  app.register(itemRoutes, { prefix: '/items' });
}

export async function start() {
  const app = Fastify();
  registerRoutes(app);
  await app.listen({ port: 3000 });
}
`,
    });
    assert.deepEqual(routesOf(result), ['GET /items/{id} -> src/routes.ts:showItem', 'POST /items -> src/routes.ts:<anonymous>@6']);
  });

  it("prefixes the routes of a Koa router a function makes in a local with the prefix its constructor is given, whatever the local's name", async () => {
    const result = await analyseFiles({
      'package.json': '{"name": "shop", "private": true, "dependencies": {"koa": "^2.15.0", "@koa/router": "^13.0.0"}}',
      'src/server.ts': `import Koa from 'koa';
import Router from '@koa/router';

export function createServer(): Koa {
  const app = new Koa();
  const items = new Router({ prefix: '/items' });
  const health = new Router();
  items.get('/', async (ctx) => {
    ctx.body = [];
  });
  items.delete('/:id', removeItem);
  health.get('/health', (ctx) => {
    ctx.body = 'ok';
  });
  app.use(items.routes()).use(health.routes());
  return app;
}

async function removeItem(ctx) {
  ctx.status = 204;
}
`,
    });
    assert.deepEqual(routesOf(result), ['DELETE /items/{id} -> src/server.ts:removeItem', 'GET /health -> src/server.ts:<anonymous>@12', 'GET /items -> src/server.ts:<anonymous>@8']);
  });

  it("reads middleware and routes registered on a parameter typed as the framework's application, whatever its name, and not on a parameter of another type", async () => {
    const result = await analyseFiles({
      'package.json': '{"name": "shop", "private": true, "dependencies": {"express": "^4.21.0"}}',
      'src/server.ts': `import express from 'express';

function defineErrorHandling(expressApp: express.Application) {
  expressApp.get('/health', (req, res) => res.end());
  expressApp.use(async (error: Error, req: express.Request, res: express.Response, next: express.NextFunction) => {
    res.status(500).end();
  });
}

function fill(cache: Map<string, string>) {
  cache.get('/key', (value) => value);
}

export function start() {
  const expressApp = express();
  defineErrorHandling(expressApp);
  return expressApp.listen(3000);
}
`,
    });
    assert.deepEqual(routesOf(result), ['GET /health -> src/server.ts:<anonymous>@4']);
    assert.deepEqual(result.findings.filter((finding) => finding.category === 'middleware').map((finding) => finding.symbol), ['src/server.ts:<anonymous>@5']);
  });
});

describe('Express handlers a factory makes where the route is registered', () => {
  it('names the route after the factory, called alone or inside a wrapper (no middleware), and traces into the handler it returns', async () => {
    const workspace = tempWorkspace({
      'package.json': '{"name": "shop", "private": true, "dependencies": {"express": "^4.21.0"}}',
      'src/handlers/orders.ts': `import type { NextFunction, Request, Response } from 'express';
import { priceOf } from '../pricing';

export function showOrder() {
  return (req: Request, res: Response) => {
    res.json({ total: priceOf(req.params.id) });
  };
}

export function checkOwner() {
  return (req: Request, res: Response, next: NextFunction) => (req.params.id ? next() : res.status(403).end());
}

export function cancelOrder() {
  return async (req: Request, res: Response) => {
    res.status(204).end();
  };
}
`,
      'src/pricing.ts': 'export function priceOf(id: string): number {\n  return id.length;\n}\n',
      'src/wrap.ts': `import type { NextFunction, Request, Response } from 'express';

export const catchErrors = (handler: (req: Request, res: Response, next: NextFunction) => unknown) => (req: Request, res: Response, next: NextFunction) =>
  Promise.resolve(handler(req, res, next)).catch(next);
`,
      'src/server.ts': `import express from 'express';
import * as orders from './handlers/orders';
import { showOrder } from './handlers/orders';
import { catchErrors } from './wrap';

const app = express();
app.get('/orders/:id', showOrder());
app.delete('/orders/:id', catchErrors(orders.checkOwner()), catchErrors(orders.cancelOrder()));
app.listen(3000);
`,
    });
    try {
      const analysis = await analyzeFolder(workspace.root, { threads: 1 });
      assert.deepEqual(routesOf(analysis.result), ['DELETE /orders/{id} -> src/handlers/orders.ts:cancelOrder', 'GET /orders/{id} -> src/handlers/orders.ts:showOrder']);
      const steps = analysis.trace('GET /orders/:id')?.steps ?? [];
      assert.ok(steps.some((step) => step.symbol === 'src/pricing.ts:priceOf'), steps.map((step) => step.symbol).join(', '));
      // The wrapper has a middleware's signature, but only calls the handler or middleware it is given.
      assert.deepEqual(analysis.result.findings.filter((finding) => finding.category === 'middleware').map((finding) => finding.symbol), ['src/handlers/orders.ts:checkOwner']);
    } finally {
      workspace.cleanup();
    }
  });
});

describe('route decorators that are functions of the framework', () => {
  it("answers every HTTP method on a Klein route given no methods, and those given", async () => {
    const result = await analyseFiles({
      'site/app.py': `from klein import Klein

app = Klein()


@app.route("/user/<username>")
def user(request, username):
    return username


@app.route("/", methods=["POST"])
def post(request):
    return "posted"
`,
    });
    assert.deepEqual(
      result.routes.map((route) => `${route.method} ${route.path} -> ${route.handler}`),
      ['POST / -> site/app.py:post', 'ANY /user/{username} -> site/app.py:user'],
    );
  });

  it("lists Litestar's handlers and hug's functions under their stated paths, a path not stated as the framework serves it, and no other package's decorator of the same name", async () => {
    const result = await analyseFiles({
      'library/app.py': `from litestar import Litestar, get, post, put

from library import cache


@get("/books")
async def list_books() -> list[str]:
    return []


@post(path="/books", status_code=201)
async def add_book(data: dict) -> dict:
    return data


@put(["/books/{book_id:int}", "/volumes/{book_id:int}"])
async def replace_book(book_id: int, data: dict) -> dict:
    return data


@get()
async def index() -> str:
    return "library"


@cache.get()
def cached_titles() -> list[str]:
    return []


app = Litestar(route_handlers=[list_books, add_book, replace_book, index])
`,
      'library/cache.py': `def get(*args, **kwargs):
    return lambda function: function
`,
      'greetings/api.py': `import hug


@hug.get()
def happy_birthday(name: str, age: int):
    return f"Happy {age} Birthday {name}!"


@hug.post(versions=1)
def register(name: str):
    return name


@hug.get("/greet/{event}")
def greet(event: str):
    return event
`,
    });
    assert.deepEqual(routesOf(result), [
      'GET / -> library/app.py:index',
      'GET /books -> library/app.py:list_books',
      'GET /greet/{event} -> greetings/api.py:greet',
      'GET /happy_birthday -> greetings/api.py:happy_birthday',
      'POST /books -> library/app.py:add_book',
      'POST /register -> greetings/api.py:register',
      'PUT /books/{book_id} -> library/app.py:replace_book',
      'PUT /volumes/{book_id} -> library/app.py:replace_book',
    ]);
  });

  it("lists Nameko's HTTP entrypoints with the methods the decorator is given, several joined by commas, and no other package's `http` decorator", async () => {
    const result = await analyseFiles({
      'service/http.py': `from nameko.web.handlers import http

from service import client


class HttpService:
    name = "http_service"

    @http("GET", "/get/<int:value>")
    def get_method(self, request, value):
        return "value: {}".format(value)

    @http("GET,PUT", "/multi")
    def do_multi(self, request):
        return request.method

    @client.http("POST", "/not-a-route")
    def call_out(self, request):
        return None
`,
      'service/client.py': `def http(method, url):
    return lambda function: function
`,
    });
    assert.deepEqual(routesOf(result), ['GET /get/{value} -> service/http.py:HttpService.get_method', 'GET /multi -> service/http.py:HttpService.do_multi', 'PUT /multi -> service/http.py:HttpService.do_multi']);
  });

  it("puts a Litestar Controller's path, its own or its base's, before the handlers its methods are, and no path before a plain class's", async () => {
    const result = await analyseFiles({
      'shop/controllers.py': `from litestar import Controller, get, post


class UserController(Controller):
    path = "/users"

    @get("/{user_id:int}")
    async def get_user(self, user_id: int) -> dict:
        return {}

    @post()
    async def create_user(self, data: dict) -> dict:
        return data


class VersionedController(Controller):
    path = "/v2/orders"


class OrderController(VersionedController):
    @get("/")
    async def list_orders(self) -> list:
        return []


class Helpers:
    path = "/ignored"

    @get("/health")
    async def health(self) -> str:
        return "ok"
`,
    });
    assert.deepEqual(routesOf(result), [
      'GET /health -> shop/controllers.py:Helpers.health',
      'GET /users/{user_id} -> shop/controllers.py:UserController.get_user',
      'GET /v2/orders -> shop/controllers.py:OrderController.list_orders',
      'POST /users -> shop/controllers.py:UserController.create_user',
    ]);
  });
});

describe('routes declared by an OpenAPI document', () => {
  const openapi = `openapi: "3.0.0"
info: { title: Shelter, version: "1.0" }
servers:
  - url: http://localhost:8080/v1
paths:
  /pets:
    get:
      operationId: shelter.pets.list_pets
      responses: { "200": { description: the pets } }
    post:
      operationId: shelter.pets.add_pet
      responses: { "201": { description: added } }
  /pets/{pet_id}:
    x-openapi-router-controller: shelter.pets
    delete:
      operationId: remove_pet
      responses: { "204": { description: removed } }
  /adoptions:
    post:
      operationId: shelter.adoptions.adopt
      responses: { "201": { description: adopted } }
`;
  const swagger = `swagger: "2.0"
info: { title: Shelter, version: "1.0" }
basePath: /v2
paths:
  /pets:
    get:
      operationId: shelter.pets.list_pets
      responses: { "200": { description: the pets } }
`;
  const files = {
    'service/spec/openapi.yaml': openapi,
    'service/spec/swagger.yaml': swagger,
    'service/app.py': `import connexion

app = connexion.FlaskApp(__name__, specification_dir="spec/")
app.add_api("openapi.yaml")
app.add_api("swagger.yaml")
`,
    'service/shelter/__init__.py': '',
    'service/shelter/pets.py': `def list_pets(limit: int = 100):
    return []


def add_pet(body: dict):
    return body, 201


def remove_pet(pet_id: int):
    return None, 204
`,
    'config/deploy.yaml': 'replicas: 2\npaths:\n  /health:\n    get:\n      operationId: shelter.pets.list_pets\n',
  };

  it("lists each operation whose operationId names a function, looked for from the document's folder up, under the document's base path", async () => {
    assert.deepEqual(routesOf(await analyseFiles(files)), [
      'DELETE /v1/pets/{pet_id} -> service/shelter/pets.py:remove_pet',
      'GET /v1/pets -> service/shelter/pets.py:list_pets',
      'GET /v2/pets -> service/shelter/pets.py:list_pets',
      'POST /v1/pets -> service/shelter/pets.py:add_pet',
    ]);
  });

  it('lists none when no file imports the framework that routes by the document', async () => {
    assert.deepEqual(routesOf(await analyseFiles({ ...files, 'service/app.py': 'import flask\n' })), []);
  });

  it("places each route on its own operationId's line, also when the id is a word the document writes before it", async () => {
    const result = await analyseFiles({
      'notes/openapi.yaml': 'openapi: "3.0.0"\ninfo: { title: Notes, version: "1.0" }\npaths:\n  /notes:\n    x-openapi-router-controller: notes.api\n    post:\n      operationId: post\n      responses: { "201": { description: made } }\n',
      'notes/app.py': 'import connexion\n\napp = connexion.App(__name__)\napp.add_api("openapi.yaml")\n',
      'notes/__init__.py': '',
      'notes/api.py': 'def post(body: dict):\n    return body, 201\n',
    });
    assert.deepEqual(result.routes.map((route) => `${route.method} ${route.path} ${route.source?.path}:${(route.source?.line ?? -1) + 1}`), ['POST /notes notes/openapi.yaml:7']);
  });
});

describe('routes that are named values, grouped under paths', () => {
  it("lists Marble.js routes under the paths of the `combineRoutes` groups that list them, across files and nested, without a trailing slash", async () => {
    const result = await analyseFiles({
      'src/effects/user.effects.ts': `import { r, combineRoutes } from '@marblejs/http';
import { map } from 'rxjs/operators';
import { createUser } from './user.handlers';

const getUserList$ = r.pipe(
  r.matchPath('/'),
  r.matchType('GET'),
  r.useEffect(req$ => req$.pipe(map(() => ({ body: [] })))));

const getUser$ = r.pipe(
  r.matchPath('/:id'),
  r.matchType('GET'),
  r.useEffect(req$ => req$.pipe(map(req => ({ body: req.params.id })))));

const postUser$ = r.pipe(
  r.matchPath('/'),
  r.matchType('POST'),
  r.useEffect(createUser));

export const user$ = combineRoutes('/user', {
  middlewares: [authorize$],
  effects: [getUserList$, getUser$, postUser$],
});
`,
      'src/effects/user.handlers.ts': `export const createUser = (req$) => req$;
`,
      'src/effects/api.effects.ts': `import { r, combineRoutes } from '@marblejs/http';
import { user$ } from './user.effects';

const root$ = r.pipe(
  r.matchPath('/'),
  r.matchType('GET'),
  r.useEffect(req$ => req$));

export const api$ = combineRoutes('/api/:version', [root$, user$]);
`,
      'src/health.ts': `import { r } from '@marblejs/http';

export const health$ = r.pipe(
  r.matchPath('/health'),
  r.matchType('GET'),
  r.useEffect(req$ => req$));
`,
    });
    assert.deepEqual(routesOf(result), [
      'GET /api/{version} -> src/effects/api.effects.ts:<anonymous>@7',
      'GET /api/{version}/user -> src/effects/user.effects.ts:<anonymous>@8',
      'GET /api/{version}/user/{id} -> src/effects/user.effects.ts:<anonymous>@13',
      'GET /health -> src/health.ts:<anonymous>@6',
      'POST /api/{version}/user -> src/effects/user.handlers.ts:createUser',
    ]);
  });
  it('lists a route of a group two groups list under both their paths, and ends where groups list each other', async () => {
    const result = await analyseFiles({
      'src/routes.ts': `import { r, combineRoutes } from '@marblejs/http';

const ping$ = r.pipe(
  r.matchPath('/ping'),
  r.matchType('GET'),
  r.useEffect(req$ => req$));

const shared$ = combineRoutes('/shared', [ping$]);
export const v1$ = combineRoutes('/v1', [shared$]);
export const v2$ = combineRoutes('/v2', [shared$]);

const loopA$ = combineRoutes('/a', [loopB$, ping$]);
const loopB$ = combineRoutes('/b', [loopA$]);
`,
    });
    assert.deepEqual(routesOf(result), [
      'GET /b/a/ping -> src/routes.ts:<anonymous>@6',
      'GET /v1/shared/ping -> src/routes.ts:<anonymous>@6',
      'GET /v2/shared/ping -> src/routes.ts:<anonymous>@6',
    ]);
  });
});

describe('routes a configuration maps to actions by name', () => {
  it("serves Actionhero's configured routes under /api with the run method of the action of that name, and nothing for a name no action has", async () => {
    const result = await analyseFiles({
      'src/config/routes.ts': `export const DEFAULT = {
  routes: () => {
    return {
      get: [
        { path: "/status", action: "status" },
        { path: "/missing", action: "nowhere" },
      ],
      post: [{ action: "createUser", path: "/users" }],
      all: [{ path: "/legacy", action: "legacy" }],
    };
  },
};
`,
      'src/actions/status.ts': `import { Action } from "actionhero";

export class Status extends Action {
  name = "status";
  description = "the node's health";
  async run() {
    return { healthy: true };
  }
}
`,
      'src/actions/users.ts': `import { Action } from "actionhero";

export class CreateUser extends Action {
  name = "createUser";
  async run({ params }) {
    return { id: 1 };
  }
}
`,
      'src/lib/legacy.ts': `export class Legacy {
  name = "legacy";
  async run() {}
}
`,
    });
    assert.deepEqual(routesOf(result), ['GET /api/status -> src/actions/status.ts:Status.run', 'POST /api/users -> src/actions/users.ts:CreateUser.run']);
  });
});
