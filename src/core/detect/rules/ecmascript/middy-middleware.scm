;; category: middleware
;; framework: middy
;; packages: @middy/core
;; description: A middy middleware (middy.js.org, "Writing a middleware"): an object with at least one of `before`, `after` and `onError`, the functions middy runs before the handler, after it and on its error, made by a function that returns it (the factory `.use(...)` is given called: `httpCors(options)`). The finding is the factory. A hook is a function written in place, or one named as the documentation names them (`customMiddlewareBefore`, also chosen at start: `onError: logger ? errorLoggerMiddlewareOnError : undefined`); kept in packages built on `@middy/core`, where an object `{ before: cursor, after: cursor }` is still a page's bounds.

;; Returned from a function's body (any function or method: `_` with a `body` block), or an arrow function's value.
(_ body: (statement_block (return_statement (object [(pair key: (property_identifier) @_hook value: [(arrow_function) (function_expression)]) (method_definition name: (property_identifier) @_hook)])))
  (#any-of? @_hook "before" "after" "onError")) @finding

(_ body: (statement_block (return_statement (object [(pair key: (property_identifier) @_hook value: (identifier) @_value) (pair key: (property_identifier) @_hook value: (ternary_expression consequence: (identifier) @_value))])))
  (#any-of? @_hook "before" "after" "onError")
  (#match? @_value "(Before|After|OnError)$")) @finding

(arrow_function body: (parenthesized_expression (object [(pair key: (property_identifier) @_hook value: [(arrow_function) (function_expression)]) (method_definition name: (property_identifier) @_hook)]))
  (#any-of? @_hook "before" "after" "onError")) @finding

(arrow_function body: (parenthesized_expression (object [(pair key: (property_identifier) @_hook value: (identifier) @_value) (pair key: (property_identifier) @_hook value: (ternary_expression consequence: (identifier) @_value))]))
  (#any-of? @_hook "before" "after" "onError")
  (#match? @_value "(Before|After|OnError)$")) @finding
