/**
 * The list a map holds for a key, made empty when first asked for, to push to: a map whose lists
 * are copied with each new item (`[...(map.get(key) ?? []), item]`) costs the square of their length.
 */
export function listIn<K, V>(lists: Map<K, V[]>, key: K): V[] {
  let list = lists.get(key);
  if (!list) lists.set(key, (list = []));
  return list;
}
