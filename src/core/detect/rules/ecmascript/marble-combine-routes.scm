;; hint: route-group
;; framework: marble
;; description: Marble.js routes grouped under a path (docs.marblejs.com, "HTTP routing", `combineRoutes`): `export const user$ = combineRoutes('/user', [getUser$, postUser$])`, or with middleware, `combineRoutes('/user', { middlewares: [authorize$], effects: [getUser$] })`. The routes and groups it lists by name (`members`) answer under its path, and under the paths of the groups that list it in turn.
(variable_declarator
  name: (identifier) @name
  value: (call_expression
    function: (identifier) @_combine
    arguments: (arguments . (string) @prefix . (array) @members .))
  (#eq? @_combine "combineRoutes")) @finding

(variable_declarator
  name: (identifier) @name
  value: (call_expression
    function: (identifier) @_combine
    arguments: (arguments . (string) @prefix . (object (pair key: (property_identifier) @_effects value: (array) @members)) .))
  (#eq? @_combine "combineRoutes")
  (#eq? @_effects "effects")) @finding
