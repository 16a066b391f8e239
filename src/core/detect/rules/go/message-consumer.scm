;; category: task
;; description: A message consumer in Go, whose messages arrive off any request, as they come: RabbitMQ's `ch.Consume(queue, consumer, autoAck, exclusive, noLocal, noWait, args)` (amqp091-go and streadway/amqp, its seven parameters), NATS's `nc.Subscribe(subject, handler)` and `nc.QueueSubscribe(subject, queue, handler)`; the queue or subject as written, and the handler when one is given.
(call_expression
  function: (selector_expression field: (field_identifier) @_verb)
  arguments: (argument_list . (_) @queue (_) (_) (_) (_) (_) (_) .)
  (#eq? @_verb "Consume")
  (#set! kind "consumer")) @finding

;; A handler named by a bare identifier only after a written subject: go-redis's `rdb.Subscribe(ctx, channel)` has the same shape.
(call_expression
  function: (selector_expression field: (field_identifier) @_verb)
  arguments: (argument_list . (_) @queue [(selector_expression) (func_literal)] @handler .)
  (#eq? @_verb "Subscribe")
  (#set! kind "consumer")) @finding

(call_expression
  function: (selector_expression field: (field_identifier) @_verb)
  arguments: (argument_list . (interpreted_string_literal) @queue (identifier) @handler .)
  (#eq? @_verb "Subscribe")
  (#set! kind "consumer")) @finding

(call_expression
  function: (selector_expression field: (field_identifier) @_verb)
  arguments: (argument_list . (_) @queue (_) [(identifier) (selector_expression) (func_literal)] @handler .)
  (#eq? @_verb "QueueSubscribe")
  (#set! kind "consumer")) @finding
