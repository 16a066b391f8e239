;; category: route
;; resolves: request-listener
;; description: A path a request listener of Node's own servers answers by comparing the request's URL, or a pathname read from it, with it (`if (req.url === '/health')`, `if (pathname === '/api')`): a route of every method. The resolver keeps it inside a request listener (rule request-listener), whose function is its handler (the comparison is named after its line, not the function around it); elsewhere (a browser's `location.pathname === '/'`) it is none.
(binary_expression
  left: [(identifier) (member_expression)] @subject
  operator: ["===" "=="]
  right: (string) @path
  (#match? @subject "^([A-Za-z_$][A-Za-z0-9_$]*[.])*(url|pathname|path|URL|pathName)$")
  (#match? @path "^['\"]/")
  (#set! method "all")
  (#set! symbol "anonymous")) @finding

(binary_expression
  left: (string) @path
  operator: ["===" "=="]
  right: [(identifier) (member_expression)] @subject
  (#match? @subject "^([A-Za-z_$][A-Za-z0-9_$]*[.])*(url|pathname|path|URL|pathName)$")
  (#match? @path "^['\"]/")
  (#set! method "all")
  (#set! symbol "anonymous")) @finding
