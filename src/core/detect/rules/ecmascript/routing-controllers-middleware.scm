;; category: middleware
;; framework: routing-controllers
;; qualifies: decorator routing-controllers.Middleware finding:decorator
;; description: A routing-controllers global middleware: a class decorated `@Middleware({ type: 'before' })` (or `'after'`, an error handler), which the framework runs around every action (docs: "Using middlewares", global middlewares). The decorator is routing-controllers' own, or in the framework's repository the workspace's decorator definition.
(class_declaration
  decorator: (decorator (call_expression function: (identifier) @decorator))
  (#eq? @decorator "Middleware")) @finding

(export_statement
  decorator: (decorator (call_expression function: (identifier) @decorator))
  declaration: (class_declaration) @finding
  (#eq? @decorator "Middleware"))
