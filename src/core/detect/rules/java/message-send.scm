;; category: task
;; framework: spring
;; description: A message queued for a consumer: `rabbitTemplate.convertAndSend(...)`, `amqpTemplate.convertAndSend(...)`, `kafkaTemplate.send(topic, ...)`, `jmsTemplate.convertAndSend(...)`; the finding is the method that queues it.
(method_invocation
  object: (_) @_template
  name: (identifier) @_send
  (#match? @_template "(^|\\.)([Rr]abbit|[Aa]mqp|[Jj]ms)Template$")
  (#match? @_send "^(convertAndSend|send|convertSendAndReceive)$")) @finding

(method_invocation
  object: (_) @_template
  name: (identifier) @_send
  (#match? @_template "(^|\\.)[Kk]afkaTemplate$")
  (#match? @_send "^(send|sendDefault)$")) @finding
