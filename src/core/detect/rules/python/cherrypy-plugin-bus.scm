;; category: event
;; framework: cherrypy
;; qualifies: plugin cherrypy.process.plugins.SimplePlugin cherrypy.process.servers.ServerAdapter
;; description: A message published on, or a method subscribed to, a channel of the bus a CherryPy engine plugin holds (docs.cherrypy.dev "Extending CherryPy", "Engine plugins": a `SimplePlugin` subclass calls `self.bus.subscribe("db-save", self.save_it)` and `self.bus.publish(...)`; a `ServerAdapter` subscribes its `start` and `stop`). A subscription is named after the method subscribed.
(call
  function: (attribute
    object: (attribute object: (identifier) @plugin attribute: (identifier) @_bus) @emitter
    attribute: (identifier) @_verb)
  arguments: (argument_list . (string) @event)
  (#eq? @plugin "self")
  (#eq? @_bus "bus")
  (#eq? @_verb "publish")
  (#set! kind "publish")) @finding

(call
  function: (attribute
    object: (attribute object: (identifier) @plugin attribute: (identifier) @_bus) @emitter
    attribute: (identifier) @_verb)
  arguments: (argument_list . (string) @event . [(identifier) (attribute)] @symbol)
  (#eq? @plugin "self")
  (#eq? @_bus "bus")
  (#eq? @_verb "subscribe")
  (#set! kind "subscribe")) @finding
