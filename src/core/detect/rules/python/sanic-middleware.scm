;; category: middleware
;; framework: sanic
;; qualifies: hook sanic.Sanic().on_request sanic.Sanic().on_response sanic.Sanic().middleware sanic.Sanic().register_middleware sanic.app.Sanic().on_request sanic.app.Sanic().on_response sanic.app.Sanic().middleware sanic.app.Sanic().register_middleware sanic.Blueprint().on_request sanic.Blueprint().on_response sanic.Blueprint().middleware sanic.Blueprint().register_middleware sanic.blueprints.Blueprint().on_request sanic.blueprints.Blueprint().on_response sanic.blueprints.Blueprint().middleware sanic.blueprints.Blueprint().register_middleware
;; description: Sanic middleware: a function decorated with `@app.on_request`, `@app.on_response` or `@app.middleware` (bare, or given "request"/"response"), on the application or a blueprint, or registered by `app.register_middleware(func, "response")`.
(decorated_definition
  (decorator
    [
      (attribute attribute: (identifier) @_verb) @hook
      (call function: (attribute attribute: (identifier) @_verb) @hook)
    ])
  (#any-of? @_verb "on_request" "on_response" "middleware")
  definition: (function_definition)) @finding

(call
  function: (attribute attribute: (identifier) @_verb) @hook
  arguments: (argument_list . [(identifier) (attribute)] @symbol)
  (#eq? @_verb "register_middleware")) @finding
