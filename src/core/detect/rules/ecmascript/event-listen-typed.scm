;; category: event
;; qualifies: emitter @nestjs/event-emitter.EventEmitter2 eventemitter2.EventEmitter2 eventemitter2 events.EventEmitter node:events.EventEmitter events node:events eventemitter3 eventemitter3.EventEmitter hookified.Hookified hookified.Eventified class-with:emit,subscribe
;; description: A handler subscribed to an event whose name is held in a constant or a variable (`emitter.on(EVENTS.created, handler)`, `eventBus.subscribe(eventName, subscriber)`), on an object the code types as an event emitter or as the workspace's own event bus (a class or interface declaring both `emit` and `subscribe`), as event-emit-typed reads the emitter. A literal name is read by event-listen.
(call_expression
  function: (member_expression object: (_) @emitter property: (property_identifier) @_verb)
  arguments: (arguments . [(identifier) (member_expression) (subscript_expression)] @event . (_) @handler)
  (#any-of? @_verb "on" "once" "addListener" "subscribe")
  (#set! kind "subscribe")) @finding
