;; category: route
;; framework: aiohttp
;; qualifies: callee aiohttp.web.get aiohttp.web.post aiohttp.web.put aiohttp.web.patch aiohttp.web.delete aiohttp.web.head aiohttp.web.options aiohttp.web.route aiohttp.web_routedef.get aiohttp.web_routedef.post aiohttp.web_routedef.put aiohttp.web_routedef.patch aiohttp.web_routedef.delete aiohttp.web_routedef.head aiohttp.web_routedef.options aiohttp.web_routedef.route
;; description: An aiohttp route definition (docs.aiohttp.org, "Web Server Quickstart"): `web.get('/', hello)`, `web.post(...)` and the other methods' functions of `aiohttp.web`, or `web.route('GET', '/path', handler)` with the method first (`*`: any method), in the list handed to `app.add_routes([...])` (the routes of that application or router, under its prefixes) or kept in a variable (`routes = [...]`, handed on later). Named after the handler; a function of the same name from another package is none.
(call
  function: (attribute object: (_) @router attribute: (identifier) @_add)
  arguments: (argument_list
    (list
      (call
        function: [
          (attribute attribute: (identifier) @method)
          (identifier) @method
        ] @callee
        arguments: (argument_list . (string) @path . [(identifier) (attribute)] @symbol)) @finding))
  (#eq? @_add "add_routes")
  (#any-of? @method "get" "post" "put" "patch" "delete" "head" "options"))

(call
  function: (attribute object: (_) @router attribute: (identifier) @_add)
  arguments: (argument_list
    (list
      (call
        function: [
          (attribute attribute: (identifier) @_verb)
          (identifier) @_verb
        ] @callee
        arguments: (argument_list . (string) @method . (string) @path . [(identifier) (attribute)] @symbol)) @finding))
  (#eq? @_add "add_routes")
  (#eq? @_verb "route"))

(assignment
  right: (list
    (call
      function: [
        (attribute attribute: (identifier) @method)
        (identifier) @method
      ] @callee
      arguments: (argument_list . (string) @path . [(identifier) (attribute)] @symbol)) @finding)
  (#any-of? @method "get" "post" "put" "patch" "delete" "head" "options"))

(assignment
  right: (list
    (call
      function: [
        (attribute attribute: (identifier) @_verb)
        (identifier) @_verb
      ] @callee
      arguments: (argument_list . (string) @method . (string) @path . [(identifier) (attribute)] @symbol)) @finding)
  (#eq? @_verb "route"))
