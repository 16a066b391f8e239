;; category: middleware
;; framework: wsgi
;; description: A WSGI middleware class (PEP 3333's middleware components): it is given the application it wraps, `__init__(self, app, ...)` (`nextapp` in CherryPy's pipeline, whose entries "MUST be a constructor that takes an initial, positional 'nextapp' argument": docs.cherrypy.dev, cherrypy._cpwsgi.CPWSGIApp.pipeline), and is a WSGI application itself, `__call__(self, environ, start_response)`. An application alone (no wrapped `app`) is none.
; The parameter lists are checked as text, as the ASGI rule does.
(class_definition
  body: (block
    (function_definition
      name: (identifier) @_init
      parameters: (parameters) @_init_parameters)
    (function_definition
      name: (identifier) @_call
      parameters: (parameters) @_call_parameters)
    (#eq? @_init "__init__")
    (#match? @_init_parameters "^\\(\\s*self\\s*,\\s*(app|application|wsgi_app|nextapp)\\b")
    (#eq? @_call "__call__")
    (#match? @_call_parameters "^\\(\\s*self\\s*,\\s*(environ|env)\\b[^,]*,\\s*start_response\\b"))) @finding
