;; category: middleware
;; qualifies: chained finding:middleware
;; description: A factory that returns a chain of middleware written elsewhere in the workspace (restify's handler chains, docs "Server API": `use` and the verbs take arrays of handlers; Express's `app.use` and route methods take them too): `return [checkIfMatch, checkIfNoneMatch]`, or a list it binds to a name and returns (`var chain = [a, b]; return chain;`). Kept when the chain's first handler is a middleware finding; the factory is what an application installs (`server.use(restify.plugins.conditionalRequest())`).
(function_declaration
  body: (statement_block (return_statement (array . (identifier) @chained))))
  @finding

(function_declaration
  body: (statement_block
    [(variable_declaration (variable_declarator name: (identifier) @_list value: (array . (identifier) @chained)))
     (lexical_declaration (variable_declarator name: (identifier) @_list value: (array . (identifier) @chained)))]
    (return_statement (identifier) @_returned))
  (#eq? @_list @_returned)) @finding

(variable_declarator
  value: (arrow_function body: [
    (array . (identifier) @chained)
    (statement_block (return_statement (array . (identifier) @chained)))])) @finding
