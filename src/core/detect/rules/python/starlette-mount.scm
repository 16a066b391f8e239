;; hint: mount
;; qualifies: callee starlette.routing.Mount starlette.routing.Host
;; description: A Starlette `Mount("/prefix", routes=[...])`: the routes written inside it answer under its prefix.
(call
  function: [(identifier) @callee (attribute) @callee]
  arguments: (argument_list
    . (string) @prefix
    (keyword_argument name: (identifier) @_routes value: (list) @_list))
  (#eq? @_routes "routes")) @finding
