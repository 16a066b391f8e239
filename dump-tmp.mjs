import { Parser, Language } from 'web-tree-sitter';
import { readFileSync } from 'node:fs';
await Parser.init({ wasmBinary: readFileSync('node_modules/web-tree-sitter/web-tree-sitter.wasm') });
const [lang, file] = process.argv.slice(2);
const l = await Language.load(readFileSync(`node_modules/tree-sitter-${lang}/tree-sitter-${lang}.wasm`));
const p = new Parser(); p.setLanguage(l);
const t = p.parse(readFileSync(file, 'utf8'));
function show(n, d, field) { if (!n.isNamed) return; console.log(' '.repeat(d*2) + (field? field+': ':'') + n.type + (n.childCount===0 ? ' ' + JSON.stringify(n.text) : '')); for (let i=0;i<n.childCount;i++) show(n.child(i), d+1, n.fieldNameForChild(i)); }
show(t.rootNode, 0);
