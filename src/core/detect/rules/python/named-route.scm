;; hint: named-route
;; description: A route declared by name, its views attached to the name elsewhere (Pyramid's URL dispatch): `config.add_route('home', '/')`, `config.add_route('item', pattern='/items/{id}')`. The resolver joins it to the views registered for that name (hint `route-view`) in the same package.
(call
  function: (attribute attribute: (identifier) @_verb)
  arguments: (argument_list . (string) @name . (string) @pattern)
  (#eq? @_verb "add_route")) @finding

(call
  function: (attribute attribute: (identifier) @_verb)
  arguments: (argument_list . (string) @name (keyword_argument name: (identifier) @_key value: (string) @pattern))
  (#eq? @_verb "add_route")
  (#eq? @_key "pattern")) @finding
