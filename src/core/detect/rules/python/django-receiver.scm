;; category: receiver
;; framework: django
;; qualifies: decorator django.dispatch.receiver django.dispatch.dispatcher.receiver
;; description: A signal receiver registered with Django's `@receiver(signal, sender=...)`.
(decorated_definition
  (decorator
    (call
      function: [(identifier) (attribute)] @decorator
      arguments: (argument_list . (_) @signal)))
  (#match? @decorator "(^|\\.)receiver$")
  definition: (function_definition)) @finding
