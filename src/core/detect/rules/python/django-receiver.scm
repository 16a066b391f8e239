;; category: receiver
;; framework: django
;; description: A signal receiver registered with `@receiver(signal, sender=...)`.
(decorated_definition
  (decorator
    (call
      function: [(identifier) @_decorator (attribute attribute: (identifier) @_decorator)]
      arguments: (argument_list . (_) @signal))
    (#eq? @_decorator "receiver"))
  definition: (function_definition)) @finding
