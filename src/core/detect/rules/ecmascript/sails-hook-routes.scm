;; category: middleware
;; framework: sails
;; description: A Sails hook's shadow routes (docs "Hook specification: .routes": `routes: { before: { 'GET /*': function (req, res, next) {...} }, after: {...} }`): functions bound to a route address before or after the app's own routes, run as middleware of every request the address matches; each is named after the line it starts on.
(pair
  key: (property_identifier) @_routes
  value: (object
    (pair
      key: (property_identifier) @when
      value: (object
        (pair
          key: (string) @address
          value: [(function_expression) (arrow_function)] @_inline @finding))))
  (#eq? @_routes "routes")
  (#any-of? @when "before" "after")
  (#set! symbol "anonymous"))
