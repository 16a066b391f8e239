;; hint: signal-send
;; description: Where a signal is sent: `signal.send(sender, ...)`, `send_robust`, `asend`. The resolver keeps the sites whose signal the workspace defines and lists them as the signal's senders.
(call
  function: (attribute object: (_) @signal attribute: (identifier) @_verb)
  (#any-of? @_verb "send" "send_robust" "asend" "asend_robust")) @finding
