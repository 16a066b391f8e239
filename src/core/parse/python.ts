import type { Node } from 'web-tree-sitter';
import type { ImportStatement, SymbolDefinition } from './facts';
import { type LanguageSyntax, rangeOf } from './syntax';

/** Statements whose blocks still hold module- or class-level definitions (`if TYPE_CHECKING:`, `try:`). */
const CONTAINER_STATEMENTS = new Set([
  'if_statement', 'elif_clause', 'else_clause', 'try_statement', 'except_clause', 'finally_clause', 'with_statement', 'block',
]);

export const pythonSyntax: LanguageSyntax = {
  definitionName(node) {
    if (node.type === 'class_definition' || node.type === 'function_definition') return node.childForFieldName('name')?.text;
    if (node.type === 'decorated_definition') return node.childForFieldName('definition')?.childForFieldName('name')?.text;
    return undefined;
  },

  assignedName(node) {
    const assignment = node.type === 'expression_statement' ? node.firstNamedChild : node;
    if (assignment?.type !== 'assignment') return undefined;
    const left = assignment.childForFieldName('left');
    return left?.type === 'identifier' ? left.text : undefined;
  },

  symbols(root) {
    const symbols: SymbolDefinition[] = [];
    const pending: { node: Node; container: string; inClass: boolean }[] = [];
    const pushChildren = (node: Node, container: string, inClass: boolean) => {
      for (let index = node.namedChildCount - 1; index >= 0; index--) {
        const child = node.namedChild(index);
        if (child) pending.push({ node: child, container, inClass });
      }
    };
    pushChildren(root, '', false);
    for (let item = pending.pop(); item; item = pending.pop()) {
      const { node, container, inClass } = item;
      const prefix = container ? `${container}.` : '';
      if (CONTAINER_STATEMENTS.has(node.type)) {
        pushChildren(node, container, inClass);
        continue;
      }
      const decorators: string[] = [];
      let definition = node;
      if (node.type === 'decorated_definition') {
        for (const child of node.namedChildren) {
          if (child?.type === 'decorator') decorators.push(decoratorName(child));
        }
        definition = node.childForFieldName('definition') ?? node;
      }
      const name = definition.childForFieldName('name')?.text;
      if (definition.type === 'class_definition' && name) {
        const { bases, metaclass } = classBases(definition);
        symbols.push({ name: prefix + name, kind: 'class', range: rangeOf(node), bases, decorators, ...(metaclass ? { metaclass } : {}) });
        const body = definition.childForFieldName('body');
        if (body) pushChildren(body, prefix + name, true);
      } else if (definition.type === 'function_definition' && name) {
        symbols.push({ name: prefix + name, kind: inClass ? 'method' : 'function', range: rangeOf(node), bases: [], decorators });
      } else {
        const assigned = pythonSyntax.assignedName(node);
        if (assigned) symbols.push({ name: prefix + assigned, kind: 'variable', range: rangeOf(node), bases: [], decorators: [] });
      }
    }
    return symbols;
  },

  imports(root) {
    const imports: ImportStatement[] = [];
    const pending: Node[] = [root];
    for (let node = pending.pop(); node; node = pending.pop()) {
      for (const child of node.namedChildren) {
        if (!child) continue;
        if (child.type === 'import_statement') imports.push(...plainImports(child));
        else if (child.type === 'import_from_statement') imports.push(fromImport(child));
        else if (CONTAINER_STATEMENTS.has(child.type)) pending.push(child);
      }
    }
    return imports;
  },
};

function decoratorName(decorator: Node): string {
  const expression = decorator.firstNamedChild;
  if (!expression) return '';
  const callee = expression.type === 'call' ? expression.childForFieldName('function') : expression;
  return (callee?.text ?? '').replace(/\s+/g, '');
}

function classBases(definition: Node): { bases: string[]; metaclass?: string } {
  const bases: string[] = [];
  let metaclass: string | undefined;
  for (const argument of definition.childForFieldName('superclasses')?.namedChildren ?? []) {
    if (!argument) continue;
    if (argument.type === 'keyword_argument') {
      if (argument.childForFieldName('name')?.text === 'metaclass') metaclass = argument.childForFieldName('value')?.text;
    } else if (argument.type !== 'comment') {
      bases.push(argument.text.replace(/\s+/g, ''));
    }
  }
  return metaclass ? { bases, metaclass } : { bases };
}

function plainImports(statement: Node): ImportStatement[] {
  const line = statement.startPosition.row;
  return statement.childrenForFieldName('name').flatMap((name): ImportStatement[] => {
    if (!name) return [];
    if (name.type === 'aliased_import') {
      const module = name.childForFieldName('name')?.text ?? '';
      const alias = name.childForFieldName('alias')?.text;
      return [{ module, level: 0, names: [], ...(alias ? { alias } : {}), line }];
    }
    return [{ module: name.text, level: 0, names: [], line }];
  });
}

function fromImport(statement: Node): ImportStatement {
  const moduleNode = statement.childForFieldName('module_name');
  let module = moduleNode?.text ?? '';
  let level = 0;
  if (moduleNode?.type === 'relative_import') {
    const prefix = moduleNode.namedChildren.find((child) => child?.type === 'import_prefix')?.text ?? '';
    level = prefix.length;
    module = moduleNode.namedChildren.find((child) => child?.type === 'dotted_name')?.text ?? '';
  }
  const names = statement.childrenForFieldName('name').flatMap((name) => {
    if (!name) return [];
    if (name.type === 'aliased_import') {
      const alias = name.childForFieldName('alias')?.text;
      return [{ name: name.childForFieldName('name')?.text ?? '', ...(alias ? { alias } : {}) }];
    }
    return [{ name: name.text }];
  });
  if (statement.namedChildren.some((child) => child?.type === 'wildcard_import')) names.push({ name: '*' });
  return { module, level, names, line: statement.startPosition.row };
}
