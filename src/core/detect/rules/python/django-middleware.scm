;; category: middleware
;; framework: django
;; description: A Django-style middleware class: it defines one of the `process_*` hooks of the request life cycle.
(class_definition
  body: (block
    (function_definition
      name: (identifier) @_hook
      (#any-of? @_hook "process_request" "process_view" "process_exception" "process_response" "process_template_response")))) @finding
