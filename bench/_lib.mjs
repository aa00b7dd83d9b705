// Shared benchmark helpers. Machines here are noisy: every figure is reported as a ratio
// against a baseline measured in the same run, never as an absolute pass/fail time.
import { Bench } from 'tinybench';

/**
 * Runs the named tasks side by side and returns mean nanoseconds per operation.
 * @param {Record<string, () => unknown>} tasks
 * @param {{ time?: number, warmupTime?: number }} [options]
 */
export async function measure(tasks, options = {}) {
  const bench = new Bench({ time: options.time ?? 400, warmupTime: options.warmupTime ?? 100 });
  for (const [name, fn] of Object.entries(tasks)) bench.add(name, fn);
  await bench.run();
  const out = {};
  for (const task of bench.tasks) out[task.name] = task.result.latency.mean * 1e6; // ms → ns
  return out;
}

/** Formats ns/op for humans. */
export function formatNs(ns) {
  return ns >= 1e6 ? `${(ns / 1e6).toFixed(2)} ms` : ns >= 1e3 ? `${(ns / 1e3).toFixed(2)} µs` : `${ns.toFixed(0)} ns`;
}

/**
 * Prints one row per task: ns/op and the ratio against `baseline` (a task name in `results`).
 * `target` (optional) is the ratio the task must stay within; the row says whether it is met.
 */
export function report(title, results, baseline, targets = {}) {
  console.log(`\n## ${title} (baseline: ${baseline})`);
  const base = results[baseline];
  for (const [name, ns] of Object.entries(results)) {
    const ratio = ns / base;
    const target = targets[name];
    const verdict =
      target === undefined ? '' : ratio <= target ? `  ok (≤ ${target}×)` : `  OVER (target ≤ ${target}×)`;
    console.log(`${name.padEnd(58)} ${formatNs(ns).padStart(11)}  ${ratio.toFixed(2).padStart(7)}×${verdict}`);
  }
}
