;; category: middleware
;; framework: express
;; resolves: router-middleware
;; description: Middleware installed on an application or router, in the order of the calls: Express and Koa `app.use(helmet())`, `app.use(requestLogger)`, `app.use('/v1/auth', authLimiter)`, and functions written in place (`app.use((err, req, res, next) => ...)`, named after the line they start on). The resolver keeps it when the object is a known application or router, and drops a mounted router (a route prefix, not middleware).
(call_expression
  function: (member_expression object: (_) @app property: (property_identifier) @_use)
  arguments: (arguments . [(identifier) (member_expression)] @symbol .)
  (#eq? @_use "use")) @finding

(call_expression
  function: (member_expression object: (_) @app property: (property_identifier) @_use)
  arguments: (arguments . (call_expression function: (_) @middleware) .)
  (#eq? @_use "use")
  (#set! symbol "anonymous")) @finding

(call_expression
  function: (member_expression object: (_) @app property: (property_identifier) @_use)
  arguments: (arguments . (string) . [(identifier) (member_expression)] @symbol .)
  (#eq? @_use "use")) @finding

(call_expression
  function: (member_expression object: (_) @app property: (property_identifier) @_use)
  arguments: (arguments . [(arrow_function) (function_expression)] @finding .)
  (#eq? @_use "use")
  (#set! symbol "anonymous"))

(call_expression
  function: (member_expression object: (_) @app property: (property_identifier) @_use)
  arguments: (arguments . (string) . [(arrow_function) (function_expression)] @finding .)
  (#eq? @_use "use")
  (#set! symbol "anonymous"))
