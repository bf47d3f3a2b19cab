// Runs the CLI from source in a child process (for tests that kill or time a real process).
import { main } from "../../src/cli/main.js";

process.exitCode = await main(process.argv.slice(2));
