;; hint: route-object
;; framework: marble
;; description: A Marble.js route (docs.marblejs.com, "HTTP route"): `const getUser$ = r.pipe(r.matchPath('/:id'), r.matchType('GET'), r.useEffect(req$ => ...))`, a named value the route groups list (hint `route-group`) and the listener serves. Its path and method are the `matchPath` and `matchType` given; the effect in `useEffect` answers (one written in place is named after its line; the hint of a named one is its `useEffect` call, so that it is named after the effect, not the route).
(variable_declarator
  name: (identifier) @name
  value: (call_expression
    function: (member_expression property: (property_identifier) @_pipe)
    arguments: (arguments
      (call_expression function: (member_expression property: (property_identifier) @_path) arguments: (arguments . (string) @path))
      (call_expression function: (member_expression property: (property_identifier) @_type) arguments: (arguments . (string) @method))
      (call_expression function: (member_expression property: (property_identifier) @_use) arguments: (arguments . [(arrow_function) (function_expression)] @_inline))))
  (#eq? @_pipe "pipe")
  (#eq? @_path "matchPath")
  (#eq? @_type "matchType")
  (#eq? @_use "useEffect")
  (#set! symbol "anonymous")) @finding

(variable_declarator
  name: (identifier) @name
  value: (call_expression
    function: (member_expression property: (property_identifier) @_pipe)
    arguments: (arguments
      (call_expression function: (member_expression property: (property_identifier) @_path) arguments: (arguments . (string) @path))
      (call_expression function: (member_expression property: (property_identifier) @_type) arguments: (arguments . (string) @method))
      (call_expression function: (member_expression property: (property_identifier) @_use) arguments: (arguments . [(identifier) (member_expression)] @symbol)) @finding))
  (#eq? @_pipe "pipe")
  (#eq? @_path "matchPath")
  (#eq? @_type "matchType")
  (#eq? @_use "useEffect"))
