;; category: route
;; framework: aiohttp
;; resolves: router-call
;; description: An aiohttp route added on an application's router (docs.aiohttp.org, "Web Server Reference", `UrlDispatcher`): `app.router.add_get('/users/{id}', get_user)`, `add_post`, `add_put`, `add_patch`, `add_delete`, `add_head`, `add_options` (the aiohttp framework file maps each to its method), or `add_route('GET', '/path', handler)` with the method first (`*`: any method); and a `RouteTableDef`'s `@routes.route('GET', '/path')`. The resolver keeps it when the object is an aiohttp application, its router or a route table.
(call
  function: (attribute object: (_) @router attribute: (identifier) @method)
  arguments: (argument_list . (string) @path . [(identifier) (attribute)] @symbol)
  (#any-of? @method "add_get" "add_post" "add_put" "add_patch" "add_delete" "add_head" "add_options")) @finding

(call
  function: (attribute object: (_) @router attribute: (identifier) @_verb)
  arguments: (argument_list . (string) @method . (string) @path . [(identifier) (attribute)] @symbol)
  (#eq? @_verb "add_route")) @finding

(decorated_definition
  (decorator
    (call
      function: (attribute object: (_) @router attribute: (identifier) @_verb)
      arguments: (argument_list . (string) @method . (string) @path)))
  (#eq? @_verb "route")
  definition: (function_definition)) @finding
