;; category: signal
;; framework: django
;; description: A signal definition: `name = Signal()` or `ModelSignal()` (Django), or blinker's `namespace.signal("name")`.
(expression_statement
  (assignment
    left: (identifier)
    right: (call function: [(identifier) @_class (attribute attribute: (identifier) @_class)])
    (#any-of? @_class "Signal" "ModelSignal"))) @finding
