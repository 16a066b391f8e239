;; category: event
;; framework: pyramid
;; description: An event published through Pyramid's registry ("Using events" in Pyramid's documentation): `request.registry.notify(event)`, `self.registry.notify(ApplicationCreated(app))`, or the registry's `notify` (zope.event's too) called with a new event object, `notify(NewRequest(request))`.
(call
  function: (attribute
    object: [(identifier) @_registry (attribute attribute: (identifier) @_registry)]
    attribute: (identifier) @_verb)
  arguments: (argument_list . (_) @event)
  (#eq? @_registry "registry")
  (#eq? @_verb "notify")
  (#set! kind "publish")) @finding

(call
  function: (identifier) @_verb
  arguments: (argument_list . (call function: (identifier) @event))
  (#eq? @_verb "notify")
  (#match? @event "^[A-Z]")
  (#set! kind "publish")) @finding
