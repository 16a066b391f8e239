;; category: event
;; framework: nameko
;; qualifies: dispatcher nameko.events.EventDispatcher nameko.standalone.events.event_dispatcher
;; description: A Nameko event dispatched (nameko.readthedocs.io, "Built-in Extensions", Events): in a service, by its `EventDispatcher()` dependency (`dispatch = EventDispatcher()` on the class, `self.dispatch("event_type", payload)`); outside one, by the dispatcher `nameko.standalone.events.event_dispatcher(config)` makes (`dispatch("service_a", "event_type", payload)`). The finding is the function that dispatches, or the call at module level.
(call
  function: [(identifier) (attribute)] @dispatcher
  arguments: (argument_list . (string) @event)
  (#set! kind "publish")) @finding
