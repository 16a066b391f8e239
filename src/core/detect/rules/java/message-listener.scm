;; category: task
;; framework: spring
;; qualifies: annotation org.springframework.amqp.rabbit.annotation.RabbitListener org.springframework.amqp.rabbit.annotation.RabbitHandler org.springframework.kafka.annotation.KafkaListener org.springframework.jms.annotation.JmsListener io.awspring.cloud.sqs.annotation.SqsListener io.awspring.cloud.messaging.listener.annotation.SqsListener
;; description: A message consumer Spring runs for each message of a queue or topic: a method with `@RabbitListener(queues = ...)` or `@RabbitHandler` (in a `@RabbitListener` class), `@KafkaListener(topics = ...)`, `@JmsListener(destination = ...)`, `@SqsListener`.
(method_declaration
  (modifiers [(marker_annotation name: (_) @annotation) (annotation name: (_) @annotation)])
  (#match? @annotation "(^|\\.)(RabbitListener|RabbitHandler|KafkaListener|JmsListener|SqsListener)$")) @finding
