import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyseFiles } from '../helpers';

const ROUTE = `package web;

public interface Route {
  interface Handler {
    Object apply(Context ctx) throws Exception;
  }

  interface Filter {
    Handler apply(Handler next);
  }

  interface Before extends Filter {
    default Handler apply(Handler next) {
      return ctx -> {
        before(ctx);
        return next.apply(ctx);
      };
    }

    void before(Context ctx) throws Exception;
  }
}
`;

async function middleware(files: Record<string, string>): Promise<string[]> {
  const result = await analyseFiles(files);
  return result.findings
    .filter((finding) => finding.category === 'middleware')
    .map((finding) => finding.symbol)
    .sort();
}

describe('middleware by the interface it implements', () => {
  it("finds the classes implementing an interface whose abstract method takes the next handler and returns one (Jooby's Route.Filter), directly or through an interface extending it", async () => {
    const found = await middleware({
      'src/main/java/web/Context.java': 'package web;\n\npublic interface Context {\n  String header(String name);\n}\n',
      'src/main/java/web/Route.java': ROUTE,
      'src/main/java/web/handler/CorsHandler.java': `package web.handler;

import web.Route;

public class CorsHandler implements Route.Filter {
  public Route.Handler apply(Route.Handler next) {
    return ctx -> next.apply(ctx);
  }
}
`,
      'src/main/java/web/handler/RequestId.java': `package web.handler;

import web.Context;
import web.Route;

public class RequestId implements Route.Before {
  public void before(Context ctx) {}
}
`,
    });
    assert.deepEqual(found, ['src/main/java/web/handler/CorsHandler.java:CorsHandler', 'src/main/java/web/handler/RequestId.java:RequestId']);
  });

  it("finds the types that implement a workspace interface named a middleware (shiori's HttpMiddleware), by their method sets in Go", async () => {
    const found = await middleware({
      'go.mod': 'module example.com/bookmarks\n\ngo 1.22\n',
      'internal/model/http.go': `package model

type WebContext interface {
	UserID() int
}

// HttpMiddleware customises requests and responses.
type HttpMiddleware interface {
	OnRequest(c WebContext) error
	OnResponse(c WebContext) error
}

type MiddlewareConfig interface {
	Enabled() bool
}
`,
      'internal/http/middleware/auth.go': `package middleware

import "example.com/bookmarks/internal/model"

type AuthMiddleware struct{}

func (m *AuthMiddleware) OnRequest(c model.WebContext) error { return nil }

func (m *AuthMiddleware) OnResponse(c model.WebContext) error { return nil }

type Settings struct{}

func (s Settings) Enabled() bool { return true }
`,
    });
    assert.deepEqual(found, ['internal/http/middleware/auth.go:AuthMiddleware']);
  });

  it('leaves an interface mapping a value to a value of the same type, one combining two of its own kind, and a rewriter of values of a functional type', async () => {
    const found = await middleware({
      'src/main/java/web/Headers.java': 'package web;\n\npublic interface Headers {\n  String header(String name);\n}\n',
      'src/main/java/web/MapHeaders.java': 'package web;\n\npublic class MapHeaders implements Headers {\n  public String header(String name) {\n    return name;\n  }\n}\n',
      'src/main/java/web/Rule.java': 'package web;\n\npublic interface Rule {\n  Rule and(Rule other);\n}\n',
      'src/main/java/web/AllowAll.java': 'package web;\n\npublic class AllowAll implements Rule {\n  public Rule and(Rule other) {\n    return other;\n  }\n}\n',
      // A rewriter maps a value to another of its type, a functional interface too: no handler is handed on.
      'src/main/java/web/Expr.java': 'package web;\n\npublic interface Expr {\n  double eval();\n}\n',
      'src/main/java/web/Simplifier.java': 'package web;\n\npublic interface Simplifier {\n  Expr simplify(Expr e);\n}\n',
      'src/main/java/web/ConstantFolder.java': 'package web;\n\npublic class ConstantFolder implements Simplifier {\n  public Expr simplify(Expr e) {\n    return e;\n  }\n}\n',
    });
    assert.deepEqual(found, []);
  });
});
