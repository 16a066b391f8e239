;; category: task
;; framework: asynq
;; qualifies: client github.com/hibiken/asynq.Client github.com/hibiken/asynq.NewClient github.com/hibiken/asynq.NewClientFromRedisClient
;; description: A task queued with asynq (its README, "Quickstart"): `client.Enqueue(task, opts...)` or `client.EnqueueContext(ctx, task, opts...)` on the client `asynq.NewClient` makes, or one held in a field of type `*asynq.Client` (`j.client.Enqueue(j.task)`). The function that queues it is a task site (kind `enqueue`), as Celery's `delay` is; a workspace's own `Enqueue` on anything else is not one.
(call_expression
  function: (selector_expression operand: [(identifier) (selector_expression)] @client field: (field_identifier) @_enqueue)
  (#any-of? @_enqueue "Enqueue" "EnqueueContext")
  (#set! kind "enqueue")) @finding
