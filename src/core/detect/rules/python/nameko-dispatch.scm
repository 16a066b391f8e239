;; category: event
;; framework: nameko
;; qualifies: dispatcher nameko.events.EventDispatcher
;; description: A Nameko event dispatched by a service (nameko.readthedocs.io, "Built-in Extensions", Events): by its `EventDispatcher()` dependency, `dispatch = EventDispatcher()` on the class, `self.dispatch("event_type", payload)`. The finding is the method that dispatches.
(call
  function: [(identifier) (attribute)] @dispatcher
  arguments: (argument_list . (string) @event)
  (#set! kind "publish")) @finding
