/**
 * Joins the core's call tables (handlers by domain, declared schemas) into one. Object spread would
 * let a call name defined in two tables silently answer with whichever came last; here it is a
 * programming error that stops the core from opening, naming the call and both tables.
 */

/** `A | B` → `A & B`: what a caller may use of the joined table. */
type Joined<U> = (U extends unknown ? (u: U) => void : never) extends (j: infer J) => void ? J : never;

/** The tables in `tables` (name → table) as one; throws if a call name stands in two of them. */
export function joinTables<const T extends Readonly<Record<string, object>>>(tables: T): Joined<T[keyof T]> {
  const joined: Record<string, unknown> = {};
  const owner = new Map<string, string>();
  for (const [table, calls] of Object.entries(tables)) {
    for (const [call, value] of Object.entries(calls)) {
      const first = owner.get(call);
      if (first !== undefined) throw new Error(`the call "${call}" is defined twice: in the ${first} table and in the ${table} table`);
      owner.set(call, table);
      joined[call] = value;
    }
  }
  return joined as Joined<T[keyof T]>;
}
