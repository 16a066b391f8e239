;; category: event
;; framework: pyramid
;; qualifies: decorator pyramid.events.subscriber
;; description: A Pyramid event subscriber declared with `@subscriber(NewRequest)` (found by `config.scan()`; "Using events" in Pyramid's documentation): the decorated function handles the events it names.
(decorated_definition
  (decorator
    (call
      function: [(identifier) (attribute)] @decorator
      arguments: (argument_list . [(identifier) (attribute)] @event)))
  definition: (function_definition)
  (#set! kind "subscribe")) @finding
