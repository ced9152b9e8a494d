import type * as z from 'zod/mini';

// zod's object parser does, for every field of every object, a run of its own (a result object, an issue
// list, the result handed back and looked at), and a webhook's Tracker is a few dozen fields: checking it
// cost more than the rest of reading the Tracker. Data that matches the schema, which is nearly all of it,
// needs none of that bookkeeping. `quickCheck` turns a schema into a plain function that checks a value and
// makes the same copy zod makes, or answers `notMatched`, and then zod itself parses the value and says
// what is wrong. It is made from the schema, so the schema stays the one place that says what is accepted:
// the plain kinds (object, array, string, optional, nullable) are checked here, and any other part, or
// one with checks of its own (`z.trim()`, `z.minLength()`), is handed to zod as it is.

/** What a quick check answers for a value that does not match (zod then says why). */
export const notMatched: unique symbol = Symbol('not matched');

type Check = (value: unknown) => unknown;

interface Def {
  type: string;
  checks?: readonly unknown[];
  innerType?: z.ZodMiniType;
  element?: z.ZodMiniType;
  shape?: Record<string, z.ZodMiniType>;
  catchall?: unknown;
}

function defOf(schema: z.ZodMiniType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** zod's own parse of `schema`, as a check. */
function byZod(schema: z.ZodMiniType): Check {
  return (value) => {
    const result = schema.safeParse(value);
    return result.success ? result.data : notMatched;
  };
}

function compile(schema: z.ZodMiniType): Check {
  const def = defOf(schema);
  if (def.checks?.length) return byZod(schema);
  switch (def.type) {
    case 'string':
      return (value) => (typeof value === 'string' ? value : notMatched);
    case 'optional': {
      const inner = compile(def.innerType!);
      return (value) => (value === undefined ? undefined : inner(value));
    }
    case 'nullable': {
      const inner = compile(def.innerType!);
      return (value) => (value === null ? null : inner(value));
    }
    case 'array': {
      const element = compile(def.element!);
      return (value) => {
        if (!Array.isArray(value)) return notMatched;
        const copy: unknown[] = new Array(value.length);
        for (let i = 0; i < value.length; i++) {
          const item = element(value[i]);
          if (item === notMatched) return notMatched;
          copy[i] = item;
        }
        return copy;
      };
    }
    case 'object': {
      // An object that keeps or refuses unknown fields (`catchall`) is zod's to parse.
      if (def.catchall !== undefined) return byZod(schema);
      const fields = Object.entries(def.shape!).map(([key, field]) => [key, compile(field)] as const);
      return (value) => {
        if (!isObject(value)) return notMatched;
        // Unknown fields are left out, as zod leaves them out; a field left out stays out of the copy.
        const copy: Record<string, unknown> = {};
        for (const [key, check] of fields) {
          const present = key in value;
          const item = check(value[key]);
          if (item === notMatched) return notMatched;
          if (present || item !== undefined) copy[key] = item;
        }
        return copy;
      };
    }
    default:
      return byZod(schema);
  }
}

/**
 * A check of `schema` that answers what zod's parse answers for a value that matches it (a copy with the
 * schema's fields only), and `notMatched` for any other value: give that one to zod for its issues.
 */
export function quickCheck<T extends z.ZodMiniType>(schema: T): (value: unknown) => z.infer<T> | typeof notMatched {
  return compile(schema) as (value: unknown) => z.infer<T> | typeof notMatched;
}
