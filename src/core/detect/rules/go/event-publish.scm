;; category: event
;; description: A domain event made in place and published, sent or dispatched on a bus or queue, or broadcast to a hub's subscribers (a server-sent-events or websocket hub): `bus.Publish(ctx, events.NewOrderCreatedEvent(order))`, `hub.Broadcast(&StockChangedEvent{SKU: sku})`, `q.Send(ctx, &OrderPlacedEvent{ID: id})`, `s.events.Dispatch(NewEvent(kind, user).WithObject(id))` (a constructor or composite literal of a type named `…Event`, given as it is or through up to three builder calls). The finding is the function that publishes; the event is its constructor or type.
(call_expression
  function: (selector_expression field: (field_identifier) @_verb)
  arguments: (argument_list [
    (call_expression function: [(identifier) (selector_expression)] @event)
    (composite_literal type: [(type_identifier) (qualified_type)] @event)
    (unary_expression operand: (composite_literal type: [(type_identifier) (qualified_type)] @event))
    (call_expression function: (selector_expression operand: (call_expression function: [(identifier) (selector_expression)] @event)))
    (call_expression function: (selector_expression operand: (call_expression function: (selector_expression operand: (call_expression function: [(identifier) (selector_expression)] @event)))))
    (call_expression function: (selector_expression operand: (call_expression function: (selector_expression operand: (call_expression function: (selector_expression operand: (call_expression function: [(identifier) (selector_expression)] @event)))))))
  ])
  (#match? @_verb "^(Publish|Dispatch|Emit|Send|Fire|Broadcast)(Event|Async)?$")
  (#match? @event "Event$")
  (#set! kind "publish")) @finding
