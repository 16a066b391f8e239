;; category: route
;; framework: starlette
;; resolves: starlette-routes
;; qualifies: callee starlette.routing.Route starlette.routing.WebSocketRoute fastapi.routing.APIRoute
;; description: A Starlette route object: `Route("/path", endpoint, methods=[...])` or `WebSocketRoute(...)`, in the list given to `Starlette(routes=...)` or `Mount(...)`.
(call
  function: [(identifier) @callee (attribute) @callee]
  arguments: (argument_list
    . (string) @path
    .
    [
      (identifier) @view
      (attribute) @view
      (keyword_argument name: (identifier) @_endpoint value: (_) @view)
    ]
    (keyword_argument name: (identifier) @_key value: (list) @methods)?)
  (#eq? @_key "methods")
  (#eq? @_endpoint "endpoint")
  (#match? @callee "(^|\\.)(Route|WebSocketRoute|APIRoute)$")) @finding
