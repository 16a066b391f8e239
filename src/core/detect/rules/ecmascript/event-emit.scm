;; category: event
;; description: An event published by name: Node's EventEmitter and NestJS's EventEmitter2 `this.eventEmitter.emit('order.created', payload)`, `bus.emit(...)`, `publish('...')`, Moleculer's broker and context (docs "Events": `broker.emit('user.created', user)` to one instance of each service group, `broker.broadcast(...)` to all, `broker.broadcastLocal('$node.connected')` to the local services). The event's name is a string literal, a configured name (an option the event is named by: `this.broker.emit(this.opts.eventName, list)`; a bare variable is a forwarded name, not an event), or the `name` of a criteria object (@hapi/podium's `emitter.emit({ name: 'log', channel, tags }, data)`); a message object with its `name` and `data` (Medusa's event bus: `eventBus.emit({ name: OrderEvents.PLACED, data: { id } })`) names its event however it is written. Node's stream and HTTP events on a request, response, stream or socket (`res.emit('error', err)`) are I/O, not the application's events.
((call_expression
  function: (member_expression object: (_) @emitter property: (property_identifier) @_verb)
  arguments: (arguments . (string) @event)
  (#any-of? @_verb "emit" "emitAsync" "publish" "broadcast" "broadcastLocal")
  (#set! kind "publish")) @finding
  (#not-match? @finding "^(?:[\\w$]+\\s*\\.\\s*)*(?:req|res|request|response|stream|socket)\\s*\\.\\s*[\\w$]+\\s*\\(\\s*['\"](?:close|finish|end|data|error|readable|drain|pipe|unpipe|pause|resume|aborted|timeout)['\"]"))

(call_expression
  function: (member_expression object: (_) @emitter property: (property_identifier) @_verb)
  arguments: (arguments . (object (pair key: (property_identifier) @_name value: (string) @event)))
  (#any-of? @_verb "emit" "emitAsync")
  (#eq? @_name "name")
  (#set! kind "publish")) @finding

(call_expression
  function: (member_expression object: (_) @emitter property: (property_identifier) @_verb)
  arguments: (arguments . (object (pair key: (property_identifier) @_name value: [(identifier) (member_expression)] @event) (pair key: (property_identifier) @_data)))
  (#any-of? @_verb "emit" "emitAsync")
  (#eq? @_name "name")
  (#eq? @_data "data")
  (#set! kind "publish")) @finding

(call_expression
  function: (member_expression object: (_) @emitter property: (property_identifier) @_verb)
  arguments: (arguments . (member_expression property: (property_identifier) @_option) @event)
  (#any-of? @_verb "emit" "emitAsync" "publish" "broadcast" "broadcastLocal")
  (#any-of? @_option "eventName" "event" "topic")
  (#not-match? @emitter "^(?:[\\w$]+\\s*\\.\\s*)*(?:req|res|request|response|stream|socket)$")
  (#set! kind "publish")) @finding
