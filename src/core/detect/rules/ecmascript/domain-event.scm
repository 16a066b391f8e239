;; category: event
;; description: Domain events of the DDD aggregate-root idiom: an aggregate records an event it raises, made in place (`user.addDomainEvent(new UserCreated(user))`, `this.addEvent(new OrderPlaced({...}))`), for its repository to publish once it is saved; a registry subscribes a handler to an event by the event class's name (`DomainEvents.register(this.onUserCreated.bind(this), UserCreated.name)`); and the registry publishes an event to the handlers registered under its class's name (`const name = event.constructor.name`), in the method that does.
(call_expression
  function: (member_expression object: (_) @emitter property: (property_identifier) @_verb)
  arguments: (arguments . (new_expression constructor: [(identifier) (member_expression)] @event) .)
  (#any-of? @_verb "addDomainEvent" "addEvent")
  (#set! kind "publish")) @finding

(call_expression
  function: (member_expression object: (_) @emitter property: (property_identifier) @_verb)
  arguments: (arguments
    . [(identifier) @symbol (member_expression) @symbol (call_expression function: (member_expression object: [(identifier) (member_expression)] @symbol property: (property_identifier) @_bind))]
    . (member_expression object: (identifier) @event property: (property_identifier) @_name) .)
  (#any-of? @_verb "register" "subscribe" "on")
  (#eq? @_bind "bind")
  (#eq? @_name "name")
  (#set! kind "subscribe")) @finding

(call_expression
  function: (member_expression object: (_) @emitter property: (property_identifier) @_verb)
  arguments: (arguments
    . [(identifier) @symbol (member_expression) @symbol]
    . (member_expression object: (identifier) @event property: (property_identifier) @_name) .)
  (#any-of? @_verb "register" "subscribe" "on")
  (#eq? @_name "name")
  (#set! kind "subscribe")) @finding

(variable_declarator
  value: (member_expression
    object: (member_expression object: (identifier) @_event property: (property_identifier) @_constructor)
    property: (property_identifier) @_name) @finding
  (#match? @_event "^(event|domainEvent|message)$")
  (#eq? @_constructor "constructor")
  (#eq? @_name "name")
  (#set! kind "publish"))
