;; category: event
;; qualifies: emitter @nestjs/event-emitter.EventEmitter2 eventemitter2.EventEmitter2 eventemitter2 events.EventEmitter node:events.EventEmitter events node:events eventemitter3 eventemitter3.EventEmitter hookified.Hookified hookified.Eventified event-dispatch.EventDispatcher event-dispatching.EventDispatcher type-events.EventDispatcher class-with:emit,subscribe
;; description: An event published by a name held in a constant or computed (`this.eventEmitter.emit(OrderCreatedEvent.getName(), event)`, `emitter.emit(EVENTS.created, payload)`) on an object the code types as an event emitter — an attribute's, a parameter's or a local's type, or the class of `this.emit(...)` and what it extends: NestJS's `EventEmitter2` (@nestjs/event-emitter, the documented Events technique), Node's `EventEmitter`, eventemitter3's, hookified's `Hookified`/`Eventified` ("a simple replacement for EventEmitter"); or the workspace's own event bus, a class or interface that declares both `emit` and `subscribe` (`eventBus.emit(messages)`, the message naming its event). A literal name is read by event-emit. The decorator-based dispatchers' `EventDispatcher` (event-dispatch, event-dispatching, type-events) publishes with `dispatch`, its name literal or not (`this.eventDispatcher.dispatch(events.user.signUp, { user })`).
(call_expression
  function: (member_expression object: (_) @emitter property: (property_identifier) @_verb)
  arguments: (arguments . [(identifier) (member_expression) (subscript_expression) (call_expression) (template_string)] @event)
  (#any-of? @_verb "emit" "emitAsync")
  (#set! kind "publish")) @finding

(call_expression
  function: (member_expression object: (_) @emitter property: (property_identifier) @_verb)
  arguments: (arguments . (_) @event)
  (#eq? @_verb "dispatch")
  (#set! kind "publish")) @finding
