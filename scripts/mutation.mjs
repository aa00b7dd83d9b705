// Runs Stryker on each core module group (stryker.config.mjs), then prints each module's score:
// killed + timed-out over covered mutants (mutants no test reaches are counted apart), after the
// mutants marked `// Stryker disable … : reason` in the sources as equivalent.
// Usage: npm run test:mutation [-- group …]
import { spawnSync } from 'node:child_process';
import { readFileSync, existsSync } from 'node:fs';

const all = ['s3', 'dynamodb', 'pipes', 'batchResponses'];
const groups = process.argv.slice(2).length > 0 ? process.argv.slice(2) : all;
const stryker = 'node_modules/@stryker-mutator/core/bin/stryker.js';
const rows = [];
let failed = false;

for (const group of groups) {
  const run = spawnSync(process.execPath, [stryker, 'run', 'stryker.config.mjs'], {
    stdio: 'inherit',
    // Property tests run 25 cases per mutant unless AWS_EVENT_KIT_RUNS says otherwise: each mutant reruns its tests.
    env: { AWS_EVENT_KIT_RUNS: '25', ...process.env, MUTATION_GROUP: group },
  });
  const reportFile = `.tmp/mutation/${group}.json`;
  if (run.status !== 0 || !existsSync(reportFile)) {
    failed = true;
    rows.push({ group, module: '(stryker failed)', killed: 0, survived: 0, noCoverage: 0, score: NaN });
    continue;
  }
  const report = JSON.parse(readFileSync(reportFile, 'utf8'));
  for (const [file, { mutants }] of Object.entries(report.files)) {
    const count = (status) => mutants.filter((m) => m.status === status).length;
    const killed = count('Killed') + count('Timeout');
    const survived = count('Survived');
    rows.push({
      group,
      module: file,
      killed,
      survived,
      noCoverage: count('NoCoverage'),
      score: (100 * killed) / (killed + survived),
    });
  }
}

console.log('\nmodule                                        killed  survived  no coverage  score (covered)');
for (const row of rows) {
  console.log(
    `${row.module.padEnd(45)} ${String(row.killed).padStart(6)}  ${String(row.survived).padStart(8)}  ${String(row.noCoverage).padStart(11)}  ${Number.isNaN(row.score) ? '-' : `${row.score.toFixed(1)} %`}`,
  );
}
process.exit(failed ? 1 : 0);
