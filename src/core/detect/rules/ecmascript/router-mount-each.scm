;; hint: include
;; description: Routers mounted for each entry of a list, as Express boilerplates write it: `const routes = [{ path: '/auth', route: authRoute }, ...]; routes.forEach((r) => { router.use(r.path, r.route); })`. The resolver reads the list's entries (the prefix and router properties the call names) and mounts each one as `router.use('/auth', authRoute)` would.
(call_expression
  function: (member_expression object: (identifier) @list property: (property_identifier) @_each)
  arguments: (arguments .
    [(arrow_function
       body: [
         (statement_block (expression_statement (call_expression
           function: (member_expression object: (_) @parent property: (property_identifier) @_verb)
           arguments: (arguments . (member_expression object: (identifier) property: (property_identifier) @prefixKey) . (member_expression object: (identifier) property: (property_identifier) @childKey) .))))
         (call_expression
           function: (member_expression object: (_) @parent property: (property_identifier) @_verb)
           arguments: (arguments . (member_expression object: (identifier) property: (property_identifier) @prefixKey) . (member_expression object: (identifier) property: (property_identifier) @childKey) .))])
     (function_expression
       body: (statement_block (expression_statement (call_expression
         function: (member_expression object: (_) @parent property: (property_identifier) @_verb)
         arguments: (arguments . (member_expression object: (identifier) property: (property_identifier) @prefixKey) . (member_expression object: (identifier) property: (property_identifier) @childKey) .)))))])
  (#eq? @_each "forEach")
  (#any-of? @_verb "use" "route")) @finding
