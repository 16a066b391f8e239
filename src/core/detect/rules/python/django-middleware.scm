;; category: middleware
;; framework: django
;; description: A Django middleware class: it defines one of the `process_*` hooks of the request life cycle, or takes `get_response` in `__init__` (the new style, whose `__call__` runs the request); or a middleware factory function, given `get_response` alone.
(class_definition
  body: (block
    (function_definition
      name: (identifier) @_hook
      (#any-of? @_hook "process_request" "process_view" "process_exception" "process_response" "process_template_response")))) @finding

(class_definition
  body: (block
    (function_definition
      name: (identifier) @_init
      parameters: (parameters) @_parameters
      (#eq? @_init "__init__")
      (#match? @_parameters "^\\(\\s*self\\s*,\\s*get_response\\b")))) @finding

; Django's function form: a middleware factory takes `get_response` and returns the middleware (`def timing(get_response): def middleware(request): ...; return middleware`).
(function_definition
  parameters: (parameters . [(identifier) @_parameter (typed_parameter . (identifier) @_parameter)] .)
  (#eq? @_parameter "get_response")) @finding
