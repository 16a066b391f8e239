;; category: signal
;; framework: blinker
;; qualifies: maker blinker.Namespace blinker.base.Namespace flask.signals.Namespace
;; description: A blinker signal made from a fresh namespace: `name = Namespace().signal("name")`.
(expression_statement
  (assignment
    left: (identifier)
    right: (call
      function: (attribute object: (call function: [(identifier) (attribute)] @maker) attribute: (identifier) @_verb)
      arguments: (argument_list . (string)))
    (#eq? @_verb "signal"))) @finding
