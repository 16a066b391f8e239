;; category: event
;; qualifies: event class-with:fire,__iadd__ class-with:fire,subscribe class-with:fire,add_handler class-with:fire,add_listener
;; description: An event fired to its handlers, where the event is an object of the workspace's own event class: one whose handlers are added to it (`event += handler`, `subscribe`, `add_handler`, `add_listener`) and called by its `fire` — the events of an application's life cycle a framework offers (BlackSheep's "Application events": `app.on_start += handler`, fired by `await self.on_start.fire()`). The function that fires it publishes the event.
(call
  function: (attribute object: (_) @event attribute: (identifier) @_verb)
  (#eq? @_verb "fire")
  (#set! kind "publish")) @finding
