;; category: route
;; framework: sanic
;; qualifies: router sanic.Sanic sanic.app.Sanic sanic.Blueprint sanic.blueprints.Blueprint
;; description: A Sanic route added by a call instead of a decorator (sanic.dev "Routing": "Adding a route", `app.add_route(handler, "/test", methods=["POST", "PUT"])`; "Websockets": `app.add_websocket_route(handler, "/test")`), or a route decorator applied in place (`app.get("/sitemap.xml")(sitemap)`). Named after the handler; the application or blueprint typed so, an attribute made by `Sanic(...)`, or imported.
(call
  function: (attribute object: (_) @router attribute: (identifier) @_verb)
  arguments: (argument_list
    . [(identifier) (attribute)] @symbol
    . (string) @path
    (keyword_argument name: (identifier) @_key value: [(list) (tuple)] @methods)?)
  (#eq? @_verb "add_route")
  (#eq? @_key "methods")) @finding

(call
  function: (attribute object: (_) @router attribute: (identifier) @_verb)
  arguments: (argument_list . [(identifier) (attribute)] @symbol . (string) @path)
  (#eq? @_verb "add_websocket_route")
  (#set! method "websocket")) @finding

(call
  function: (call
    function: (attribute object: (_) @router attribute: (identifier) @method)
    arguments: (argument_list . (string) @path))
  arguments: (argument_list . [(identifier) (attribute)] @symbol .)
  (#any-of? @method "get" "post" "put" "patch" "delete" "head" "options" "websocket")) @finding
