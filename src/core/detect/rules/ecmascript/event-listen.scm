;; category: event
;; description: A handler subscribed to an event by name: EventEmitter `emitter.on('order.created', handler)` / `once(...)` / `addListener(...)`, a named handler or one written in place. (NestJS's `@OnEvent(...)` is a framework decorator: src/core/frameworks/nestjs.yml.)
(call_expression
  function: (member_expression object: (_) @emitter property: (property_identifier) @_verb)
  arguments: (arguments . (string) @event . [(identifier) (member_expression)] @handler)
  (#any-of? @_verb "on" "once" "addListener" "subscribe")
  (#set! kind "subscribe")) @finding

(call_expression
  function: (member_expression object: (_) @emitter property: (property_identifier) @_verb)
  arguments: (arguments . (string) @event . [(arrow_function) (function_expression)])
  (#any-of? @_verb "on" "once" "addListener" "subscribe")
  (#set! kind "subscribe")) @finding
