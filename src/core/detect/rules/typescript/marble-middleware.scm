;; category: middleware
;; framework: marble
;; qualifies: type @marblejs/http.HttpMiddlewareEffect @marblejs/websockets.WsMiddlewareEffect @marblejs/messaging.MsgMiddlewareEffect @marblejs/core.HttpMiddlewareEffect
;; description: A Marble.js middleware (docs "Middlewares": an effect of the request stream, `HttpMiddlewareEffect`, given to `httpListener({ middlewares })` or `combineRoutes(path, { middlewares })`; `WsMiddlewareEffect` and `MsgMiddlewareEffect` for the WebSocket and messaging listeners), written as a constant of that type (`const auth$: HttpMiddlewareEffect = req$ => ...`) or a factory returning one (`const cors$ = (options): HttpMiddlewareEffect => req$ => ...`).
(variable_declarator
  type: (type_annotation [(type_identifier) @type (generic_type name: (type_identifier) @type)])
  value: (arrow_function)) @finding

(variable_declarator
  value: (arrow_function return_type: (type_annotation [(type_identifier) @type (generic_type name: (type_identifier) @type)]))) @finding
