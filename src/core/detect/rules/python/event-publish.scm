;; category: event
;; description: A domain event (an instance of a class, so a capitalised name) published or dispatched: `SomethingHappened(...).publish()`, `bus.publish(OrderCreated(...))`, `dispatch(event)`.
(call
  function: (attribute
    object: (call function: (identifier) @event)
    attribute: (identifier) @_verb)
  (#any-of? @_verb "publish" "dispatch" "emit")
  (#match? @event "^[A-Z]")
  (#set! kind "publish")) @finding

(call
  function: (attribute attribute: (identifier) @_verb)
  arguments: (argument_list . (call function: (identifier) @event))
  (#any-of? @_verb "publish" "dispatch" "emit")
  (#match? @event "^[A-Z]")
  (#set! kind "publish")) @finding
