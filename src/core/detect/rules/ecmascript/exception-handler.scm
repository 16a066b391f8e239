;; category: error-handler
;; description: A handler registered for errors: a NestJS exception filter `@Catch(NotFoundError)` (`@Catch()` catches everything), Express error middleware `app.use((err, req, res, next) => ...)` (four parameters; defined apart as `const errorHandler = (err, req, res, next) => ...` it is told by that signature, the one Express's error-handling guide gives), Fastify's `app.setErrorHandler(...)`, Hono's `app.onError(...)`, and `app.useGlobalFilters(new Filter())`.
(class_declaration
  (decorator (call_expression
    function: (identifier) @_catch
    arguments: (arguments) @handles))
  (#eq? @_catch "Catch")) @finding

(export_statement
  (decorator (call_expression
    function: (identifier) @_catch
    arguments: (arguments) @handles))
  declaration: (class_declaration name: (_) @symbol)
  (#eq? @_catch "Catch")) @finding

(call_expression
  function: (member_expression property: (property_identifier) @_use)
  arguments: (arguments . [(arrow_function parameters: (formal_parameters (_) (_) (_) (_))) (function_expression parameters: (formal_parameters (_) (_) (_) (_)))])
  (#eq? @_use "use")
  (#set! handles "Error")
  (#set! symbol "anonymous")) @finding

(call_expression
  function: (member_expression property: (property_identifier) @_register)
  arguments: (arguments . (_) @handler)
  (#any-of? @_register "setErrorHandler" "onError" "useGlobalFilters")
  (#set! handles "Error")
  (#set! symbol "anonymous")) @finding

(variable_declarator
  name: (identifier) @symbol
  value: [(arrow_function parameters: (formal_parameters . (_) @_err . (_) @_req . (_) @_res . (_) .)) (function_expression parameters: (formal_parameters . (_) @_err . (_) @_req . (_) @_res . (_) .))]
  (#match? @_err "^(err|error)\\b")
  (#match? @_req "^req(uest)?\\b")
  (#match? @_res "^res(ponse)?\\b")
  (#set! handles "Error")) @finding

(function_declaration
  name: (identifier) @symbol
  parameters: (formal_parameters . (_) @_err . (_) @_req . (_) @_res . (_) .)
  (#match? @_err "^(err|error)\\b")
  (#match? @_req "^req(uest)?\\b")
  (#match? @_res "^res(ponse)?\\b")
  (#set! handles "Error")) @finding
