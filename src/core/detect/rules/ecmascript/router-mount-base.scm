;; hint: include
;; qualifies: wrapper h3.withBase koa-mount koa-mount.default
;; description: An application mounted under a base path through a handler that strips the base before calling it, h3's `withBase` (docs "Advanced utils": `app.use('/api/**', withBase('/api', api.handler))`, also registered as a route, `app.all('/api/**', ...)`): the application's routes answer under the base; and koa-mount's `mount` (its README: `app.use(mount('/api', api))`, `app.use(mount(api))` at the root, a Koa application or middleware mounted under a path, the path stripped before it runs). The resolver keeps it when the mounted object is a known application, and tells the `use` as a mount, not as middleware.
(call_expression
  function: (member_expression object: (_) @parent property: (property_identifier) @_verb)
  arguments: (arguments . (string) (call_expression function: (identifier) @wrapper arguments: (arguments . (string) @prefix . (identifier) @child .)) .)
  (#any-of? @_verb "use" "all" "get" "post" "put" "patch" "delete" "head" "options")) @finding

(call_expression
  function: (member_expression object: (_) @parent property: (property_identifier) @_verb)
  arguments: (arguments . (string) (call_expression function: (identifier) @wrapper arguments: (arguments . (string) @prefix . (member_expression object: (identifier) @child property: (property_identifier) @_handler) .)) .)
  (#any-of? @_verb "use" "all" "get" "post" "put" "patch" "delete" "head" "options")
  (#eq? @_handler "handler")) @finding

(call_expression
  function: (member_expression object: (_) @parent property: (property_identifier) @_verb)
  arguments: (arguments . (call_expression function: (identifier) @wrapper arguments: (arguments . (string) @prefix . (identifier) @child .)) .)
  (#eq? @_verb "use")) @finding

(call_expression
  function: (member_expression object: (_) @parent property: (property_identifier) @_verb)
  arguments: (arguments . (call_expression function: (identifier) @wrapper arguments: (arguments . (identifier) @child .)) .)
  (#eq? @_verb "use")) @finding
