;; category: event
;; framework: cherrypy
;; qualifies: emitter cherrypy.engine cherrypy.process.bus cherrypy.process.wspbus.bus cherrypy.process.wspbus.Bus
;; description: A message published on, or a callback subscribed to, a channel of CherryPy's engine, its publish/subscribe bus (docs.cherrypy.dev "Extending CherryPy": "Publish/Subscribe pattern"): `cherrypy.engine.publish('db-save', entity)`, `cherrypy.engine.subscribe('graceful', self.reopen_files)`, `@engine.subscribe('log')` (Bus.subscribe without a callback returns a decorator), and the bus publishing its own states (`self.publish('start')` in a Bus). A subscription is named after the callback; a channel given by a variable is the bus's plumbing and is left out.
(call
  function: (attribute object: (_) @emitter attribute: (identifier) @_verb)
  arguments: (argument_list . (string) @event)
  (#eq? @_verb "publish")
  (#set! kind "publish")) @finding

(call
  function: (attribute object: (_) @emitter attribute: (identifier) @_verb)
  arguments: (argument_list . (string) @event . [(identifier) (attribute)] @symbol)
  (#eq? @_verb "subscribe")
  (#set! kind "subscribe")) @finding

(decorated_definition
  (decorator
    (call
      function: (attribute object: (_) @emitter attribute: (identifier) @_verb)
      arguments: (argument_list . (string) @event)))
  definition: (function_definition)
  (#eq? @_verb "subscribe")
  (#set! kind "subscribe")) @finding
