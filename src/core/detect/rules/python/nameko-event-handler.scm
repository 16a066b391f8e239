;; category: event
;; framework: nameko
;; qualifies: decorator nameko.events.event_handler
;; description: A Nameko event handler (nameko.readthedocs.io, "Built-in Extensions", Events): a service's method decorated `@event_handler("source_service", "event_type")` runs for each event of that type the source service dispatches.
(decorated_definition
  (decorator
    (call
      function: [(identifier) (attribute)] @decorator
      arguments: (argument_list . (string) . (string) @event)))
  definition: (function_definition)
  (#set! kind "subscribe")) @finding
