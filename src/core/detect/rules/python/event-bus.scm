;; category: event
;; qualifies: emitter class-with:publish,subscribe
;; description: An event published on, or a handler subscribed to, the workspace's own event bus: a `publish…`/`emit…` or `subscribe` call on an object whose class — an attribute's annotation (`_event_broker: EventBroker`), an import — defines both `publish` and `subscribe`. The events of any kind a library's broker carries: `await self._event_broker.publish(event)`, `self.event_broker.subscribe(listener, {JobReleased})`.
(call
  function: (attribute object: (_) @emitter attribute: (identifier) @_verb)
  arguments: (argument_list . (_))
  (#match? @_verb "^(publish|emit)(_[a-z]+)?$")
  (#set! kind "publish")) @finding

(call
  function: (attribute object: (_) @emitter attribute: (identifier) @_verb)
  arguments: (argument_list . [(identifier) (attribute)] @handler)
  (#eq? @_verb "subscribe")
  (#set! kind "subscribe")) @finding
