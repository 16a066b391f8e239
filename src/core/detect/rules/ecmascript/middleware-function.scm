;; category: middleware
;; outermost: true
;; description: An Express-style middleware function by the signature Express calls it with (docs "Writing middleware for use in Express apps": `function (req, res, next)`; Polka, Connect and Medusa's routers take the same), written as a function, a constant arrow or a CommonJS export (`exports.isUser = (req, res, next) => ...`), or a factory returning one, also of an error handler's `(err, req, res, next)` (a bare error handler is middleware where it is registered: a framework's default catch-all is not) (`export function setContext(context) { return async (req, _, next) => {...} }`, `const unlessPath = (path, middleware) => (req, res, next) => ...`). A named function of that shape that a route registers as its handler is told as a handler only, and a factory that makes route handlers (`const getUser = catchAsync(async (req, res) => ...)`) is a handler wrapper, not middleware.
;; The function itself, as a declaration or a constant arrow.
(function_declaration
  parameters: (formal_parameters (_) (_) (_)) @_parameters
  (#match? @_parameters "^\\(\\s*(?:req|request|_req)\\s*(?::[^,]*)?,\\s*[\\w$]+\\s*(?::[^,]*)?,\\s*(?:next|_next)\\s*(?::[^,]*)?\\)$")
  (#set! by "signature")) @finding

(variable_declarator
  value: (arrow_function parameters: (formal_parameters (_) (_) (_)) @_parameters)
  (#match? @_parameters "^\\(\\s*(?:req|request|_req)\\s*(?::[^,]*)?,\\s*[\\w$]+\\s*(?::[^,]*)?,\\s*(?:next|_next)\\s*(?::[^,]*)?\\)$")
  (#set! by "signature")) @finding

;; A factory: what it returns (a function or an arrow) has the signature, also of an error handler.
(function_declaration
  body: (statement_block (return_statement (_ parameters: (formal_parameters (_) (_) (_)) @_returns)))
  (#match? @_returns "^\\(\\s*(?:(?:err|error)\\s*(?::[^,]*)?,\\s*)?(?:req|request|_req)\\s*(?::[^,]*)?,\\s*[\\w$]+\\s*(?::[^,]*)?,\\s*(?:next|_next)\\s*(?::[^,]*)?\\)$")
  (#set! by "signature")) @finding

(variable_declarator
  value: (arrow_function body: (_ parameters: (formal_parameters (_) (_) (_)) @_returns))
  (#match? @_returns "^\\(\\s*(?:(?:err|error)\\s*(?::[^,]*)?,\\s*)?(?:req|request|_req)\\s*(?::[^,]*)?,\\s*[\\w$]+\\s*(?::[^,]*)?,\\s*(?:next|_next)\\s*(?::[^,]*)?\\)$")
  (#set! by "signature")) @finding

(variable_declarator
  value: (arrow_function body: (statement_block (return_statement (_ parameters: (formal_parameters (_) (_) (_)) @_returns))))
  (#match? @_returns "^\\(\\s*(?:(?:err|error)\\s*(?::[^,]*)?,\\s*)?(?:req|request|_req)\\s*(?::[^,]*)?,\\s*[\\w$]+\\s*(?::[^,]*)?,\\s*(?:next|_next)\\s*(?::[^,]*)?\\)$")
  (#set! by "signature")) @finding

;; CommonJS: the function assigned as a module's export (`exports.isUser = (req, res, next) => {...}`, `module.exports.auth = function (req, res, next) {...}`).
(assignment_expression
  left: (member_expression property: (property_identifier) @symbol)
  right: [(arrow_function parameters: (formal_parameters (_) (_) (_)) @_parameters) (function_expression parameters: (formal_parameters (_) (_) (_)) @_parameters)]
  (#match? @_parameters "^\\(\\s*(?:req|request|_req)\\s*(?::[^,]*)?,\\s*[\\w$]+\\s*(?::[^,]*)?,\\s*(?:next|_next)\\s*(?::[^,]*)?\\)$")
  (#set! by "signature")) @finding
