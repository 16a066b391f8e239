;; category: task
;; framework: django
;; qualifies: base django.core.management.base.BaseCommand django.core.management.BaseCommand
;; description: A Django management command that runs until stopped: its `handle` repeats its work in a `while` loop written in its body (`while not self.shutdown:`), a worker the deployment runs beside the web processes (kind `loop`, with the loop's condition). A loop under an `if` or a `try` is not the command's own.
(class_definition
  superclasses: (argument_list [(identifier) (attribute)] @base)
  body: (block
    (function_definition
      name: (identifier) @_handle
      body: (block (while_statement condition: (_) @condition) @finding)))
  (#eq? @_handle "handle")
  (#set! kind "loop"))
