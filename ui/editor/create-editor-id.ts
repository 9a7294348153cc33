/**
 * A new id with `prefix` (`card`, `stage`, `lane`, `persona`) that no id in
 * `taken` uses, short and readable: `card:n1`, `card:n2`… The journey schema
 * allows letters, digits, `_ . -` after the prefix.
 */
export function createEditorId<P extends string>(prefix: P, taken: Iterable<string>): `${P}:${string}` {
  const used = new Set(taken);
  for (let index = 1; ; index += 1) {
    const id = `${prefix}:n${index}` as const;
    if (!used.has(id)) return id;
  }
}
