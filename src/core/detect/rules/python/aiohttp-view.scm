;; category: route
;; framework: aiohttp
;; resolves: handler-classes
;; description: An aiohttp class-based view (docs.aiohttp.org, "Class Based Views"): `app.router.add_view('/path', MyView)` or `add_route('*', '/path', MyView)`, `web.view('/path', MyView)` among the definitions given to `add_routes` (or kept in a variable), or a class under a `RouteTableDef`'s `@routes.view('/path')`. The resolver keeps it when the class derives from `web.View`, and lists each HTTP method the class answers, under the prefixes of the router it is registered on.
(call
  function: (attribute object: (_) @router attribute: (identifier) @_verb)
  arguments: (argument_list . (string) @path . [(identifier) (attribute)] @resource)
  (#eq? @_verb "add_view")
  (#set! symbol "anonymous")) @finding

(call
  function: (attribute object: (_) @router attribute: (identifier) @_verb)
  arguments: (argument_list . (string) @_any . (string) @path . [(identifier) (attribute)] @resource)
  (#eq? @_verb "add_route")
  (#match? @_any "^.\\*.$")
  (#set! symbol "anonymous")) @finding

(call
  function: (attribute object: (_) @router attribute: (identifier) @_add)
  arguments: (argument_list
    (list
      (call
        function: [(identifier) (attribute)] @_callee
        arguments: (argument_list . (string) @path . [(identifier) (attribute)] @resource)) @finding))
  (#eq? @_add "add_routes")
  (#match? @_callee "(^|\\.)view$")
  (#set! symbol "anonymous"))

(assignment
  right: (list
    (call
      function: [(identifier) (attribute)] @_callee
      arguments: (argument_list . (string) @path . [(identifier) (attribute)] @resource)) @finding)
  (#match? @_callee "(^|\\.)view$")
  (#set! symbol "anonymous"))

(decorated_definition
  (decorator
    (call
      function: (attribute object: (_) @router attribute: (identifier) @_verb)
      arguments: (argument_list . (string) @path)))
  definition: (class_definition name: (identifier) @resource)
  (#eq? @_verb "view")) @finding
