;; category: route
;; framework: fastapi
;; qualifies: router fastapi.FastAPI fastapi.applications.FastAPI fastapi.APIRouter fastapi.routing.APIRouter starlette.applications.Starlette starlette.routing.Router
;; description: A route added to a FastAPI or Starlette application or router by a call instead of a decorator: FastAPI's `app.add_api_route("/items", list_items, methods=["GET"])` (GET when no methods are given, as `APIRouter.add_api_route` defaults), Starlette's `app.add_route("/", homepage)`, with the endpoint by position or as `endpoint=`, and `add_api_websocket_route`/`add_websocket_route` for a WebSocket. Named after the endpoint; the object must be one of those frameworks' applications or routers (Falcon's and Sanic's `add_route` take other arguments).
(call
  function: (attribute object: (_) @router attribute: (identifier) @_verb)
  arguments: (argument_list
    . (string) @path
    . [(identifier) (attribute)] @symbol
    (keyword_argument name: (identifier) @_key value: [(list) (tuple)] @methods)?)
  (#any-of? @_verb "add_api_route" "add_route")
  (#eq? @_key "methods")) @finding

(call
  function: (attribute object: (_) @router attribute: (identifier) @_verb)
  arguments: (argument_list
    . (string) @path
    . (keyword_argument name: (identifier) @_endpoint value: [(identifier) (attribute)] @symbol)
    (keyword_argument name: (identifier) @_key value: [(list) (tuple)] @methods)?)
  (#any-of? @_verb "add_api_route" "add_route")
  (#eq? @_endpoint "endpoint")
  (#eq? @_key "methods")) @finding

; `methods=` written before `endpoint=`.
(call
  function: (attribute object: (_) @router attribute: (identifier) @_verb)
  arguments: (argument_list
    . (string) @path
    (keyword_argument name: (identifier) @_key value: [(list) (tuple)] @methods)
    (keyword_argument name: (identifier) @_endpoint value: [(identifier) (attribute)] @symbol))
  (#any-of? @_verb "add_api_route" "add_route")
  (#eq? @_endpoint "endpoint")
  (#eq? @_key "methods")) @finding

(call
  function: (attribute object: (_) @router attribute: (identifier) @_verb)
  arguments: (argument_list . (string) @path . [(identifier) (attribute)] @symbol)
  (#any-of? @_verb "add_api_websocket_route" "add_websocket_route")
  (#set! method "websocket")) @finding
