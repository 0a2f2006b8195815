import { Command, CommanderError } from 'commander';
import { SOFTWARE_VERSION } from '../version';
import { registerCentral } from './commands/central';
import { registerDb } from './commands/db';
import { registerDemo } from './commands/demo';
import { registerDiagnostics } from './commands/diagnostics';
import { registerExport } from './commands/export';
import { registerGs1 } from './commands/gs1';
import { registerLog } from './commands/log';
import { registerSampling } from './commands/sampling';
import { registerScanner } from './commands/scanner';
import { registerServe } from './commands/serve';
import { registerShelfLife } from './commands/shelf-life';
import { registerSync } from './commands/sync';
import { registerTrace } from './commands/trace';
import { registerVision } from './commands/vision';
import { registerVisionLabel } from './commands/vision-label';
import { CommandFailed, UsageError } from './errors';

export function buildProgram(): Command {
  const program = new Command('qcs')
    .description('Intake QC Station: the receiving-dock quality-control station')
    .version(SOFTWARE_VERSION)
    .showHelpAfterError('(add --help for usage)');
  registerServe(program);
  registerDemo(program);
  registerDb(program);
  registerLog(program);
  registerScanner(program);
  registerGs1(program);
  registerSampling(program);
  registerShelfLife(program);
  registerVisionLabel(registerVision(program));
  registerExport(program);
  registerTrace(program);
  registerCentral(program);
  registerSync(program);
  registerDiagnostics(program);
  // Usage mistakes anywhere in the tree exit with code 2 and one line, not a stack trace.
  const configure = (cmd: Command) => {
    cmd.exitOverride().configureOutput({
      writeErr: (text) => process.stderr.write(text.split('\n')[0] + '\n'),
      outputError: (text, write) => write(text),
    });
    cmd.showHelpAfterError(false);
    cmd.commands.forEach(configure);
  };
  configure(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version also come through here, with exit code 0.
      return err.exitCode === 0 ? 0 : 2;
    }
    if (err instanceof UsageError) {
      process.stderr.write(`qcs: ${err.message}\n`);
      return 2;
    }
    if (err instanceof CommandFailed) {
      process.stderr.write(`${err.message}\n`);
      return 1;
    }
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`qcs: ${message}\n`);
    return 1;
  }
}
