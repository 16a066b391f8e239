;; hint: route-view
;; description: A view attached to a named route by a call (Pyramid): `config.add_view(home, route_name='home')`, with its `request_method` and `attr` among the arguments. The resolver joins it to the `add_route` of that name (hint `named-route`) in the same package.
(call
  function: (attribute attribute: (identifier) @_verb)
  arguments: (argument_list
    . [(identifier) (attribute)] @view
    (keyword_argument name: (identifier) @_key value: (string) @routeName)) @arguments
  (#eq? @_verb "add_view")
  (#eq? @_key "route_name")
  (#set! framework "pyramid")) @finding
