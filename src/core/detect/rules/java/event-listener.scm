;; category: receiver
;; framework: spring
;; qualifies: annotation org.springframework.context.event.EventListener org.springframework.transaction.event.TransactionalEventListener org.springframework.modulith.events.ApplicationModuleListener
;; description: An application event listener: a method with `@EventListener` (the event its parameter's type, or the `classes` given), `@TransactionalEventListener` (run at a phase of the publishing transaction), Spring Modulith's `@ApplicationModuleListener`.
(method_declaration
  (modifiers [(marker_annotation name: (_) @annotation) (annotation name: (_) @annotation)])
  (#match? @annotation "(^|\\.)(EventListener|TransactionalEventListener|ApplicationModuleListener)$")) @finding
