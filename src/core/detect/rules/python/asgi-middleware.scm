;; category: middleware
;; framework: asgi
;; description: A pure ASGI middleware class: `__init__(self, app, ...)` keeps the next application and `async def __call__(self, scope, receive, send)` wraps it (Starlette, FastAPI and any ASGI server).
(class_definition
  body: (block
    (function_definition
      name: (identifier) @_init
      parameters: (parameters . (identifier) . [(identifier) (typed_parameter)] @_next))
    (function_definition
      name: (identifier) @_call
      parameters: (parameters . (identifier) . [(identifier) (typed_parameter)] @_scope . [(identifier) (typed_parameter)] @_receive . [(identifier) (typed_parameter)] @_send)))
  (#eq? @_init "__init__")
  (#match? @_next "^app\\b")
  (#eq? @_call "__call__")
  (#match? @_scope "^scope\\b")
  (#match? @_receive "^receive\\b")
  (#match? @_send "^send\\b")) @finding
