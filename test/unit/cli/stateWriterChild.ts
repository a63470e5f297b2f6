// A separate process that edits a state file the way the CLI does (read, change, save under the lock with a
// merge), started by stateConcurrency.test.ts. It waits for "go" so that several start at the same instant.
import { addTag } from '../../../src/core/triage';
import { readState, saveStateChanges } from '../../../src/cli/stateFile';

const [path, paperId, prefix, count] = process.argv.slice(2) as [string, string, string, string];

process.once('message', async () => {
  for (let i = 0; i < Number(count); i++) {
    const asRead = await readState(path);
    const next = addTag(asRead, { id: paperId, title: paperId }, `${prefix}${i}`, new Date().toISOString());
    await saveStateChanges(path, asRead, next);
  }
  process.send!('done', () => process.exit(0));
});
process.send!('ready');
