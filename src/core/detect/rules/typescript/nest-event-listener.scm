;; category: event
;; framework: nestjs
;; qualifies: decorator @nestjs/event-emitter.OnEvent @nestjs/microservices.EventPattern @nestjs/websockets.SubscribeMessage
;; description: A NestJS event listener: a method decorated `@OnEvent('order.created')` (@nestjs/event-emitter, the documented Events technique), which the emitter calls for each event of that name; `@EventPattern('user_created')` (microservices, "Event-based": a transport's event of that pattern) and `@SubscribeMessage('events')` (a gateway's handler of a WebSocket message of that name) alike. The method is the handler; another decorator may stand between.
(class_body
  (decorator (call_expression function: (identifier) @decorator arguments: (arguments . (_) @event)))
  .
  (method_definition) @finding
  (#any-of? @decorator "OnEvent" "EventPattern" "SubscribeMessage")
  (#set! kind "subscribe"))

(class_body
  (decorator (call_expression function: (identifier) @decorator arguments: (arguments . (_) @event)))
  .
  (decorator)
  .
  (method_definition) @finding
  (#any-of? @decorator "OnEvent" "EventPattern" "SubscribeMessage")
  (#set! kind "subscribe"))
