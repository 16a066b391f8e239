;; category: event
;; description: An event handed to the listeners registered for it, the observer pattern in Java's own words: a dispatch call named for what it does with an event (`eventProcessor.consumeEvent(event)`, AWT's `processEvent(e)` and `dispatchEvent(e)`, JSF's and Vaadin's `fireEvent(e)`, `bus.postEvent(e)`) on an object, and a listener subscribed with `on…` on the publisher a component exposes (`breaker.getEventPublisher().onStateTransition(e -> ...)`). A component's own delegation to its base class (`super.processEvent(event)`) is no publication. The finding is the method that publishes or subscribes.
(method_invocation
  object: (_) @_object
  name: (identifier) @_dispatch
  arguments: (argument_list . (_) @event .)
  (#not-eq? @_object "super")
  (#match? @_dispatch "^(consume|process|dispatch|fire|post|emit)Event$")) @finding

(method_invocation
  object: (method_invocation name: (identifier) @_publisher arguments: (argument_list))
  name: (identifier) @_subscribe
  arguments: (argument_list . (_) .)
  (#match? @_publisher "^get[A-Za-z]*EventPublisher$")
  (#match? @_subscribe "^on[A-Z][A-Za-z]*$")) @finding
