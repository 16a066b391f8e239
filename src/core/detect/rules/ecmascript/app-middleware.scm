;; category: middleware
;; framework: express
;; resolves: router-middleware
;; description: Middleware installed on an application or router, in the order of the calls: Express and Koa `app.use(helmet())` (a workspace factory's product named after the factory: `app.use(requestTracer())`), `app.use(requestLogger)`, `app.use('/v1/auth', authLimiter)`, and functions written in place (`app.use((err, req, res, next) => ...)`, named after the line they start on; under a path only when they take `next`: `app.use('/x', (req, res) => ...)` answers the path, a route); restify's `server.pre(...)` installs them before routing (the methods besides `use` count where the framework file names them). The resolver keeps it when the object is a known application or router, and drops a mounted router (a route prefix, not middleware).
(call_expression
  function: (member_expression object: (_) @app property: (property_identifier) @method)
  arguments: (arguments . [(identifier) (member_expression)] @symbol .)
  (#any-of? @method "use" "pre")) @finding

;; A middleware a factory makes in place (`app.use(helmet())`, Koa's `app.use(requestTracer())`): named after the factory, as a workspace function, or at the call with the factory's name when it is imported.
(call_expression
  function: (member_expression object: (_) @app property: (property_identifier) @method)
  arguments: (arguments . (call_expression function: [(identifier) (member_expression object: [(identifier) (member_expression) (this) (subscript_expression)])] @symbol @middleware) .)
  (#any-of? @method "use" "pre")) @finding

;; A factory's product given options by a chained call (express-unless's `app.use(jwt({ secret }).unless({ path: ['/login'] }))`), a factory made by a call, or one on an object in parentheses (`(passport as any).session()`): at the call.
(call_expression
  function: (member_expression object: (_) @app property: (property_identifier) @method)
  arguments: (arguments . (call_expression function: [(call_expression) (parenthesized_expression) (subscript_expression) (member_expression object: [(call_expression) (parenthesized_expression)])] @middleware) .)
  (#any-of? @method "use" "pre")
  (#set! symbol "anonymous")) @finding

(call_expression
  function: (member_expression object: (_) @app property: (property_identifier) @method)
  arguments: (arguments . (string) . [(identifier) (member_expression)] @symbol .)
  (#any-of? @method "use" "pre")) @finding

;; Middleware written in place: for every request (`app.use((req, res, next) => {...})`, Koa's `app.use(async (ctx, next) => {...})`), or under a path when it takes `next` (`app.use('/store', function (req, res, next) {...})`; `app.use('/x', (req, res) => ...)` answers the path: a route).
(call_expression
  function: (member_expression object: (_) @app property: (property_identifier) @method)
  arguments: (arguments . [(arrow_function) (function_expression)] @_inline .)
  (#any-of? @method "use" "pre")
  (#set! symbol "anonymous")) @finding

(call_expression
  function: (member_expression object: (_) @app property: (property_identifier) @method)
  arguments: (arguments . (string) @path . [(arrow_function parameters: (formal_parameters (_) (_) (_))) (function_expression parameters: (formal_parameters (_) (_) (_)))] @_inline .)
  (#any-of? @method "use" "pre")
  (#set! symbol "anonymous")) @finding
