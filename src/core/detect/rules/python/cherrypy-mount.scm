;; category: route
;; framework: cherrypy
;; resolves: object-dispatch
;; qualifies: callee cherrypy.quickstart cherrypy.tree.mount cherrypy._cptree.Tree.mount cherrypy.Application cherrypy._cptree.Application
;; description: A CherryPy application's root object mounted at a path ("Basics": `cherrypy.quickstart(Root(), '/', conf)`, `cherrypy.tree.mount(Blog(), '/blog', conf)`, `cherrypy.Application(root, script_name='/app')`), given as a constructor call or an object made earlier. The resolver walks the tree of objects under it (the framework's `objectDispatch`): their exposed methods are its routes.
; The callee's shape is part of the pattern, not only of the predicates: tree-sitter checks text
; predicates after a match, so a pattern open to every call would stay in progress, waiting for the
; path, through each argument's own nested calls.
(call
  function: (attribute attribute: (identifier) @_called) @callee
  arguments: (argument_list
    . [(identifier) (attribute) (call function: [(identifier) (attribute)])] @resource
    . (string)? @path
    (keyword_argument name: (identifier) @_key value: (string) @path)?)
  (#any-of? @_called "quickstart" "mount" "Application")
  ; match? fails when the optional keyword is absent; not-match? of the complement holds then.
  (#not-match? @_key "^(?!script_name$)")
  ; Named after its own line: several applications mounted in one function stay several findings.
  (#set! symbol "anonymous")) @finding

; Imported by name (`from cherrypy import quickstart`): a root made in place is read alone, so that
; the pattern ends at the first argument of any call; a root made earlier keeps its path.
(call
  function: (identifier) @callee
  arguments: (argument_list . (call function: [(identifier) (attribute)]) @resource .)
  (#any-of? @callee "quickstart" "Application")
  (#set! symbol "anonymous")) @finding

(call
  function: (identifier) @callee
  arguments: (argument_list
    . [(identifier) (attribute)] @resource
    . (string)? @path
    (keyword_argument name: (identifier) @_key value: (string) @path)?)
  (#any-of? @callee "quickstart" "Application")
  (#not-match? @_key "^(?!script_name$)")
  (#set! symbol "anonymous")) @finding
