/**
 * State the reviewer set in a view and expects to find again when they come back to it in this
 * session (the library's order and filters, after opening a review): kept in sessionStorage.
 */
import { useCallback, useState } from 'react';
import type { z } from 'zod';

const PREFIX = 'factmark.';

/** Like useState, remembered for the session under `key`; a stored value `schema` refuses reads as `initial`. */
export function useSessionState<Schema extends z.ZodType>(key: string, schema: Schema, initial: z.output<Schema>): [z.output<Schema>, (next: z.output<Schema>) => void] {
  const [value, setValue] = useState<z.output<Schema>>(() => {
    try {
      const stored = sessionStorage.getItem(PREFIX + key);
      const parsed = stored === null ? null : schema.safeParse(JSON.parse(stored));
      return parsed?.success ? parsed.data : initial;
    } catch {
      return initial;
    }
  });
  const remember = useCallback(
    (next: z.output<Schema>) => {
      setValue(next);
      try {
        sessionStorage.setItem(PREFIX + key, JSON.stringify(next));
      } catch {
        // Storage full or refused: the choice still holds until the view closes.
      }
    },
    [key],
  );
  return [value, remember];
}
