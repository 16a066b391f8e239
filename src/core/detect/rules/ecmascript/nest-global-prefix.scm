;; hint: global-prefix
;; description: NestJS `app.setGlobalPrefix('api')` in the bootstrap: every controller's routes are under it.
(call_expression
  function: (member_expression property: (property_identifier) @_verb)
  arguments: (arguments . (string) @prefix)
  (#eq? @_verb "setGlobalPrefix")) @finding
