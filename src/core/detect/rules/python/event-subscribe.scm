;; category: event
;; description: A domain-event handler registered on a message bus: `bus.subscribe(OrderCreated, send_receipt)`, `register_handler(...)`, `add_listener(...)`, where the event is a class (a capitalised name).
(call
  function: [(identifier) (attribute)] @_verb
  arguments: (argument_list . [(identifier) (attribute)] @event . [(identifier) (attribute)] @handler)
  (#match? @_verb "(^|\\.)(subscribe|register_handler|add_handler|add_listener|add_event_handler|listen)$")
  (#match? @event "(^|\\.)[A-Z]\\w*$")
  (#set! kind "subscribe")) @finding
