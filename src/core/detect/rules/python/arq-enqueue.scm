;; category: task
;; framework: arq
;; description: A job queued with arq's `ArqRedis.enqueue_job(function_name, *args, _job_id=..., _defer_by=..., ...)`: the job is named by a string, or the call passes one of the options arq reserves with a leading underscore. The function that queues it is a task site (kind `enqueue`), as Celery's `delay` is. RQ's `queue.enqueue_job(job)` takes a Job object and neither.
(call
  function: (attribute attribute: (identifier) @call)
  arguments: (argument_list . (string) @task)
  (#eq? @call "enqueue_job")
  (#set! kind "enqueue")) @finding

(call
  function: (attribute attribute: (identifier) @call)
  arguments: (argument_list
    . [(identifier) (attribute)] @task
    (keyword_argument name: (identifier) @_option))
  (#eq? @call "enqueue_job")
  (#any-of? @_option "_job_id" "_queue_name" "_defer_until" "_defer_by" "_expires" "_job_try")
  (#set! kind "enqueue")) @finding
