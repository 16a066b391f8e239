import type { ValueShape } from '../parse/facts';
import { afterLast } from '../text';

export type CallValue = Extract<ValueShape, { kind: 'call' }>;

/** Helpers to read Python values the scan kept whole. */
export namespace Shape {
  const MAX_TEXT = 80;

  export function isCall(shape: ValueShape | undefined): shape is CallValue {
    return shape?.kind === 'call';
  }

  /** A string literal's value, else undefined. */
  export function string(shape: ValueShape | undefined): string | undefined {
    return shape?.kind === 'string' ? shape.value : undefined;
  }

  /** A name's dotted text (`models.CASCADE`, `True`), else undefined. */
  export function name(shape: ValueShape | undefined): string | undefined {
    return shape?.kind === 'name' ? shape.value : undefined;
  }

  /** Python's `True`, JavaScript's `true`. */
  export function isTrue(shape: ValueShape | undefined): boolean {
    const written = name(shape);
    return written === 'True' || written === 'true';
  }

  /** Python's `False`, JavaScript's `false`: said in so many words, not merely absent. */
  export function isFalse(shape: ValueShape | undefined): boolean {
    const written = name(shape);
    return written === 'False' || written === 'false';
  }

  /** An object literal's property, else undefined. */
  export function property(shape: ValueShape | undefined, key: string): ValueShape | undefined {
    return shape?.kind === 'object' ? shape.properties[key] : undefined;
  }

  /** The items of a list, tuple or set; a single value stands for itself. */
  export function items(shape: ValueShape | undefined): ValueShape[] {
    if (!shape) return [];
    return shape.kind === 'list' ? shape.items : [shape];
  }

  /** The string items of a list (`["user", "-created"]`). */
  export function strings(shape: ValueShape | undefined): string[] {
    return items(shape).flatMap((item) => (item.kind === 'string' ? [item.value] : []));
  }

  /** The last part of a dotted callee: `models.ForeignKey` → `ForeignKey`. */
  export function lastName(dotted: string): string {
    return afterLast(dotted, '.');
  }

  /** The value back as short source text, for types, defaults and checks shown to the reader. */
  export function text(shape: ValueShape | undefined, limit = MAX_TEXT): string {
    const full = render(shape);
    return full.length > limit ? `${full.slice(0, limit - 1)}…` : full;
  }

  function render(shape: ValueShape | undefined): string {
    if (!shape) return '';
    switch (shape.kind) {
      case 'call': {
        const args = [...shape.args.map(render), ...Object.entries(shape.keywords).map(([key, value]) => `${key}=${render(value)}`)];
        return `${shape.receiver ? `${render(shape.receiver)}.` : ''}${shape.callee}(${args.join(', ')})`;
      }
      case 'string':
        return JSON.stringify(shape.value);
      case 'number':
      case 'name':
        return shape.value;
      case 'list':
        return `[${shape.items.map(render).join(', ')}]`;
      case 'object':
        return `{ ${Object.entries(shape.properties).map(([key, value]) => `${key}: ${render(value)}`).join(', ')} }`;
      case 'dict':
        return `{${shape.entries.map(({ key, value }) => `${render(key)}: ${render(value)}`).join(', ')}}`;
      case 'other':
        return shape.text;
    }
  }

  /** One call of a chain: `filter(...)` in `Order.objects.filter(...).all()`. */
  export interface ChainStep {
    method: string;
    call: CallValue;
  }

  /**
   * A method chain from its root: `Order.objects.filter(a=1).select_related("user")` is root
   * `Order.objects`, steps `filter`, `select_related`. Undefined for values that are no chain.
   */
  export function chain(shape: ValueShape | undefined): { root: string; steps: ChainStep[] } | undefined {
    const steps: ChainStep[] = [];
    let current = shape;
    while (current?.kind === 'call' && current.receiver) {
      steps.unshift({ method: current.callee, call: current });
      current = current.receiver;
    }
    if (current?.kind === 'name') return { root: current.value, steps };
    if (current?.kind !== 'call') return undefined;
    const dot = current.callee.lastIndexOf('.');
    if (dot < 0) return { root: '', steps: [{ method: current.callee, call: current }, ...steps] };
    return { root: current.callee.slice(0, dot), steps: [{ method: current.callee.slice(dot + 1), call: current }, ...steps] };
  }
}
