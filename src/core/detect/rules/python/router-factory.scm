;; hint: router-factory
;; description: A function that makes a router and returns it (Flask's application and blueprint factories: `def construct_blueprint(datastore): bp = Blueprint('backups', __name__); @bp.route('/create') ...; return bp`): its calls stand for the router (`app.register_blueprint(backups.construct_blueprint(datastore), url_prefix='/backups')`), and what is registered on its local (`bp`) is registered on it. `maker` is checked against the frameworks' router makers by the resolver.
((function_definition
  body: (block
    (expression_statement
      (assignment left: (identifier) @router right: (call function: [(identifier) (attribute)] @maker))))) @finding
  (#returns? @finding @router))
