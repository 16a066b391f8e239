;; category: route
;; framework: fastapi
;; description: A route decorator named after its HTTP method on a router or app object: FastAPI and APIRouter (`@router.post("/orders")`), Flask 2 and Quart (`@app.get(...)`), Sanic, Litestar-style apps. The framework is read from what the object is made of.
(decorated_definition
  (decorator
    (call
      function: (attribute
        object: (_) @router
        attribute: (identifier) @method)
      arguments: (argument_list . [(string) (call function: [(identifier) (attribute)] arguments: (argument_list (string)))] @path)))
  (#any-of? @method "get" "post" "put" "patch" "delete" "head" "options" "trace" "websocket")
  definition: (function_definition)) @finding

(decorated_definition
  (decorator
    (call
      function: (attribute
        object: (_) @router
        attribute: (identifier) @method)
      arguments: (argument_list
        (keyword_argument name: (identifier) @_key value: (string) @path))))
  (#eq? @_key "path")
  (#any-of? @method "get" "post" "put" "patch" "delete" "head" "options" "trace" "websocket")
  definition: (function_definition)) @finding
