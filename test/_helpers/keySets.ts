/**
 * The field set of an event as sorted dotted paths (`Records[].s3.object.key`), values ignored.
 * Realism tests compare our events' key sets with key sets derived from real AWS samples.
 * Map-like objects whose keys are data (message attributes, DynamoDB images, EventBridge
 * details of custom events) are cut at the path given in `opaque`.
 */
export function keySet(value: unknown, opaque: readonly string[] = []): string[] {
  const out = new Set<string>();
  const walk = (node: unknown, path: string): void => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item, `${path}[]`);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    for (const [key, child] of Object.entries(node)) {
      if (child === undefined) continue;
      const childPath = path === '' ? key : `${path}.${key}`;
      out.add(childPath);
      if (!opaque.includes(childPath)) walk(child, childPath);
    }
  };
  walk(value, '');
  return [...out].sort();
}
