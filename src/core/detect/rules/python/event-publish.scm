;; category: event
;; description: A domain event published or dispatched: `SomethingHappened(...).publish()`, `bus.publish(OrderCreated(...))`, `dispatch(event)`.
(call
  function: (attribute
    object: (call function: (identifier) @event)
    attribute: (identifier) @_verb)
  (#any-of? @_verb "publish" "dispatch" "emit")
  (#set! kind "publish")) @finding

(call
  function: (attribute attribute: (identifier) @_verb)
  arguments: (argument_list . (call function: (identifier) @event))
  (#any-of? @_verb "publish" "dispatch" "emit")
  (#set! kind "publish")) @finding
