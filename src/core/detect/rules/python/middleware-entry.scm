;; category: middleware
;; framework: starlette
;; qualifies: callee starlette.middleware.Middleware
;; description: A `Middleware(Class, ...)` entry, as given to `Starlette(middleware=[...])` or `FastAPI(middleware=[...])`, named after the class it installs.
(call
  function: [(identifier) (attribute)] @callee
  arguments: (argument_list . [(identifier) (attribute)] @symbol)
  (#match? @callee "(^|\\.)Middleware$")
  (#set! kind "installed")) @finding
