;; hint: router-factory
;; description: A function that makes a router and returns it (or mounts it on the application it is given: `mountedOn`), `export default () => { const app = Router(); auth(app); return app; }`: its calls stand for the router (`app.use('/api', routes())`), and what is registered on its local (`router`) is registered on it. `maker` is checked against the frameworks' router makers by the resolver.
((statement_block
  (lexical_declaration (variable_declarator name: (identifier) @router value: (call_expression function: [(identifier) (member_expression)] @maker)))) @finding
  (#returns? @finding @router))

;; A function that makes a router and mounts it on the application it is given (Express docs "Routing", express.Router: `const router = express.Router(); router.get(...); app.use('/birds', router)`, written in a function the server calls with its app, `defineRoutes(app)`): what is registered on the local is registered on the function's router, served under the mount's prefix.
((statement_block
  (lexical_declaration (variable_declarator name: (identifier) @router value: (call_expression function: [(identifier) (member_expression)] @maker)))
  (expression_statement
    (call_expression
      function: (member_expression object: (identifier) @mountedOn property: (property_identifier) @_use)
      arguments: (arguments (identifier) @_mounted .))))
  (#eq? @_use "use")
  (#eq? @router @_mounted)) @finding
