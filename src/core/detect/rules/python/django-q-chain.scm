;; category: task
;; framework: django-q
;; qualifies: chain django_q.tasks.Chain
;; description: A task appended to a Django-Q chain, which runs its tasks one after another once `chain.run()` queues it ("Chains" in Django-Q's documentation): `chain = Chain(); chain.append(resize, image); chain.append("shop.tasks.notify", user); chain.run()`. The function that builds the chain is a task site (kind `enqueue`); the function appended, by name or by its import path as a string, is the job (kind `job`).
(call
  function: (attribute object: (identifier) @chain attribute: (identifier) @call)
  arguments: (argument_list . [(identifier) (attribute) (string)] @task)
  (#eq? @call "append")
  (#set! kind "enqueue")) @finding

(call
  function: (attribute object: (identifier) @chain attribute: (identifier) @_append)
  arguments: (argument_list . (identifier) @symbol)
  (#eq? @_append "append")
  (#set! kind "job")) @finding

(call
  function: (attribute object: (identifier) @chain attribute: (identifier) @_append)
  arguments: (argument_list . (string (string_content) @symbol))
  (#eq? @_append "append")
  (#match? @symbol "^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)+$")
  (#set! kind "job")) @finding
