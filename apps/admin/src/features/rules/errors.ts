/**
 * The server's field problems for one input: those naming its path exactly and those inside it
 * (`fit.0.value` also gathers `fit.0.value.2`; `fit.0.label` gathers `fit.0.label.fa`).
 */
export function errorsUnder(byField: Record<string, string[]>, ...paths: string[]): string[] {
  return Object.entries(byField).flatMap(([field, messages]) =>
    paths.some((path) => field === path || field.startsWith(`${path}.`)) ? messages : [],
  );
}

let counter = 0;
/** A key for `v-for` that stays with a row while rows are added, moved and removed. */
export const rowKey = (): number => ++counter;

/** Move the item at `index` by `step` (-1 up, +1 down), when there is room. */
export function move<T>(items: T[], index: number, step: -1 | 1): void {
  const to = index + step;
  if (to < 0 || to >= items.length) return;
  const [item] = items.splice(index, 1);
  items.splice(to, 0, item!);
}
