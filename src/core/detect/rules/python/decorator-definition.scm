;; category: decorator
;; outermost: true
;; description: A decorator definition, as a function or as a method (the extension points a framework offers on its objects: `Flask.route`, `Celery.task`, `App.before_request`). A decorator takes a function, defines a wrapper that calls it (with or without `functools.wraps`) and returns the wrapper; a registration or marking decorator returns the function itself after storing it (`self.handlers.append(f)`) or setting attributes on it (DRF's `func.permission_classes = ...`); a decorator factory one level up returns such a decorator (`def retry(times): def decorator(func): ...`, `def route(self, path): def decorated(f): self.add_route(path, f); return f`), or one that hands its function back, or applies another decorator to it (`def db_task(**options): def decorator(fn): return task(**options)(close_db(fn))`). Where the only sign is that the function is handed on or stored, its parameter must be named as functions are.

;; Registration decorators first, marked `kind: registers`: they hand back the function they are given after keeping it (`self.handlers.append(f)`, `self.error_handlers[code] = f`) — the hooks, routes and handlers a framework offers. Of one function, the first pattern that matches is its finding.
(function_definition
  body: (block
    [
      (function_definition
        name: (identifier) @_middle
        parameters: (parameters . [(identifier) @_wrapped (typed_parameter . (identifier) @_wrapped)])) @_decorator
      (decorated_definition
        definition: (function_definition
          name: (identifier) @_middle
          parameters: (parameters . [(identifier) @_wrapped (typed_parameter . (identifier) @_wrapped)]))) @_decorator
    ]
    (return_statement (identifier) @_returned))
  (#eq? @_middle @_returned)
  (#match? @_wrapped "^_?(f|fn|fun|func|function|callable|handler|callback|cb|hook|view|coro|coroutine|wrapped|responder|listener|receiver|cls|klass|[a-z_]+_(func|fn|function|handler|callback|callable|view|cls|class))$")
  (#decorates? @_decorator @_wrapped "registers")
  (#set! kind "registers")
  (#set! factory "true")) @finding

(function_definition
  parameters: (parameters . [(identifier) @_wrapped (typed_parameter . (identifier) @_wrapped)])
  body: (block (return_statement (identifier)) .)
  (#match? @_wrapped "^_?(f|fn|fun|func|function|callable|handler|callback|cb|hook|view|coro|coroutine|wrapped|responder|listener|receiver|cls|klass|[a-z_]+_(func|fn|function|handler|callback|callable|view|cls|class))$")
  (#decorates? @finding @_wrapped "registers")
  (#set! kind "registers")) @finding

(function_definition
  parameters: (parameters . (identifier) @_self . [(identifier) @_wrapped (typed_parameter . (identifier) @_wrapped)])
  body: (block (return_statement (identifier)) .)
  (#any-of? @_self "self" "cls")
  (#match? @_wrapped "^_?(f|fn|fun|func|function|callable|handler|callback|cb|hook|view|coro|coroutine|wrapped|responder|listener|receiver|cls|klass|[a-z_]+_(func|fn|function|handler|callback|callable|view|cls|class))$")
  (#decorates? @finding @_wrapped "registers")
  (#set! kind "registers")) @finding

;; Factories first: a factory's decorator is found as a factory, not as a decorator of the factory's own parameter.
(function_definition
  body: (block
    [
      (function_definition name: (identifier) @_middle) @_decorator
      (decorated_definition definition: (function_definition name: (identifier) @_middle)) @_decorator
    ]
    (return_statement (identifier) @_returned))
  (#eq? @_middle @_returned)
  (#decorates? @_decorator "wraps" "marks")
  (#set! factory "true")) @finding

(function_definition
  body: (block
    [
      (function_definition
        name: (identifier) @_middle
        parameters: (parameters . [(identifier) @_wrapped (typed_parameter . (identifier) @_wrapped)])) @_decorator
      (decorated_definition
        definition: (function_definition
          name: (identifier) @_middle
          parameters: (parameters . [(identifier) @_wrapped (typed_parameter . (identifier) @_wrapped)]))) @_decorator
    ]
    (return_statement (identifier) @_returned))
  (#eq? @_middle @_returned)
  (#match? @_wrapped "^_?(f|fn|fun|func|function|callable|handler|callback|cb|hook|view|coro|coroutine|wrapped|responder|listener|receiver|cls|klass|[a-z_]+_(func|fn|function|handler|callback|callable|view|cls|class))$")
  (#decorates? @_decorator @_wrapped "passes" "registers" "applies" "returns")
  (#set! factory "true")) @finding

;; A decorator (a function, or a method: `def __call__(self, f)`, `@classmethod def timeout(cls, func)`) returning a wrapper that calls the function.
(function_definition
  body: (block
    [
      (function_definition name: (identifier) @_inner)
      (decorated_definition definition: (function_definition name: (identifier) @_inner))
    ]
    (return_statement (identifier) @_returned))
  (#eq? @_inner @_returned)
  (#decorates? @finding "wraps")) @finding

;; The same wrapper given the function's metadata as it is returned (`return functools.wraps(wrapped)(wrapper)`).
(function_definition
  body: (block
    [
      (function_definition name: (identifier) @_inner)
      (decorated_definition definition: (function_definition name: (identifier) @_inner))
    ]
    (return_statement (call function: (call function: (_) @_wraps) arguments: (argument_list . (identifier) @_returned .))))
  (#match? @_wraps "^(functools\\.)?wraps$")
  (#eq? @_inner @_returned)
  (#decorates? @finding "wraps")) @finding

;; A decorator whose function is named as one: a wrapper that hands it on (`invoke_handler(f, request)`), a registration or marking decorator (`def before_request(self, f): self.handlers.append(f); return f`, `view_func.csrf_exempt = True; return view_func`).
(function_definition
  parameters: (parameters . [(identifier) @_wrapped (typed_parameter . (identifier) @_wrapped)])
  body: (block (return_statement (identifier)) .)
  (#match? @_wrapped "^_?(f|fn|fun|func|function|callable|handler|callback|cb|hook|view|coro|coroutine|wrapped|responder|listener|receiver|cls|klass|[a-z_]+_(func|fn|function|handler|callback|callable|view|cls|class))$")
  (#decorates? @finding @_wrapped "passes" "marks" "registers")) @finding

(function_definition
  parameters: (parameters . (identifier) @_self . [(identifier) @_wrapped (typed_parameter . (identifier) @_wrapped)])
  body: (block (return_statement (identifier)) .)
  (#any-of? @_self "self" "cls")
  (#match? @_wrapped "^_?(f|fn|fun|func|function|callable|handler|callback|cb|hook|view|coro|coroutine|wrapped|responder|listener|receiver|cls|klass|[a-z_]+_(func|fn|function|handler|callback|callable|view|cls|class))$")
  (#decorates? @finding @_wrapped "passes" "marks" "registers")) @finding

;; A decorator that returns its function wrapped in an object, handed first to a class's constructor (`def before_insert(f): return Callback(f, "_before_insert")`, a class written capitalised, PEP 8's way), and the factory returning such a decorator.
(function_definition
  body: (block
    [
      (function_definition
        name: (identifier) @_middle
        parameters: (parameters . [(identifier) @_wrapped (typed_parameter . (identifier) @_wrapped)])
        body: (block (return_statement (call function: (identifier) @_class arguments: (argument_list . (identifier) @_given))) .))
    ]
    (return_statement (identifier) @_returned))
  (#eq? @_middle @_returned)
  (#eq? @_given @_wrapped)
  (#match? @_class "^[A-Z]")
  (#match? @_wrapped "^_?(f|fn|fun|func|function|callable|handler|callback|cb|hook|view|coro|coroutine|wrapped|responder|listener|receiver|cls|klass|[a-z_]+_(func|fn|function|handler|callback|callable|view|cls|class))$")
  (#set! factory "true")) @finding

(function_definition
  parameters: (parameters . [(identifier) @_wrapped (typed_parameter . (identifier) @_wrapped)])
  body: (block (return_statement (call function: (identifier) @_class arguments: (argument_list . (identifier) @_given))) .)
  (#eq? @_given @_wrapped)
  (#match? @_class "^[A-Z]")
  (#match? @_wrapped "^_?(f|fn|fun|func|function|callable|handler|callback|cb|hook|view|coro|coroutine|wrapped|responder|listener|receiver|cls|klass|[a-z_]+_(func|fn|function|handler|callback|callable|view|cls|class))$")) @finding
