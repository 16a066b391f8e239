;; category: event
;; framework: nestjs
;; qualifies: decorator @nestjs/event-emitter.OnEvent
;; description: A NestJS event listener: a method decorated `@OnEvent('order.created')` (@nestjs/event-emitter, the documented Events technique), which the emitter calls for each event of that name. The method is the handler; another decorator may stand between.
(class_body
  (decorator (call_expression function: (identifier) @decorator arguments: (arguments . (_) @event)))
  .
  (method_definition) @finding
  (#any-of? @decorator "OnEvent")
  (#set! kind "subscribe"))

(class_body
  (decorator (call_expression function: (identifier) @decorator arguments: (arguments . (_) @event)))
  .
  (decorator)
  .
  (method_definition) @finding
  (#any-of? @decorator "OnEvent")
  (#set! kind "subscribe"))
