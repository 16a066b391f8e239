;; category: task
;; description: Work handed to a pool of threads or processes (kind `thread`): `self.executor.submit(notify, flip)`, `pool.map(fetch, urls)` on an object named as `concurrent.futures` and `multiprocessing` name theirs (an executor, a pool). The function given first is the task.
(call
  function: (attribute object: (_) @pool attribute: (identifier) @call)
  arguments: (argument_list . [(identifier) (attribute)] @task)
  (#any-of? @call "submit" "map" "apply_async" "imap_unordered")
  (#match? @pool "([Ee]xecutor|[Pp]ool)$")
  (#set! kind "thread")) @finding
