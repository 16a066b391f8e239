;; category: task
;; framework: rq
;; qualifies: decorator rq.decorators.job rq.job
;; description: A function made an RQ job by RQ's job decorator (python-rq.org, "Jobs", the `@job` decorator): `@job('low', connection=redis_conn, timeout=5)` from `rq.decorators`, also through a subclass of it or a `functools.partial` of one (`job = partial(MyJobDecorator, connection=redis)`, then `@job("default")`). Its `.delay(...)` queues it; calling it runs it in place.
(decorated_definition
  (decorator (call function: [(identifier) (attribute)] @decorator))
  definition: (function_definition)) @finding
