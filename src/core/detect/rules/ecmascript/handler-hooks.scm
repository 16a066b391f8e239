;; category: middleware
;; framework: h3
;; qualifies: maker h3.defineEventHandler h3.eventHandler h3.H3 h3.createApp
;; description: Request hooks given beside a handler or an application, h3's object syntax (docs "Event Handlers", "H3 App Options"): `defineEventHandler({ onRequest: auth, onBeforeResponse: [log], handler })` runs them around that handler, `new H3({ onRequest, onBeforeResponse })` around every request. A hook written in place is named after the line it starts on; a list of hooks gives one finding per entry. The maker is called or constructed (`(_ ...)`: a call or a `new`).
(_
  [(identifier) (member_expression)] @maker
  .
  (arguments . (object (pair key: (property_identifier) @hook value: [(arrow_function) (function_expression)] @_inline)))
  (#any-of? @hook "onRequest" "onBeforeResponse")
  (#set! symbol "anonymous")) @finding

(_
  [(identifier) (member_expression)] @maker
  .
  (arguments . (object (pair key: (property_identifier) @hook value: [(identifier) (member_expression)] @symbol)))
  (#any-of? @hook "onRequest" "onBeforeResponse")) @finding

(_
  [(identifier) (member_expression)] @maker
  .
  (arguments . (object (pair key: (property_identifier) @hook value: (array [(identifier) (member_expression)] @symbol))))
  (#any-of? @hook "onRequest" "onBeforeResponse")) @finding
