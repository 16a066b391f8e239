;; category: route
;; resolves: decorator-function
;; description: A route decorator that is a function of a framework, not a method of a router object: Litestar's `@get("/")` and `@post(path="/items")` (docs.litestar.dev "Route handlers"), hug's `@hug.get()` (hugapi.github.io/hug: "the name of the function is used as the URL"). Kept when the callee is among the frameworks' `packageVerbs`, which give its method and the path of a decorator given none. A router's method given its path as a string (`@app.get("/")`) is the fastapi-route rule's.
(decorated_definition
  (decorator
    (call
      function: (identifier) @callee
      arguments: (argument_list . (string) @path)))
  (#any-of? @callee "get" "post" "put" "patch" "delete" "head" "options" "trace")
  definition: (function_definition)) @finding

(decorated_definition
  (decorator
    (call
      function: (identifier) @callee
      arguments: (argument_list (keyword_argument name: (identifier) @_key value: [(string) (list) (tuple)] @path))))
  (#eq? @_key "path")
  (#any-of? @callee "get" "post" "put" "patch" "delete" "head" "options" "trace")
  definition: (function_definition)) @finding

; Several paths, a list or tuple given first.
(decorated_definition
  (decorator
    (call
      function: [(identifier) (attribute attribute: (identifier))] @callee
      arguments: (argument_list . [(list) (tuple)] @path)))
  (#match? @callee "(^|\\.)(get|post|put|patch|delete|head|options|trace)$")
  definition: (function_definition)) @finding

; No path: given nothing, or keywords only, the first of them not `path`.
(decorated_definition
  (decorator
    (call
      function: [(identifier) (attribute attribute: (identifier))] @callee
      arguments: (argument_list) @_arguments))
  (#eq? @_arguments "()")
  (#match? @callee "(^|\\.)(get|post|put|patch|delete|head|options|trace)$")
  definition: (function_definition)) @finding

(decorated_definition
  (decorator
    (call
      function: [(identifier) (attribute attribute: (identifier))] @callee
      arguments: (argument_list . (keyword_argument name: (identifier) @_first))))
  (#not-eq? @_first "path")
  (#match? @callee "(^|\\.)(get|post|put|patch|delete|head|options|trace)$")
  definition: (function_definition)) @finding
