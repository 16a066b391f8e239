;; category: event
;; framework: moleculer
;; description: A handler a Moleculer service subscribes to an event with, in the `events` of its schema (docs "Services" → "Events": `events: { "user.created"(ctx) {...} }`, a handler function or a method of an ES6 class service `"user.created": this.userCreated`, or an object with its `handler` and options such as `group`): the key is the event's name, which may be a wildcard (`"user.*"`). A schema is told by its `name` before `events`, as `broker.createService({ name, ... })`, `module.exports = { name, ... }` and `this.parseServiceSchema({ name, ... })` write it; an `events` key elsewhere (an action of that name, a plain setting) is not a subscription.
(object
  (pair key: (property_identifier) @_name)
  (pair key: (property_identifier) @_events value: (object (method_definition name: [(string) (property_identifier)] @event) @finding))
  (#eq? @_name "name")
  (#eq? @_events "events")
  (#set! symbol "anonymous")
  (#set! kind "subscribe"))

(object
  (pair key: (property_identifier) @_name)
  (pair key: (property_identifier) @_events value: (object (pair key: [(string) (property_identifier)] @event value: [(function_expression) (arrow_function)]) @finding))
  (#eq? @_name "name")
  (#eq? @_events "events")
  (#set! symbol "anonymous")
  (#set! kind "subscribe"))

;; A handler defined elsewhere, named after it (`this.userCreated` in a class service is its method).
(object
  (pair key: (property_identifier) @_name)
  (pair key: (property_identifier) @_events value: (object (pair key: [(string) (property_identifier)] @event value: [(identifier) (member_expression)] @symbol) @finding))
  (#eq? @_name "name")
  (#eq? @_events "events")
  (#set! kind "subscribe"))

;; An object with its handler and the subscription's options.
(object
  (pair key: (property_identifier) @_name)
  (pair key: (property_identifier) @_events value: (object (pair key: [(string) (property_identifier)] @event value: (object [
    (method_definition name: (property_identifier) @_handler)
    (pair key: (property_identifier) @_handler)])) @finding))
  (#eq? @_name "name")
  (#eq? @_events "events")
  (#eq? @_handler "handler")
  (#set! symbol "anonymous")
  (#set! kind "subscribe"))
