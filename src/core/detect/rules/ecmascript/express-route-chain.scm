;; category: route
;; framework: express
;; resolves: router-call-chain
;; description: A route in Express's chained form, `router.route('/:userId').get(auth(), getUser).patch(updateUser)`: each verb call is a route, whose path and router the resolver takes from the `route(...)` call the chain starts with (hint `route-chain`).
(call_expression
  function: (member_expression object: (call_expression) @_chain property: (property_identifier) @method)
  arguments: (arguments [(identifier) (member_expression)] @symbol .)
  (#any-of? @method "get" "post" "put" "patch" "delete" "head" "options" "all")
  (#match? @_chain "\\.route\\(")
  (#set! handler "named")) @finding
