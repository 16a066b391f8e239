;; category: decorator
;; description: A decorator usable bare or with options (`@actor` and `@actor(max_retries=3)`, `@app.middleware` and `@app.middleware('request')`): a function that, given a callable where it takes its options, applies the decorator it makes at once (`elif callable(maxsize): return _cache(LRUCache(128), 128, typed)(maxsize)`, as the standard library's `functools.lru_cache` documents "If user_function is specified, it must be a callable"); a function that defines the decorator inside and returns it, or applies it at once to the function it was given (`if fn is None: return decorator` then `return decorator(fn)`; `return decorator(f) if f else decorator`); or that applies a decorator at once when given the function and otherwise returns the same decorator partially applied; or that, not given the function (`fn=None`), returns itself partially applied to its options (`if fn is None: return partial(register, name)`, a method `return functools.partial(self.subscribe, channel)` as CherryPy's `Bus.subscribe` documents for decorating the callback, the Python Cookbook's "decorator that takes an optional argument") (`if callable(f): return self.middleware(f) else: return partial(self.middleware, attach_to='request')`; `if listener is not None: return self.listener(listener, event)` then `return cast(T, partial(self.listener, event_or_none=event))`).
; The inner function is looked for by `defines?`: a step for it beside the `if` would match every pair of them.
((function_definition
  body: (block
    (if_statement
      consequence: (block (return_statement [(identifier) @_returned (call function: (identifier) @_applied)])))
    (return_statement [(identifier) @_returned (call function: (identifier) @_applied)])
    .)) @finding
  (#eq? @_returned @_applied)
  (#defines? @finding @_returned)
  (#defines? @finding @_applied)
  (#set! factory "true"))

(function_definition
  body: (block
    [
      (function_definition name: (identifier) @_inner)
      (decorated_definition definition: (function_definition name: (identifier) @_inner))
    ]
    (return_statement
      (conditional_expression
        [
          (call function: (identifier) @_applied)
          (identifier) @_returned
        ]
        (_)
        [
          (identifier) @_returned
          (call function: (identifier) @_applied)
        ]))
    .)
  (#eq? @_inner @_returned)
  (#eq? @_inner @_applied)
  (#set! factory "true")) @finding

(function_definition
  body: (block
    (if_statement
      consequence: (block (return_statement (call function: [(identifier) (attribute)] @_applied)))
      alternative: (else_clause
        body: (block (return_statement (call function: [(identifier) (attribute)] @_partial arguments: [(argument_list . [(identifier) (attribute)] @_deferred) (argument_list . (comment) . [(identifier) (attribute)] @_deferred)]))))))
  (#match? @_partial "(^|\\.)partial$")
  (#eq? @_applied @_deferred)
  (#set! factory "true")) @finding

(function_definition
  body: (block
    (if_statement
      consequence: (block (return_statement (call function: [(identifier) (attribute)] @_applied))))
    .
    (return_statement
      [
        (call function: [(identifier) (attribute)] @_partial arguments: [(argument_list . [(identifier) (attribute)] @_deferred) (argument_list . (comment) . [(identifier) (attribute)] @_deferred)])
        (call arguments: (argument_list (call function: [(identifier) (attribute)] @_partial arguments: [(argument_list . [(identifier) (attribute)] @_deferred) (argument_list . (comment) . [(identifier) (attribute)] @_deferred)])))
      ])
    .)
  (#match? @_partial "(^|\\.)partial$")
  (#eq? @_applied @_deferred)
  (#set! factory "true")) @finding

(function_definition
  name: (identifier) @_name
  parameters: (parameters
    [
      (default_parameter name: (identifier) @_optional value: (none))
      (typed_default_parameter name: (identifier) @_optional value: (none))
    ])
  body: (block
    (if_statement
      condition: (comparison_operator (identifier) @_checked (none))
      consequence: (block (return_statement (call function: [(identifier) (attribute)] @_partial arguments: (argument_list . (identifier) @_itself))))))
  (#eq? @_optional @_checked)
  (#eq? @_name @_itself)
  (#match? @_partial "(^|\\.)partial$")
  (#set! factory "true")) @finding

(function_definition
  name: (identifier) @_name
  parameters: (parameters
    [
      (default_parameter name: (identifier) @_optional value: (none))
      (typed_default_parameter name: (identifier) @_optional value: (none))
    ])
  body: (block
    (if_statement
      condition: (comparison_operator (identifier) @_checked (none))
      consequence: (block (return_statement (call function: [(identifier) (attribute)] @_partial arguments: (argument_list . (attribute object: (identifier) @_self attribute: (identifier) @_itself)))))))
  (#eq? @_optional @_checked)
  (#eq? @_name @_itself)
  (#any-of? @_self "self" "cls")
  (#match? @_partial "(^|\\.)partial$")
  (#set! factory "true")) @finding

(function_definition
  body: (block
    [
      (if_statement
        condition: (call function: (identifier) @_callable arguments: (argument_list . (identifier) @_checked .))
        consequence: (block (return_statement (call function: (call) arguments: (argument_list . (identifier) @_applied .)))))
      (if_statement
        alternative: (elif_clause
          condition: (call function: (identifier) @_callable arguments: (argument_list . (identifier) @_checked .))
          consequence: (block (return_statement (call function: (call) arguments: (argument_list . (identifier) @_applied .))))))
    ])
  (#eq? @_callable "callable")
  (#eq? @_checked @_applied)
  (#set! factory "true")) @finding
