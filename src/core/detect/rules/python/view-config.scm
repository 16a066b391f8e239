;; hint: route-view
;; qualifies: decorator pyramid.view.view_config
;; description: A view attached to a named route by a decorator (Pyramid's `@view_config(route_name='home')`, registered by `config.scan()`) on a function, a class, or a method; or a method's `@view_config(...)` in a class whose `@view_defaults(route_name='home')` names the route (`defaults`: the method's own route_name wins). The resolver joins it to the `add_route` of that name in the same package.
(decorated_definition
  (decorator
    (call
      function: [(identifier) (attribute)] @decorator
      arguments: (argument_list (keyword_argument name: (identifier) @_key value: (string) @routeName)) @arguments))
  definition: [(function_definition) (class_definition)]
  (#eq? @_key "route_name")
  (#set! framework "pyramid")) @finding

(decorated_definition
  (decorator
    (call
      function: [(identifier) (attribute)] @_defaults
      arguments: (argument_list (keyword_argument name: (identifier) @_key value: (string) @routeName))))
  definition: (class_definition
    body: (block
      (decorated_definition
        (decorator (call function: [(identifier) (attribute)] @decorator arguments: (argument_list) @arguments))
        definition: (function_definition)) @finding))
  (#match? @_defaults "(^|\\.)view_defaults$")
  (#eq? @_key "route_name")
  (#set! defaults "true")
  (#set! framework "pyramid"))
