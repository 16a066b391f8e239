;; category: decorator
;; outermost: true
;; description: A decorator definition: a function that takes a function, defines a wrapper that calls it, and returns the wrapper (with or without `functools.wraps`), a method doing so for the instance used as a decorator (`def __call__(self, f)`), or a decorator factory one level up (`def retry(times): def decorator(func): ...`).
(function_definition
  parameters: (parameters . [(identifier) (typed_parameter)] @_wrapped)
  body: (block
    [
      (function_definition name: (identifier) @_inner) @_wrapper
      (decorated_definition definition: (function_definition name: (identifier) @_inner) @_wrapper)
    ]
    (return_statement (identifier) @_returned))
  (#eq? @_inner @_returned)
  (#has-call? @_wrapper @_wrapped)) @finding

(function_definition
  parameters: (parameters . (identifier) @_self . [(identifier) (typed_parameter)] @_wrapped)
  body: (block
    [
      (function_definition name: (identifier) @_inner) @_wrapper
      (decorated_definition definition: (function_definition name: (identifier) @_inner) @_wrapper)
    ]
    (return_statement (identifier) @_returned))
  (#eq? @_self "self")
  (#eq? @_inner @_returned)
  (#has-call? @_wrapper @_wrapped)) @finding

(function_definition
  body: (block
    [
      (function_definition
        name: (identifier) @_middle
        parameters: (parameters . [(identifier) (typed_parameter)] @_wrapped)
        body: (block
          [
            (function_definition name: (identifier) @_inner) @_wrapper
            (decorated_definition definition: (function_definition name: (identifier) @_inner) @_wrapper)
          ]
          (return_statement (identifier) @_returned_inner)))
      (decorated_definition
        definition: (function_definition
          name: (identifier) @_middle
          parameters: (parameters . [(identifier) (typed_parameter)] @_wrapped)
          body: (block
            [
              (function_definition name: (identifier) @_inner) @_wrapper
              (decorated_definition definition: (function_definition name: (identifier) @_inner) @_wrapper)
            ]
            (return_statement (identifier) @_returned_inner))))
    ]
    (return_statement (identifier) @_returned_middle))
  (#eq? @_inner @_returned_inner)
  (#eq? @_middle @_returned_middle)
  (#has-call? @_wrapper @_wrapped)
  (#set! factory "true")) @finding
