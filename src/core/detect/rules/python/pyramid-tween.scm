;; category: middleware
;; framework: pyramid
;; description: A Pyramid tween factory ("Registering tweens" in Pyramid's documentation), the middleware `config.add_tween(...)` installs around every request: a callable given the next `handler` and the application's `registry` that returns the tween, a function of the `request` (`def factory(handler, registry): def tween(request): ...; return tween`, the parameters annotated or not), or a class taking them in `__init__` whose `__call__(self, request)` is the tween.
(function_definition
  parameters: (parameters
    . [(identifier) @_handler (typed_parameter . (identifier) @_handler)]
    . [(identifier) @_registry (typed_parameter . (identifier) @_registry)] .)
  body: (block
    (function_definition parameters: (parameters . [(identifier) @_request (typed_parameter . (identifier) @_request)] .)))
  (#eq? @_handler "handler")
  (#eq? @_registry "registry")
  (#eq? @_request "request")) @finding

; The factory's `__init__` is looked for by `defines?`: two method steps would match every pair of a class's methods.
((class_definition
  body: (block
    (function_definition
      name: (identifier) @_call
      parameters: (parameters . (identifier) . (identifier) @_request .)))) @finding
  (#eq? @_call "__call__")
  (#eq? @_request "request")
  (#defines? @finding "__init__" "handler" "registry"))
