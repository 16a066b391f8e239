;; hint: global-prefix
;; framework: routing-controllers
;; qualifies: server routing-controllers.createExpressServer routing-controllers.useExpressServer routing-controllers.createKoaServer routing-controllers.useKoaServer
;; description: The route prefix of a routing-controllers application (docs: "Prefix all controllers routes"), `createExpressServer({ routePrefix: '/api', controllers: [...] })` or `useExpressServer(app, { routePrefix })` (Koa's alike): every controller's routes are under it. A prefix read from a constant or the environment (`routePrefix: env.app.routePrefix`) is kept as written.
(call_expression
  function: (identifier) @server
  arguments: (arguments
    (object
      (pair
        key: (property_identifier) @_key
        value: [(string) @prefix (member_expression) @prefixName (identifier) @prefixName (call_expression) @prefixName])))
  (#eq? @_key "routePrefix")) @finding
