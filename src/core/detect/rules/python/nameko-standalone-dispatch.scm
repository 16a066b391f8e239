;; category: event
;; framework: nameko
;; qualifies: dispatcher nameko.standalone.events.event_dispatcher
;; description: A Nameko event dispatched from outside a service (nameko.readthedocs.io, "Built-in Extensions", Events, standalone): the dispatcher `event_dispatcher(config)` makes is given the service the event is said to come from, then the event's type, `dispatch("service_a", "event_type", payload)`. The finding is the function that dispatches, or the call at module level.
(call
  function: [(identifier) (attribute)] @dispatcher
  arguments: (argument_list . (string) . (string) @event)
  (#set! kind "publish")) @finding
