// Mocha entry point loaded by the extension host (extensionTestsPath).
import Mocha from 'mocha';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export function run(): Promise<void> {
  // HOST_TEST_GREP narrows the run to the tests whose title matches, e.g. while working on one feature.
  const grep = process.env.HOST_TEST_GREP;
  const mocha = new Mocha({
    ui: 'tdd',
    color: false,
    timeout: 20_000,
    reporter: 'spec',
    ...(grep ? { grep } : {}),
  });
  for (const file of readdirSync(__dirname).sort()) {
    if (file.endsWith('.test.js')) mocha.addFile(join(__dirname, file));
  }
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      console.log(
        `extension-host: ${runner.stats?.passes ?? 0} passed, ${runner.stats?.failures ?? 0} failed`,
      );
      if (failures > 0) reject(new Error(`${failures} extension-host tests failed`));
      else resolve();
    });
  });
}
