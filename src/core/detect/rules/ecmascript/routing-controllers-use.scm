;; category: middleware
;; framework: routing-controllers
;; qualifies: decorator routing-controllers.UseBefore routing-controllers.UseAfter finding:decorator
;; description: Middleware a routing-controllers controller or action is given by decorator (docs: "Use middleware per-controller or per-action"): each argument of `@UseBefore(CompressionMiddleware, loggedIn)` and `@UseAfter(...)`, a middleware class or function, or one written in place.
(decorator
  (call_expression
    function: (identifier) @decorator
    arguments: (arguments [(identifier) (member_expression)] @symbol))
  (#any-of? @decorator "UseBefore" "UseAfter")) @finding

(decorator
  (call_expression
    function: (identifier) @decorator
    arguments: (arguments [(arrow_function) (function_expression)] @_inline))
  (#any-of? @decorator "UseBefore" "UseAfter")
  (#set! symbol "anonymous")) @finding
