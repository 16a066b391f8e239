;; category: task
;; qualifies: maker threading.Thread
;; description: Work run on a thread of its own, beside the request or the loop that starts it (kind `thread`): `Thread(target=send_one, args=(order,))`, the target being the task; and a subclass of `threading.Thread`, whose `run` is the thread's work.
(call
  function: [(identifier) (attribute)] @maker
  arguments: (argument_list
    (keyword_argument name: (identifier) @_target value: [(identifier) (attribute)] @task))
  (#eq? @_target "target")
  (#set! kind "thread")) @finding

(class_definition
  superclasses: (argument_list [(identifier) (attribute)] @maker)
  (#set! kind "thread")) @finding
