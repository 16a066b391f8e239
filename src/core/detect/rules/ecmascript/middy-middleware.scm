;; category: middleware
;; framework: middy
;; packages: @middy/core
;; description: A middy middleware (middy.js.org, "Writing a middleware"): an object with at least one of `before`, `after` and `onError`, the functions middy runs before the handler, after it and on its error, made by a function that returns it (the factory `.use(...)` is given called: `httpCors(options)`). The finding is the factory. Kept in packages built on `@middy/core`: elsewhere an object `{ before, after }` is as often a change's two states.
(function_declaration
  body: (statement_block (return_statement (object [(pair key: (property_identifier) @_hook) (shorthand_property_identifier) @_hook (method_definition name: (property_identifier) @_hook)])))
  (#any-of? @_hook "before" "after" "onError")) @finding

(function_expression
  body: (statement_block (return_statement (object [(pair key: (property_identifier) @_hook) (shorthand_property_identifier) @_hook (method_definition name: (property_identifier) @_hook)])))
  (#any-of? @_hook "before" "after" "onError")) @finding

(arrow_function
  body: (statement_block (return_statement (object [(pair key: (property_identifier) @_hook) (shorthand_property_identifier) @_hook (method_definition name: (property_identifier) @_hook)])))
  (#any-of? @_hook "before" "after" "onError")) @finding

(arrow_function
  body: (parenthesized_expression (object [(pair key: (property_identifier) @_hook) (shorthand_property_identifier) @_hook (method_definition name: (property_identifier) @_hook)]))
  (#any-of? @_hook "before" "after" "onError")) @finding
