/**
 * A word table with no prototype: `word in table` and `table[word]` see only its own entries, so a text's
 * "constructor" or "toString" is not taken for one of them.
 */
export function dictionary<T>(entries: Readonly<Record<string, T>>): Readonly<Record<string, T>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));
}
