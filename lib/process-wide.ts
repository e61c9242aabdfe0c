/**
 * One value per process under `name`, created on first use. The Next bundle and server/ (run by
 * tsx) load separate copies of our modules in the same process; a module-level variable would be
 * two values, this is one.
 */
export function processWide<T>(name: string, create: () => T): T {
  const key = Symbol.for(`briefing-editor.${name}`);
  const registry = globalThis as typeof globalThis & { [key: symbol]: T | undefined };
  registry[key] ??= create();
  return registry[key];
}
