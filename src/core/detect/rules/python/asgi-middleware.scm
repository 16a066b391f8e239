;; category: middleware
;; framework: asgi
;; description: A pure ASGI middleware (or ASGI app wrapper) class: its `__call__(self, scope, receive, send)` takes the ASGI triple (Starlette, FastAPI and any ASGI server).
; The parameter list is checked as text: anchored child patterns cost far more on every class.
(class_definition
  body: (block
    (function_definition
      name: (identifier) @_call
      parameters: (parameters) @_parameters
      (#eq? @_call "__call__")
      (#match? @_parameters "^\\(\\s*self\\s*,\\s*scope\\b[^,]*,\\s*receive\\b[^,]*,\\s*send\\b")))) @finding
