;; hint: include
;; description: A router mounted under a prefix: Express `app.use('/api', auth, apiRouter)` and `app.use(router)`, Hono `app.route('/books', books)`. The resolver keeps it when the mounted object is a known router.
(call_expression
  function: (member_expression object: (_) @parent property: (property_identifier) @_verb)
  arguments: (arguments . (string) @prefix [(identifier) (member_expression)] @child .)
  (#any-of? @_verb "use" "route")) @finding

(call_expression
  function: (member_expression object: (_) @parent property: (property_identifier) @_verb)
  arguments: (arguments . [(identifier) (member_expression)] @child .)
  (#eq? @_verb "use")) @finding
