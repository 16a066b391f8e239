;; category: middleware
;; framework: falcon
;; description: A Falcon middleware class, by the hooks Falcon's request life cycle calls that Django's does not: `process_resource` (after routing, before the responder), the WebSocket hooks `process_request_ws` and `process_resource_ws`, the ASGI lifespan hooks `process_startup` and `process_shutdown`, and the `_async` variants of a component serving WSGI and ASGI apps. (`process_request` and `process_response` classes are found by `django-middleware`.)
(class_definition
  body: (block
    (function_definition
      name: (identifier) @_hook
      (#any-of? @_hook "process_resource" "process_request_ws" "process_resource_ws" "process_startup" "process_shutdown" "process_request_async" "process_resource_async" "process_response_async")))) @finding
