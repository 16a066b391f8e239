;; category: route
;; framework: express
;; resolves: router-call
;; description: A route registered by a method named after its HTTP verb on an application or router: Express `app.get('/users/:id', auth, getUser)` and `router.post(...)`, Koa routers, Fastify `fastify.get`, Hono `app.get`, h3 `app.get` (and `app.on('GET', '/p', handler)`, the method given as a string, as h3 and Hono also write it), restify `server.del` and `server.opts` (methods a framework file maps to their HTTP verb; on another object they are no route). The handler is the last argument; a named one gives the route its symbol, one written in place is named after the line it starts on (the arguments before it are the route's middleware: rule route-middleware). The resolver keeps the route when the object is a known application or router, or is named like one (`app`, `router`, `fastify`...): `redis.get('key', callback)` has the same shape.
(call_expression
  function: (member_expression object: (_) @router property: (property_identifier) @method)
  arguments: (arguments . (string) @path [(identifier) (member_expression)] @symbol .)
  (#any-of? @method "get" "post" "put" "patch" "delete" "head" "options" "all" "del" "opts")
  (#set! handler "named")) @finding

(call_expression
  function: (member_expression object: (_) @router property: (property_identifier) @method)
  arguments: (arguments . (string) @path [(arrow_function) (function_expression)] @_inline .)
  (#any-of? @method "get" "post" "put" "patch" "delete" "head" "options" "all" "del" "opts")
  (#set! handler "inline")
  (#set! symbol "anonymous")) @finding

;; restify's route options in place of the path (docs "Server API": `server.put({ path: '/todo/:name', contentType: 'application/json' }, putTodo)`, `url` read as `path`); the handler is still the last argument.
(call_expression
  function: (member_expression object: (_) @router property: (property_identifier) @method)
  arguments: (arguments . (object (pair key: (property_identifier) @_key value: (string) @path)) [(identifier) (member_expression)] @symbol .)
  (#any-of? @method "get" "post" "put" "patch" "delete" "head" "options" "all" "del" "opts")
  (#any-of? @_key "path" "url")
  (#set! handler "named")) @finding

(call_expression
  function: (member_expression object: (_) @router property: (property_identifier) @method)
  arguments: (arguments . (object (pair key: (property_identifier) @_key value: (string) @path)) [(arrow_function) (function_expression)] @_inline .)
  (#any-of? @method "get" "post" "put" "patch" "delete" "head" "options" "all" "del" "opts")
  (#any-of? @_key "path" "url")
  (#set! handler "inline")
  (#set! symbol "anonymous")) @finding

;; A method bound to its object where it is registered (`app.get('/status', controller.run.bind(controller))`, `this.list.bind(this)`): `Function.prototype.bind` gives the same function with `this` fixed, so the method is the handler.
(call_expression
  function: (member_expression object: (_) @router property: (property_identifier) @method)
  arguments: (arguments . (string) @path (call_expression function: (member_expression object: [(identifier) (member_expression)] @symbol property: (property_identifier) @_bind) arguments: (arguments . (_) .)) .)
  (#any-of? @method "get" "post" "put" "patch" "delete" "head" "options" "all" "del" "opts")
  (#eq? @_bind "bind")
  (#set! handler "named")) @finding

;; The handler wrapped where it is registered, as express-async-handler is used: `router.get('/', asyncHandler(listUsers))`, `app.post('/', asyncHandler(async (req, res) => {...}))`; the wrapper, which takes a middleware's arguments to call the handler with, is then no middleware itself.
(call_expression
  function: (member_expression object: (_) @router property: (property_identifier) @method)
  arguments: (arguments . (string) @path (call_expression function: (_) @wrapper arguments: (arguments [(identifier) (member_expression)] @symbol .)) .)
  (#any-of? @method "get" "post" "put" "patch" "delete" "head" "options" "all" "del" "opts")
  (#not-match? @wrapper "[.]bind$")
  (#set! handler "named")) @finding

(call_expression
  function: (member_expression object: (_) @router property: (property_identifier) @method)
  arguments: (arguments . (string) @path (call_expression function: (_) @wrapper arguments: (arguments [(arrow_function) (function_expression)] @_inline .)) .)
  (#any-of? @method "get" "post" "put" "patch" "delete" "head" "options" "all" "del" "opts")
  (#set! handler "inline")
  (#set! symbol "anonymous")) @finding

;; A handler a factory makes where the route is registered, Express's configurable-middleware shape (guide "Writing middleware": `module.exports = function (options) { return function (req, res, next) {...} }`) used for the final handler: `app.post('/login', login())`, also inside a wrapper (`asyncHandler(showBasket())`). The factory names the route; only a call with no arguments counts, since `asyncHandler(listUsers)` wraps a handler instead.
(call_expression
  function: (member_expression object: (_) @router property: (property_identifier) @method)
  arguments: (arguments . (string) @path (call_expression function: [(identifier) (member_expression)] @symbol arguments: (arguments) @_made) .)
  (#any-of? @method "get" "post" "put" "patch" "delete" "head" "options" "all" "del" "opts")
  (#match? @_made "^[(]\\s*[)]$")
  (#set! handler "named")) @finding

(call_expression
  function: (member_expression object: (_) @router property: (property_identifier) @method)
  arguments: (arguments . (string) @path (call_expression function: (_) @wrapper arguments: (arguments (call_expression function: [(identifier) (member_expression)] @symbol arguments: (arguments) @_made) .)) .)
  (#any-of? @method "get" "post" "put" "patch" "delete" "head" "options" "all" "del" "opts")
  (#match? @_made "^[(]\\s*[)]$")
  (#set! handler "named")) @finding

;; The handler as the `handler` property of an object a wrapper is given, h3's object syntax (docs "Event Handlers": `app.get('/', defineEventHandler({ onRequest, handler: (event) => ... }))`): the hooks beside it are the route's middleware (rule handler-hooks).
(call_expression
  function: (member_expression object: (_) @router property: (property_identifier) @method)
  arguments: (arguments . (string) @path (call_expression arguments: (arguments . (object (pair key: (property_identifier) @_key value: [(identifier) (member_expression)] @symbol)) .)) .)
  (#any-of? @method "get" "post" "put" "patch" "delete" "head" "options" "all" "del" "opts")
  (#eq? @_key "handler")
  (#set! handler "named")) @finding

(call_expression
  function: (member_expression object: (_) @router property: (property_identifier) @method)
  arguments: (arguments . (string) @path (call_expression arguments: (arguments . (object (pair key: (property_identifier) @_key value: [(arrow_function) (function_expression)] @_inline)) .)) .)
  (#any-of? @method "get" "post" "put" "patch" "delete" "head" "options" "all" "del" "opts")
  (#eq? @_key "handler")
  (#set! handler "inline")
  (#set! symbol "anonymous")) @finding

;; Fastify's route options holding the handler (docs "Routes", shorthand declaration: `fastify.get('/', { schema, handler: async (request, reply) => ... })`, the options as the last argument).
(call_expression
  function: (member_expression object: (_) @router property: (property_identifier) @method)
  arguments: (arguments . (string) @path (object (pair key: (property_identifier) @_key value: [(identifier) (member_expression)] @symbol)) .)
  (#any-of? @method "get" "post" "put" "patch" "delete" "head" "options" "all")
  (#eq? @_key "handler")
  (#set! handler "named")) @finding

(call_expression
  function: (member_expression object: (_) @router property: (property_identifier) @method)
  arguments: (arguments . (string) @path (object (pair key: (property_identifier) @_key value: [(arrow_function) (function_expression)] @_inline)) .)
  (#any-of? @method "get" "post" "put" "patch" "delete" "head" "options" "all")
  (#eq? @_key "handler")
  (#set! handler "inline")
  (#set! symbol "anonymous")) @finding

;; The method given as a string before the path: h3's and Hono's `app.on('GET', '/hello', handler)`, the method in either case.
(call_expression
  function: (member_expression object: (_) @router property: (property_identifier) @_on)
  arguments: (arguments . (string (string_fragment) @method) . (string) @path [(identifier) (member_expression)] @symbol .)
  (#eq? @_on "on")
  (#any-of? @method "GET" "POST" "PUT" "PATCH" "DELETE" "HEAD" "OPTIONS" "get" "post" "put" "patch" "delete" "head" "options")
  (#set! handler "named")) @finding

(call_expression
  function: (member_expression object: (_) @router property: (property_identifier) @_on)
  arguments: (arguments . (string (string_fragment) @method) . (string) @path [(arrow_function) (function_expression)] @_inline .)
  (#eq? @_on "on")
  (#any-of? @method "GET" "POST" "PUT" "PATCH" "DELETE" "HEAD" "OPTIONS" "get" "post" "put" "patch" "delete" "head" "options")
  (#set! handler "inline")
  (#set! symbol "anonymous")) @finding

(call_expression
  function: (member_expression object: (_) @router property: (property_identifier) @_on)
  arguments: (arguments . (string (string_fragment) @method) . (string) @path (call_expression arguments: (arguments [(arrow_function) (function_expression)] @_inline .)) .)
  (#eq? @_on "on")
  (#any-of? @method "GET" "POST" "PUT" "PATCH" "DELETE" "HEAD" "OPTIONS" "get" "post" "put" "patch" "delete" "head" "options")
  (#set! handler "inline")
  (#set! symbol "anonymous")) @finding
