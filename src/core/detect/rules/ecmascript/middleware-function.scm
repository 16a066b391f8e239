;; category: middleware
;; outermost: true
;; description: A middleware function by the signature its framework calls it with: Express's (docs "Writing middleware for use in Express apps": `function (req, res, next)`; Polka, Connect and Medusa's routers take the same), Koa's (docs "Middleware": `async (ctx, next) => {...}`) and Socket.IO's (docs "Middlewares": `io.use((socket, next) => {...})`), written as a function, a constant arrow or a CommonJS export (`exports.isUser = (req, res, next) => ...`), or a factory returning one (in place, in parentheses, or declared inside it and returned by name, alone or in a chain of handlers), also of an error handler's `(err, req, res, next)` (a bare error handler is middleware where it is registered: a framework's default catch-all is not) (`export function setContext(context) { return async (req, _, next) => {...} }`, `const unlessPath = (path, middleware) => (req, res, next) => ...`). A named function of that shape that a route registers as its handler is told as a handler only, and a factory that makes route handlers (`const getUser = catchAsync(async (req, res) => ...)`) is a handler wrapper, not middleware.
;; The function itself, as a declaration, or a variable's arrow or function expression (`var auth = function auth(req, res, next) {...}`).
(function_declaration
  parameters: (formal_parameters (_) (_)) @_parameters
  (#match? @_parameters "^\\((?:\\s*(?:req|request|_req)\\s*(?::[^,]*)?,\\s*[\\w$]+|\\s*(?:ctx|_ctx|socket))\\s*(?::[^,]*)?,\\s*(?:next|_next)\\s*(?::[^,]*)?\\)$")
  (#set! by "signature")) @finding

(variable_declarator
  value: [(arrow_function parameters: (formal_parameters (_) (_)) @_parameters) (function_expression parameters: (formal_parameters (_) (_)) @_parameters)]
  (#match? @_parameters "^\\((?:\\s*(?:req|request|_req)\\s*(?::[^,]*)?,\\s*[\\w$]+|\\s*(?:ctx|_ctx|socket))\\s*(?::[^,]*)?,\\s*(?:next|_next)\\s*(?::[^,]*)?\\)$")
  (#set! by "signature")) @finding

;; A factory: what it returns (a function or an arrow) has the signature, also of an error handler.
(function_declaration
  body: (statement_block (return_statement (_ parameters: (formal_parameters (_) (_)) @_returns)))
  (#match? @_returns "^\\((?:\\s*(?:err|error)\\s*(?::[^,]*)?,)?(?:\\s*(?:req|request|_req)\\s*(?::[^,]*)?,\\s*[\\w$]+|\\s*(?:ctx|_ctx|socket))\\s*(?::[^,]*)?,\\s*(?:next|_next)\\s*(?::[^,]*)?\\)$")
  (#set! by "signature")) @finding

(variable_declarator
  value: (arrow_function body: (_ parameters: (formal_parameters (_) (_)) @_returns))
  (#match? @_returns "^\\((?:\\s*(?:err|error)\\s*(?::[^,]*)?,)?(?:\\s*(?:req|request|_req)\\s*(?::[^,]*)?,\\s*[\\w$]+|\\s*(?:ctx|_ctx|socket))\\s*(?::[^,]*)?,\\s*(?:next|_next)\\s*(?::[^,]*)?\\)$")
  (#set! by "signature")) @finding

(variable_declarator
  value: (arrow_function body: (statement_block (return_statement (_ parameters: (formal_parameters (_) (_)) @_returns))))
  (#match? @_returns "^\\((?:\\s*(?:err|error)\\s*(?::[^,]*)?,)?(?:\\s*(?:req|request|_req)\\s*(?::[^,]*)?,\\s*[\\w$]+|\\s*(?:ctx|_ctx|socket))\\s*(?::[^,]*)?,\\s*(?:next|_next)\\s*(?::[^,]*)?\\)$")
  (#set! by "signature")) @finding

;; A factory written as a method of a class that holds what the middleware needs (`class Middleware { ensureAuthenticated() { return async (req, res, next) => {...} } }`).
(method_definition
  body: (statement_block (return_statement (_ parameters: (formal_parameters (_) (_)) @_returns)))
  (#match? @_returns "^\\((?:\\s*(?:err|error)\\s*(?::[^,]*)?,)?(?:\\s*(?:req|request|_req)\\s*(?::[^,]*)?,\\s*[\\w$]+|\\s*(?:ctx|_ctx|socket))\\s*(?::[^,]*)?,\\s*(?:next|_next)\\s*(?::[^,]*)?\\)$")
  (#set! by "signature")) @finding

;; A factory that returns the middleware wrapped by a call that keeps its signature (`return toHandler(async (req, res, next) => {...})`).
(function_declaration
  body: (statement_block (return_statement (call_expression arguments: (arguments . (_ parameters: (formal_parameters (_) (_)) @_returns) .))))
  (#match? @_returns "^\\((?:\\s*(?:err|error)\\s*(?::[^,]*)?,)?(?:\\s*(?:req|request|_req)\\s*(?::[^,]*)?,\\s*[\\w$]+|\\s*(?:ctx|_ctx|socket))\\s*(?::[^,]*)?,\\s*(?:next|_next)\\s*(?::[^,]*)?\\)$")
  (#set! by "signature")) @finding

(variable_declarator
  value: (arrow_function body: (statement_block (return_statement (call_expression arguments: (arguments . (_ parameters: (formal_parameters (_) (_)) @_returns) .)))))
  (#match? @_returns "^\\((?:\\s*(?:err|error)\\s*(?::[^,]*)?,)?(?:\\s*(?:req|request|_req)\\s*(?::[^,]*)?,\\s*[\\w$]+|\\s*(?:ctx|_ctx|socket))\\s*(?::[^,]*)?,\\s*(?:next|_next)\\s*(?::[^,]*)?\\)$")
  (#set! by "signature")) @finding

;; A factory whose arrow returns the middleware in parentheses, maybe cast (`(app) => ((req, res, next) => {...}) as Handler`).
(variable_declarator
  value: (arrow_function body: [
    (parenthesized_expression (_ parameters: (formal_parameters (_) (_)) @_returns))
    (_ (parenthesized_expression (_ parameters: (formal_parameters (_) (_)) @_returns)))])
  (#match? @_returns "^\\((?:\\s*(?:err|error)\\s*(?::[^,]*)?,)?(?:\\s*(?:req|request|_req)\\s*(?::[^,]*)?,\\s*[\\w$]+|\\s*(?:ctx|_ctx|socket))\\s*(?::[^,]*)?,\\s*(?:next|_next)\\s*(?::[^,]*)?\\)$")
  (#set! by "signature")) @finding

;; A factory that declares the middleware as a function inside it and returns it by name
;; (`function rateLimit(options) { async function middleware(req, res, next) {...} return middleware }`).
(function_declaration
  body: (statement_block
    (function_declaration name: (identifier) @_declared parameters: (formal_parameters (_) (_)) @_returns)
    (return_statement (identifier) @_returned))
  (#eq? @_declared @_returned)
  (#match? @_returns "^\\((?:\\s*(?:err|error)\\s*(?::[^,]*)?,)?(?:\\s*(?:req|request|_req)\\s*(?::[^,]*)?,\\s*[\\w$]+|\\s*(?:ctx|_ctx|socket))\\s*(?::[^,]*)?,\\s*(?:next|_next)\\s*(?::[^,]*)?\\)$")
  (#set! by "signature")) @finding

(variable_declarator
  value: (arrow_function body: (statement_block
    (function_declaration name: (identifier) @_declared parameters: (formal_parameters (_) (_)) @_returns)
    (return_statement (identifier) @_returned)))
  (#eq? @_declared @_returned)
  (#match? @_returns "^\\((?:\\s*(?:err|error)\\s*(?::[^,]*)?,)?(?:\\s*(?:req|request|_req)\\s*(?::[^,]*)?,\\s*[\\w$]+|\\s*(?:ctx|_ctx|socket))\\s*(?::[^,]*)?,\\s*(?:next|_next)\\s*(?::[^,]*)?\\)$")
  (#set! by "signature")) @finding

;; A factory that returns a chain of handlers holding a middleware it declares (restify's handler chains, docs "Server API": `use` and the verbs take arrays; Express's `app.use` too): `return [readBody, parseBody]`, or a list it pushes the middleware on (`chain.push(parseJson); return chain`).
(function_declaration
  body: (statement_block
    (function_declaration name: (identifier) @_declared parameters: (formal_parameters (_) (_)) @_returns)
    (return_statement (array (identifier) @_returned)))
  (#eq? @_declared @_returned)
  (#match? @_returns "^\\((?:\\s*(?:err|error)\\s*(?::[^,]*)?,)?(?:\\s*(?:req|request|_req)\\s*(?::[^,]*)?,\\s*[\\w$]+|\\s*(?:ctx|_ctx|socket))\\s*(?::[^,]*)?,\\s*(?:next|_next)\\s*(?::[^,]*)?\\)$")
  (#set! by "signature")) @finding

((function_declaration
  body: (statement_block
    (function_declaration name: (identifier) @_declared parameters: (formal_parameters (_) (_)) @_returns)
    (return_statement (identifier) @_returned))) @finding
  (#match? @_returns "^\\((?:\\s*(?:err|error)\\s*(?::[^,]*)?,)?(?:\\s*(?:req|request|_req)\\s*(?::[^,]*)?,\\s*[\\w$]+|\\s*(?:ctx|_ctx|socket))\\s*(?::[^,]*)?,\\s*(?:next|_next)\\s*(?::[^,]*)?\\)$")
  (#pushes? @finding @_returned @_declared)
  (#set! by "signature"))

;; CommonJS: the function assigned as a module's export (`exports.isUser = (req, res, next) => {...}`, `module.exports.auth = function (req, res, next) {...}`).
(assignment_expression
  left: (member_expression property: (property_identifier) @symbol)
  right: [(arrow_function parameters: (formal_parameters (_) (_)) @_parameters) (function_expression parameters: (formal_parameters (_) (_)) @_parameters)]
  (#match? @_parameters "^\\((?:\\s*(?:req|request|_req)\\s*(?::[^,]*)?,\\s*[\\w$]+|\\s*(?:ctx|_ctx|socket))\\s*(?::[^,]*)?,\\s*(?:next|_next)\\s*(?::[^,]*)?\\)$")
  (#set! by "signature")) @finding

;; CommonJS: a factory assigned as the module's export or one of its exports, returning the middleware
;; (Express docs "Configurable middleware": `module.exports = function (options) { return function (req, res, next) {...} }`).
(assignment_expression
  left: (member_expression) @_exports
  right: [
    (function_expression body: (statement_block (return_statement (_ parameters: (formal_parameters (_) (_)) @_returns))))
    (arrow_function body: (statement_block (return_statement (_ parameters: (formal_parameters (_) (_)) @_returns))))] @finding
  (#match? @_exports "^(module\\.)?exports(\\.[\\w$]+)?$")
  (#match? @_returns "^\\((?:\\s*(?:err|error)\\s*(?::[^,]*)?,)?(?:\\s*(?:req|request|_req)\\s*(?::[^,]*)?,\\s*[\\w$]+|\\s*(?:ctx|_ctx|socket))\\s*(?::[^,]*)?,\\s*(?:next|_next)\\s*(?::[^,]*)?\\)$")
  (#set! by "signature"))

;; An ES module whose default export is the factory (Egg's docs "Middleware": a file of `app/middleware`
;; exports a function of its options that returns the middleware, `export default (options) => { return async function gzip(ctx, next) {...} }`).
(export_statement
  value: [
    (arrow_function body: (statement_block (return_statement (_ parameters: (formal_parameters (_) (_)) @_returns))))
    (arrow_function body: (_ parameters: (formal_parameters (_) (_)) @_returns))
    (function_expression body: (statement_block (return_statement (_ parameters: (formal_parameters (_) (_)) @_returns))))] @finding
  (#match? @_returns "^\\((?:\\s*(?:err|error)\\s*(?::[^,]*)?,)?(?:\\s*(?:req|request|_req)\\s*(?::[^,]*)?,\\s*[\\w$]+|\\s*(?:ctx|_ctx|socket))\\s*(?::[^,]*)?,\\s*(?:next|_next)\\s*(?::[^,]*)?\\)$")
  (#set! by "signature"))
