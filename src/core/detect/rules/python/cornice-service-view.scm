;; category: route
;; framework: cornice
;; qualifies: router cornice.Service cornice.service.Service
;; description: A view of a Cornice service, registered by the decorator named after its HTTP method (`@hello.get(permission=...)`, keywords only) or by `hello.add_view("GET", view)`: it answers at the path the service was made with (`Service(name="hello", path="/")`).
(decorated_definition
  (decorator
    (call
      function: (attribute
        object: (_) @router
        attribute: (identifier) @method)
      arguments: (argument_list) @_arguments))
  (#any-of? @method "get" "post" "put" "patch" "delete" "options")
  (#not-match? @_arguments "^\\(\\s*[^\\s)=]+\\s*[,)]")
  definition: (function_definition)) @finding

(call
  function: (attribute object: (_) @router attribute: (identifier) @_add)
  arguments: (argument_list . (string) @method . [(identifier) (attribute)] @symbol)
  (#eq? @_add "add_view")) @finding
