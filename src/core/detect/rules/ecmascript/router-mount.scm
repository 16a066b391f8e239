;; hint: include
;; description: A router mounted under a prefix: Express `app.use('/api', auth, apiRouter)` and `app.use(router)`, a prefix kept in a constant (`app.use(config.api.prefix, routes())`, `prefixName`) or a template literal, a router a function makes and returns (`routes()`), a module required in place (`app.use('api', require('./api'))`: what it exports, `childModule`), Hono `app.route('/books', books)`, Koa `app.use(router.routes())`, Fastify plugins `fastify.register(routes, { prefix: '/v1' })`, named or written in place (`childInPlace`) (`plugin` names the framework whose plugins they are). The resolver keeps it when the mounted object is a known router or a registered plugin function.
(call_expression
  function: (member_expression object: (_) @parent property: (property_identifier) @_verb)
  arguments: (arguments . [(string) (template_string)] @prefix [(identifier) (member_expression) (call_expression function: [(identifier) (member_expression)] arguments: (arguments) @_none)] @child .)
  (#any-of? @_verb "use" "route")
  (#not-match? @_none "[^()\\s]")) @finding

(call_expression
  function: (member_expression object: (_) @parent property: (property_identifier) @_verb)
  arguments: (arguments . [(identifier) (member_expression)] @prefixName [(identifier) (member_expression) (call_expression function: [(identifier) (member_expression)] arguments: (arguments) @_none)] @child .)
  (#any-of? @_verb "use" "route")
  (#not-match? @_none "[^()\\s]")) @finding

(call_expression
  function: (member_expression object: (_) @parent property: (property_identifier) @_verb)
  arguments: (arguments . [(identifier) (member_expression)] @child .)
  (#eq? @_verb "use")) @finding

(call_expression
  function: (member_expression object: (_) @parent property: (property_identifier) @_verb)
  arguments: (arguments . (call_expression function: (member_expression object: [(identifier) (member_expression)] @child property: (property_identifier) @_routes)) .)
  (#eq? @_verb "use")
  (#eq? @_routes "routes")) @finding

(call_expression
  function: (member_expression object: (_) @parent property: (property_identifier) @_verb)
  arguments: (arguments . [(identifier) (member_expression)] @child . (object (pair key: (property_identifier) @_key value: (string) @prefix)))
  (#eq? @_verb "register")
  (#eq? @_key "prefix")
  (#set! plugin "fastify")) @finding

;; A plugin written in place (Fastify docs "Routes", route prefixing: `fastify.register(function (instance, opts, done) {...}, { prefix: '/v1' })`): the hint is named after the line it starts on, and so is the plugin.
(call_expression
  function: (member_expression object: (_) @parent property: (property_identifier) @_verb)
  arguments: (arguments . [(function_expression) (arrow_function)] @_inline . (object (pair key: (property_identifier) @_key value: (string) @prefix)))
  (#eq? @_verb "register")
  (#eq? @_key "prefix")
  (#set! plugin "fastify")
  (#set! childInPlace "true")
  (#set! symbol "anonymous")) @finding

(call_expression
  function: (member_expression object: (_) @parent property: (property_identifier) @_verb)
  arguments: (arguments . [(identifier) (member_expression)] @child .)
  (#eq? @_verb "register")
  (#set! plugin "fastify")) @finding

(call_expression
  function: (member_expression object: (_) @parent property: (property_identifier) @_verb)
  arguments: (arguments . [(string) (template_string)] @prefix (call_expression function: (identifier) @_require arguments: (arguments . (string) @childModule .)) .)
  (#eq? @_verb "use")
  (#eq? @_require "require")) @finding

(call_expression
  function: (member_expression object: (_) @parent property: (property_identifier) @_verb)
  arguments: (arguments . (call_expression function: (identifier) @_require arguments: (arguments . (string) @childModule .)) .)
  (#eq? @_verb "use")
  (#eq? @_require "require")) @finding
