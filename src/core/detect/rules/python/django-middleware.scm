;; category: middleware
;; framework: django
;; description: A Django middleware class: it defines one of the `process_*` hooks of the request life cycle, or takes `get_response` in `__init__` and defines `__call__` (the new style).
(class_definition
  body: (block
    (function_definition
      name: (identifier) @_hook
      (#any-of? @_hook "process_request" "process_view" "process_exception" "process_response" "process_template_response")))) @finding

(class_definition
  body: (block
    (function_definition
      name: (identifier) @_init
      parameters: (parameters . (identifier) . (identifier) @_next))
    (function_definition name: (identifier) @_call))
  (#eq? @_init "__init__")
  (#eq? @_next "get_response")
  (#eq? @_call "__call__")) @finding
