import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyseFiles } from '../helpers';

describe('middleware classes and their subclasses', () => {
  it("finds the subclasses of an ASGI middleware class, its generic base written with a type argument (Connexion's RoutedMiddleware[SecurityAPI]), and of a WSGI one", async () => {
    const result = await analyseFiles({
      'gate/__init__.py': '',
      'gate/routing.py': `import typing as t

API = t.TypeVar("API")


class RoutedMiddleware(t.Generic[API]):
    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        await self.app(scope, receive, send)
`,
      'gate/security.py': `from .routing import RoutedMiddleware


class SecurityAPI:
    def check(self, scope):
        return True


class SecurityMiddleware(RoutedMiddleware[SecurityAPI]):
    api_cls = SecurityAPI


class AuditMiddleware(SecurityMiddleware):
    pass
`,
      'gate/wsgi.py': `class Gzip:
    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        return self.app(environ, start_response)


class StrongGzip(Gzip):
    level = 9


class Settings:
    def __call__(self, name):
        return name
`,
    });
    const middleware = result.findings.filter((finding) => finding.category === 'middleware').map((finding) => `${finding.symbol}${typeof finding.details.inherits === 'string' ? ` <- ${finding.details.inherits}` : ''}`);
    assert.deepEqual(middleware.sort(), [
      'gate/routing.py:RoutedMiddleware',
      'gate/security.py:AuditMiddleware <- gate/routing.py:RoutedMiddleware',
      'gate/security.py:SecurityMiddleware <- gate/routing.py:RoutedMiddleware',
      'gate/wsgi.py:Gzip',
      'gate/wsgi.py:StrongGzip <- gate/wsgi.py:Gzip',
    ]);
  });
});
