;; category: signal
;; framework: blinker
;; qualifies: maker blinker.signal blinker.base.signal blinker.Namespace().signal blinker.base.Namespace().signal blinker.NamedSignal flask.signals.Namespace().signal flask.signals._signals.signal
;; description: A blinker signal (Flask's signals are blinker's): `name = signal("name")` or `ns = Namespace()` then `name = ns.signal("name")`.
(expression_statement
  (assignment
    left: (identifier)
    right: (call function: [(identifier) (attribute)] @maker arguments: (argument_list . (string))))
  (#match? @maker "(^|\\.)(signal|NamedSignal)$")) @finding
