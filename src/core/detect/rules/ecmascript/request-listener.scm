;; hint: request-listener
;; qualifies: server http.createServer https.createServer http2.createServer http2.createSecureServer node:http.createServer node:https.createServer node:http2.createServer node:http2.createSecureServer
;; description: A request listener written in place for a server of Node's own modules (docs "HTTP": `http.createServer([options][, requestListener])`, `https` and `http2` alike): `http.createServer(function (req, res) {...})`. The routes it answers are the paths it compares the request's URL with (rule request-path-compare); it is their handler, named after the line it starts on.
(call_expression
  function: [(identifier) (member_expression)] @server
  arguments: (arguments [(function_expression) (arrow_function)] @_inline .)
  (#match? @server "(^|[.])create(Secure)?Server$")
  (#set! symbol "anonymous")) @finding
