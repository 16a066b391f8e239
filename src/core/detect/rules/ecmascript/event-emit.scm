;; category: event
;; description: An event published by name: Node's EventEmitter and NestJS's EventEmitter2 `this.eventEmitter.emit('order.created', payload)`, `bus.emit(...)`, `publish('...')`. The event's name is a string literal.
(call_expression
  function: (member_expression object: (_) @emitter property: (property_identifier) @_verb)
  arguments: (arguments . (string) @event)
  (#any-of? @_verb "emit" "emitAsync" "publish")
  (#set! kind "publish")) @finding
