;; category: event
;; description: An event fired to the callbacks registered for it, the observer pattern's verb (`n.fireUserAdded(id)`, `bus.FireOrderPlaced(order)`, as JavaBeans' `firePropertyChange` names it): a call of a method whose name starts with `fire` or `Fire` followed by what happened. The finding is the function that fires.
(call_expression
  function: (selector_expression field: (field_identifier) @_fire)
  (#match? @_fire "^[Ff]ire[A-Z]")) @finding
