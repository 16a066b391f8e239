;; category: middleware
;; framework: asgi
;; resolves: wrapping-class
;; description: A pure ASGI middleware (or ASGI app wrapper) class: its `__call__(self, scope, receive, send)` takes the ASGI triple (Starlette, FastAPI and any ASGI server); or a function given an application that returns an ASGI callable wrapping it (`def cors(app): async def wrapper(scope, receive, send): ...; return wrapper`).
; The parameter list is checked as text: anchored child patterns cost far more on every class.
(class_definition
  body: (block
    (function_definition
      name: (identifier) @_call
      parameters: (parameters) @_parameters
      (#eq? @_call "__call__")
      (#match? @_parameters "^\\(\\s*self\\s*,\\s*scope\\b[^,]*,\\s*receive\\b[^,]*,\\s*send\\b")))) @finding

;; The same `__call__` under a decorator: declared abstract (`@abstractmethod`), as a framework's middleware base class writes it for its subclasses to implement, or wrapped.
(class_definition
  body: (block
    (decorated_definition
      definition: (function_definition
        name: (identifier) @_call
        parameters: (parameters) @_parameters
        (#eq? @_call "__call__")
        (#match? @_parameters "^\\(\\s*self\\s*,\\s*scope\\b[^,]*,\\s*receive\\b[^,]*,\\s*send\\b"))))) @finding

((function_definition
  body: (block (return_statement (identifier) @_returned))) @finding
  (#defines? @finding @_returned "scope" "receive" "send"))
