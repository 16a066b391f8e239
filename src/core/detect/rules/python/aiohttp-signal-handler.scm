;; category: receiver
;; framework: aiohttp
;; description: A handler of an aiohttp application's signals (docs.aiohttp.org "Web Server Advanced", Signals: `app.on_startup.append(start_background_tasks)`, `on_shutdown`, `on_cleanup`, `on_response_prepare`): the application calls it at that point of its life. The module must import aiohttp: other lists of that name are not the application's.
(call
  function: (attribute
    object: (attribute attribute: (identifier) @_signal) @signal
    attribute: (identifier) @_verb)
  arguments: (argument_list . [(identifier) (attribute)] @symbol .)
  (#eq? @_verb "append")
  (#any-of? @_signal "on_startup" "on_shutdown" "on_cleanup" "on_response_prepare")
  (#imports? @symbol "aiohttp")) @finding
