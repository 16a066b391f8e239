;; hint: router-pass
;; description: A router handed to a function that registers routes on it, as Express services split their routes: `auth(app); user(app);` in the function that makes the router (`const app = Router(); ...; return app`), each module exporting `(app: Router) => { app.use('/auth', route); ... }`. The resolver mounts what the function registers on its parameter under the router given.
(expression_statement
  (call_expression
    function: [(identifier) (member_expression)] @callee
    arguments: (arguments . (identifier) @router .))) @finding
