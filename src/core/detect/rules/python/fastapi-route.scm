;; category: route
;; framework: fastapi
;; description: A FastAPI or Starlette-style route decorator (`@app.get("/path")`, `@router.post(...)`) on its handler.
(decorated_definition
  (decorator
    (call
      function: (attribute
        object: (_) @router
        attribute: (identifier) @method)
      arguments: (argument_list . (string) @path)))
  (#any-of? @method "get" "post" "put" "patch" "delete" "head" "options" "trace" "websocket")
  definition: (function_definition)) @finding
