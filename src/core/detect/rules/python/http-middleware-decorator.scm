;; category: middleware
;; framework: fastapi
;; description: A function middleware: FastAPI and Starlette `@app.middleware("http")`.
(decorated_definition
  (decorator
    (call
      function: (attribute object: (_) @app attribute: (identifier) @_verb)
      arguments: (argument_list . (string) @type)))
  (#eq? @_verb "middleware")
  definition: (function_definition)) @finding
