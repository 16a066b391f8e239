;; category: event
;; qualifies: emitter @nestjs/event-emitter.EventEmitter2 eventemitter2.EventEmitter2 eventemitter2 events.EventEmitter node:events.EventEmitter events node:events event-dispatch.EventDispatcher event-dispatching.EventDispatcher type-events.EventDispatcher
;; description: An event published by a name held in a constant or computed (`this.eventEmitter.emit(OrderCreatedEvent.getName(), event)`, `emitter.emit(EVENTS.created, payload)`) on an object the code types as an event emitter: NestJS's `EventEmitter2` (@nestjs/event-emitter, the documented Events technique) or Node's `EventEmitter`. A literal name is read by event-emit. The decorator-based dispatchers' `EventDispatcher` (event-dispatch, event-dispatching, type-events) publishes with `dispatch`, its name literal or not (`this.eventDispatcher.dispatch(events.user.signUp, { user })`).
(call_expression
  function: (member_expression object: (_) @emitter property: (property_identifier) @_verb)
  arguments: (arguments . [(identifier) (member_expression) (call_expression) (template_string)] @event)
  (#any-of? @_verb "emit" "emitAsync")
  (#set! kind "publish")) @finding

(call_expression
  function: (member_expression object: (_) @emitter property: (property_identifier) @_verb)
  arguments: (arguments . (_) @event)
  (#eq? @_verb "dispatch")
  (#set! kind "publish")) @finding
