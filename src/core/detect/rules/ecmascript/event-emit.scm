;; category: event
;; description: An event published by name: Node's EventEmitter and NestJS's EventEmitter2 `this.eventEmitter.emit('order.created', payload)`, `bus.emit(...)`, `publish('...')`. The event's name is a string literal, or the `name` of a criteria object (@hapi/podium's `emitter.emit({ name: 'log', channel, tags }, data)`). Node's stream and HTTP events on a request, response, stream or socket (`res.emit('error', err)`) are I/O, not the application's events.
(call_expression
  function: (member_expression object: (_) @emitter property: (property_identifier) @_verb)
  arguments: (arguments . (string) @event)
  (#any-of? @_verb "emit" "emitAsync" "publish")
  (#not-match? @finding "^(?:[\\w$]+\\s*\\.\\s*)*(?:req|res|request|response|stream|socket)\\s*\\.\\s*[\\w$]+\\s*\\(\\s*['\"](?:close|finish|end|data|error|readable|drain|pipe|unpipe|pause|resume|aborted|timeout)['\"]")
  (#set! kind "publish")) @finding

(call_expression
  function: (member_expression object: (_) @emitter property: (property_identifier) @_verb)
  arguments: (arguments . (object (pair key: (property_identifier) @_name value: (string) @event)))
  (#any-of? @_verb "emit" "emitAsync")
  (#eq? @_name "name")
  (#set! kind "publish")) @finding
