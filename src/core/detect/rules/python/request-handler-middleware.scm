;; category: middleware
;; framework: blacksheep
;; outermost: true
;; description: A middleware written as a coroutine given the request and the next handler, as BlackSheep's "Middlewares" page defines them (`async def middleware(request, handler): response = await handler(request)`, added with `app.middlewares.append(...)`; aiohttp's `@web.middleware` functions are written alike): such a function, a class whose `async def __call__(self, request, handler)` is one, or a factory that defines one and returns it (`def get_cors_middleware(...)`). A client's middleware given `next_handler` is none of these.
; The parameter lists are checked as text, as the ASGI rule does.
(function_definition
  "async"
  parameters: (parameters) @_parameters
  (#match? @_parameters "^\\(\\s*request\\b[^,]*,\\s*handler\\b")) @finding

(class_definition
  body: (block
    (function_definition
      "async"
      name: (identifier) @_call
      parameters: (parameters) @_parameters
      (#eq? @_call "__call__")
      (#match? @_parameters "^\\(\\s*self\\s*,\\s*request\\b[^,]*,\\s*handler\\b")))) @finding

(function_definition
  body: (block
    (function_definition
      "async"
      name: (identifier) @_inner
      parameters: (parameters) @_parameters)
    (return_statement (identifier) @_returned))
  (#eq? @_inner @_returned)
  (#match? @_parameters "^\\(\\s*request\\b[^,]*,\\s*handler\\b")) @finding
