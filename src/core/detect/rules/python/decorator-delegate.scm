;; category: decorator
;; qualifies: delegate finding:decorator
;; description: A decorator or decorator factory that hands the work to another decorator: a method made of one `return self.route(path, methods=["POST"])`, or one whose last statement applies a factory of its own object to its function (`return self.exception(Exception)(handler)`, Sanic's `all_exceptions`) (Microdot's and Flask's `post`, django-ninja's `NinjaAPI.get` through its default router; Sanic's `get`, which wraps it in `typing.cast(RouteHandler, self.route(...))` for type checkers), a function returning a decorator applied to its own function (`return websocket_wrapper(f, upgrade)`) or to a check defined inside it (`return account_passes_test(check_perms)`). The called name must be a decorator the workspace defines.
(function_definition
  body: [
    (block
      .
      (expression_statement (string))?
      .
      (return_statement
        (call function: (attribute object: [(identifier) @_self (attribute object: (identifier) @_self)]) @delegate))
      .)
    (block
      .
      (expression_statement (string))?
      .
      (return_statement
        (call function: (attribute object: [(identifier) @_self (attribute object: (identifier) @_self)]) @delegate))
      .
      (comment)
      .)
    ; A linter's comment after the docstring (`"""...""" # noqa: E501`).
    (block
      .
      (expression_statement (string))
      .
      (comment)
      .
      (return_statement
        (call function: (attribute object: [(identifier) @_self (attribute object: (identifier) @_self)]) @delegate))
      .)
  ]
  (#any-of? @_self "self" "cls")) @finding

(function_definition
  body: (block
    .
    (expression_statement (string))?
    .
    (comment)?
    .
    (return_statement
      (call
        function: [(identifier) @_cast (attribute attribute: (identifier) @_cast)]
        arguments: (argument_list
          .
          (_)
          .
          (call function: (attribute object: [(identifier) @_self (attribute object: (identifier) @_self)]) @delegate)
          .)))
    .)
  (#eq? @_cast "cast")
  (#any-of? @_self "self" "cls")) @finding

(function_definition
  parameters: (parameters . [(identifier) @_wrapped (typed_parameter . (identifier) @_wrapped)])
  body: [
    (block
      .
      (expression_statement (string))?
      .
      (return_statement (call function: [(identifier) (attribute)] @delegate arguments: (argument_list . (identifier) @_argument)))
      .)
    (block
      .
      (expression_statement (string))?
      .
      (return_statement (call function: [(identifier) (attribute)] @delegate arguments: (argument_list . (identifier) @_argument)))
      .
      (comment)
      .)
  ]
  (#eq? @_wrapped @_argument)) @finding

(function_definition
  body: (block
    (function_definition name: (identifier) @_inner)
    (return_statement
      (call
        function: [(identifier) (attribute)] @delegate
        arguments: (argument_list . (identifier) @_argument .)))
    .)
  (#eq? @_inner @_argument)) @finding

; A method whose last statement applies a decorator factory of its own object to its function: `return self.exception(Exception)(handler)` (Sanic's `all_exceptions`).
(function_definition
  parameters: (parameters . (identifier) @_self . [(identifier) @_wrapped (typed_parameter . (identifier) @_wrapped)])
  body: (block
    (return_statement
      (call
        function: (call function: (attribute object: (identifier) @_owner) @delegate)
        arguments: (argument_list . (identifier) @_argument .)))
    .)
  (#any-of? @_self "self" "cls")
  (#eq? @_owner @_self)
  (#eq? @_wrapped @_argument)) @finding
