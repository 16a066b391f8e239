;; category: event
;; qualifies: emitter @nestjs/cqrs.EventBus ~EventBus class-with:publish,subscribe
;; description: Events published on an event bus (`publish`, `publishAll`): NestJS CQRS's `EventBus` (docs.nestjs.com/recipes/cqrs: `this.eventBus.publish(new HeroKilledDragonEvent(...))`), or the workspace's own bus, a class or interface named `EventBus` (the DDD idiom: `interface EventBus { publish(events: DomainEvent[]) }`, `await this.eventBus.publish(course.pullDomainEvents())`) or one that declares both `publish` and `subscribe`. The object is typed so: an attribute's, a parameter's or a local's type.
(call_expression
  function: (member_expression object: (_) @emitter property: (property_identifier) @_verb)
  arguments: (arguments . (_) @event)
  (#any-of? @_verb "publish" "publishAll")
  (#set! kind "publish")) @finding
