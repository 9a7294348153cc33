import { runCli } from './run-cli';

process.exitCode = runCli(process.argv.slice(2));
