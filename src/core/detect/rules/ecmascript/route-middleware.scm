;; category: middleware
;; framework: express
;; resolves: route-middleware
;; description: Route-level middleware: the functions given before a route's handler, `router.get('/me', auth.required, loadUser, restrict('admin'), handler)` (Express, Koa routers, Hono) and in Express's chained form `router.route('/').post(auth('manageUsers'), validate(schema), create)`, and those before a router in `app.use('/api', auth, apiRouter)`. A name or a property (`middlewares.isAuth`) is the middleware; a call (`validate(schema)`) makes one, and its callee, the factory, is named; a function written in place that takes the request, the response and `next` (Express's `(req, res, next) => {...}`, Koa's `async (ctx, next) => {...}`) is one, named after its line. The handler (or router) comes last; a named one is `handler`. The resolver keeps them when the object is a known application or router whose framework takes middleware there (not Fastify, whose route options come there) and the value is a function: a workspace function, a value made by a call, a name imported from a package, before a handler that is one too (an HTTP client's `api.post(url, payload, headers)` has the same shape).
(call_expression
  function: (member_expression object: (_) @app property: (property_identifier) @_verb)
  arguments: (arguments . (string) [(identifier) (member_expression)] @symbol @middleware @finding [(identifier) @handler (member_expression) @handler (arrow_function) (function_expression) (call_expression)] .)
  (#any-of? @_verb "get" "post" "put" "patch" "delete" "head" "options" "all" "use" "del" "opts"))

(call_expression
  function: (member_expression object: (_) @app property: (property_identifier) @_verb)
  arguments: (arguments . (string) (call_expression function: [(identifier) (member_expression)] @symbol @middleware) @finding [(identifier) @handler (member_expression) @handler (arrow_function) (function_expression) (call_expression)] .)
  (#any-of? @_verb "get" "post" "put" "patch" "delete" "head" "options" "all" "use" "del" "opts"))

(call_expression
  function: (member_expression object: (_) @app property: (property_identifier) @_verb)
  arguments: (arguments . (string) [(arrow_function parameters: (formal_parameters (_) (_) (_) .)) (function_expression parameters: (formal_parameters (_) (_) (_) .))] @finding [(identifier) @handler (member_expression) @handler (arrow_function) (function_expression) (call_expression)] .)
  (#any-of? @_verb "get" "post" "put" "patch" "delete" "head" "options" "all" "use" "del" "opts")
  (#set! symbol "anonymous"))

(call_expression
  function: (member_expression object: (_) @app property: (property_identifier) @_verb)
  arguments: (arguments . (string) [(arrow_function parameters: (formal_parameters . (_) . (_) @_next .)) (function_expression parameters: (formal_parameters . (_) . (_) @_next .))] @finding [(identifier) @handler (member_expression) @handler (arrow_function) (function_expression) (call_expression)] .)
  (#match? @_next "^next(\\s*:|$)")
  (#any-of? @_verb "get" "post" "put" "patch" "delete" "head" "options" "all" "use" "del" "opts")
  (#set! symbol "anonymous"))

(call_expression
  function: (member_expression
    object: (call_expression function: (member_expression object: (_) @app property: (property_identifier) @_route))
    property: (property_identifier) @_verb)
  arguments: (arguments [(identifier) (member_expression)] @symbol @middleware @finding [(identifier) @handler (member_expression) @handler (arrow_function) (function_expression) (call_expression)] .)
  (#eq? @_route "route")
  (#any-of? @_verb "get" "post" "put" "patch" "delete" "head" "options" "all" "del" "opts"))

(call_expression
  function: (member_expression
    object: (call_expression function: (member_expression object: (_) @app property: (property_identifier) @_route))
    property: (property_identifier) @_verb)
  arguments: (arguments (call_expression function: [(identifier) (member_expression)] @symbol @middleware) @finding [(identifier) @handler (member_expression) @handler (arrow_function) (function_expression) (call_expression)] .)
  (#eq? @_route "route")
  (#any-of? @_verb "get" "post" "put" "patch" "delete" "head" "options" "all" "del" "opts"))
