// The FigJam plugin's main thread (bundled into dist/figjam/code.js). It
// exports nothing: it runs the command FigJam started it with.
import { runPlugin } from './run-plugin';

void runPlugin(figma, { html: __html__ });
