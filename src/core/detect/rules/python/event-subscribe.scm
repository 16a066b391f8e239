;; category: event
;; description: A domain-event handler registered on a message bus: `bus.subscribe(OrderCreated, send_receipt)`, `register_handler(...)`, `add_listener(...)`, where the event is a class (a capitalised name); or, handler first, Pyramid's `config.add_subscriber(log_request, NewRequest)`.
(call
  function: [(identifier) (attribute)] @_verb
  arguments: (argument_list . [(identifier) (attribute)] @event . [(identifier) (attribute)] @handler)
  (#match? @_verb "(^|\\.)(subscribe|register_handler|add_handler|add_listener|add_event_handler|listen)$")
  (#match? @event "(^|\\.)[A-Z]\\w*$")
  (#set! kind "subscribe")) @finding

(call
  function: (attribute attribute: (identifier) @_verb)
  arguments: (argument_list . [(identifier) (attribute)] @handler . [(identifier) (attribute)] @event)
  (#eq? @_verb "add_subscriber")
  (#match? @event "(^|\\.)[A-Z]\\w*$")
  (#set! kind "subscribe")) @finding
