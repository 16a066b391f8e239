;; category: route
;; framework: cherrypy
;; resolves: object-dispatch
;; qualifies: callee cherrypy.quickstart cherrypy.tree.mount cherrypy._cptree.Tree.mount cherrypy.Application cherrypy._cptree.Application
;; description: A CherryPy application's root object mounted at a path ("Basics": `cherrypy.quickstart(Root(), '/', conf)`, `cherrypy.tree.mount(Blog(), '/blog', conf)`, `cherrypy.Application(root, script_name='/app')`), given as a constructor call or an object made earlier. The resolver walks the tree of objects under it (the framework's `objectDispatch`): their exposed methods are its routes.
(call
  function: [(identifier) (attribute)] @callee
  arguments: (argument_list
    . [(identifier) (attribute) (call function: [(identifier) (attribute)])] @resource
    . (string)? @path
    (keyword_argument name: (identifier) @_key value: (string) @path)?)
  (#match? @callee "(^|\\.)(quickstart|mount|Application)$")
  ; match? fails when the optional keyword is absent; not-match? of the complement holds then.
  (#not-match? @_key "^(?!script_name$)")
  ; Named after its own line: several applications mounted in one function stay several findings.
  (#set! symbol "anonymous")) @finding
