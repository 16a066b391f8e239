;; category: middleware
;; framework: wsgi
;; resolves: wrapping-class
;; description: A WSGI middleware class (PEP 3333's middleware components): it is given the application it wraps, `__init__(self, app, ...)` (`nextapp` in CherryPy's pipeline, whose entries "MUST be a constructor that takes an initial, positional 'nextapp' argument": docs.cherrypy.dev, cherrypy._cpwsgi.CPWSGIApp.pipeline), and is a WSGI application itself, `__call__(self, environ, start_response)`. An application alone (no wrapped `app`) is none.
; `__call__`'s parameter list is checked as text, as the ASGI rule does; `__init__` is looked for by `defines?`.
((class_definition
  body: (block
    (function_definition
      name: (identifier) @_call
      parameters: (parameters) @_call_parameters
      (#eq? @_call "__call__")
      (#match? @_call_parameters "^\\(\\s*self\\s*,\\s*(environ|env)\\b[^,]*,\\s*start_response\\b")))) @finding
  (#defines? @finding "__init__" "app|application|wsgi_app|nextapp"))
