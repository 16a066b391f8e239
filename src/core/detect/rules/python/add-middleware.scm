;; category: middleware
;; framework: starlette
;; description: Middleware installed on an app: Starlette and FastAPI `app.add_middleware(Class, ...)`, or a `Middleware(Class, ...)` entry of `Starlette(middleware=[...])`. The finding is named after the middleware class.
(call
  function: (attribute object: (_) @app attribute: (identifier) @_verb)
  arguments: (argument_list . [(identifier) (attribute)] @symbol)
  (#eq? @_verb "add_middleware")
  (#set! kind "installed")) @finding
