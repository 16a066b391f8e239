;; hint: router-factory
;; description: A function that makes a router and returns it, `export default () => { const app = Router(); auth(app); return app; }`: its calls stand for the router (`app.use('/api', routes())`), and what is registered on its local (`router`) is registered on it. `maker` is checked against the frameworks' router makers by the resolver.
((statement_block
  (lexical_declaration (variable_declarator name: (identifier) @router value: (call_expression function: [(identifier) (member_expression)] @maker)))
  (return_statement (identifier) @_returned))
  (#eq? @router @_returned)) @finding
