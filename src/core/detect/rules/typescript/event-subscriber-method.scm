;; category: event
;; qualifies: decorator event-dispatch.On event-dispatching.On type-events.On
;; description: A method of an event subscriber class decorated `@On('onUserCreate')`, the decorator-based dispatchers' documented way to subscribe (event-dispatch, its successor event-dispatching, type-events: `@EventSubscriber() class UserSubscriber { @On(events.user.signUp) onUserSignUp(user) {...} }`); the dispatcher calls it for each event of that name. Another decorator may stand between.
(class_body
  (decorator (call_expression function: (identifier) @decorator arguments: (arguments . (_) @event)))
  .
  (decorator)?
  .
  (method_definition) @finding
  (#eq? @decorator "On")
  (#set! kind "subscribe"))
