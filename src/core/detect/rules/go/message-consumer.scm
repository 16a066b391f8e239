;; category: task
;; description: A message consumer in Go, whose messages arrive off any request, as they come: RabbitMQ's `ch.Consume(queue, consumer, autoAck, exclusive, noLocal, noWait, args)` (amqp091-go and streadway/amqp, its seven parameters), NATS's `nc.Subscribe(subject, handler)` and `nc.QueueSubscribe(subject, queue, handler)`; the queue or subject as written, and the handler when one is given.
(call_expression
  function: (selector_expression field: (field_identifier) @_verb)
  arguments: (argument_list . (_) @queue (_) (_) (_) (_) (_) (_) .)
  (#eq? @_verb "Consume")
  (#set! kind "consumer")) @finding

(call_expression
  function: (selector_expression field: (field_identifier) @_verb)
  arguments: (argument_list . (_) @queue [(identifier) (selector_expression) (func_literal)] @handler .)
  (#eq? @_verb "Subscribe")
  (#set! kind "consumer")) @finding

(call_expression
  function: (selector_expression field: (field_identifier) @_verb)
  arguments: (argument_list . (_) @queue (_) [(identifier) (selector_expression) (func_literal)] @handler .)
  (#eq? @_verb "QueueSubscribe")
  (#set! kind "consumer")) @finding
