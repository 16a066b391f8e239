;; category: event
;; framework: vertx
;; description: Vert.x's event bus (vertx.io, "The Event Bus"): `vertx.eventBus().consumer("news.uk.sport", message -> ...)` (or `localConsumer`) registers a handler for the messages sent to an address; `send`, `publish` and `request` put a message on one. The bus is what `eventBus()` returns, written on the call (the documented idiom). The finding is the method that subscribes or sends, the address in `event`.
(method_invocation
  object: (method_invocation name: (identifier) @_bus arguments: (argument_list))
  name: (identifier) @_verb
  arguments: (argument_list . (_) @event . (_))
  (#eq? @_bus "eventBus")
  (#any-of? @_verb "consumer" "localConsumer")
  (#set! kind "subscribe")) @finding

(method_invocation
  object: (method_invocation name: (identifier) @_bus arguments: (argument_list))
  name: (identifier) @_verb
  arguments: (argument_list . (_) @event . (_))
  (#eq? @_bus "eventBus")
  (#any-of? @_verb "send" "publish" "request")
  (#set! kind "publish")) @finding
