;; category: event
;; framework: spring
;; description: An application event published: `publisher.publishEvent(new OrderPlaced(...))` on an `ApplicationEventPublisher` (or the `ApplicationContext`, which is one); the finding is the method that publishes, the event as written.
(method_invocation
  object: (_)
  name: (identifier) @_publish
  arguments: (argument_list . (_) @event)
  (#eq? @_publish "publishEvent")) @finding
