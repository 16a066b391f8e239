;; hint: route-chain
;; description: The start of an Express route chain, `router.route('/users')`: the path and router of the verb calls chained on it.
(call_expression
  function: (member_expression object: (_) @router property: (property_identifier) @_verb)
  arguments: (arguments . (string) @path .)
  (#eq? @_verb "route")) @finding
