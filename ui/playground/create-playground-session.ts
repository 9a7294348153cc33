import { runPlugin } from '../../src/hosts/figjam/run-plugin';
import { createFigjamSimulatedBoard } from '../../src/simulator/create-figjam-simulated-board';
import { createMiroSimulatedBoard } from '../../src/simulator/create-miro-simulated-board';
import { createFakeFigma } from '../../src/simulator/fake-figma';
import { FakeMiroBoard } from '../../src/simulator/fake-miro-board';
import type { BoardRules, SimulatedBoard } from '../../src/simulator/simulated-board';
import { createUiBridge } from '../figjam-ui-bridge';
import { connectMiroPanel } from '../miro-map-service';
import type { PanelController } from '../../src/app/map-channel';
import { createPluginWindows } from './create-plugin-windows';

/** One empty board under one host's rules, and the panel controller that draws on it. */
export interface PlaygroundSession {
  /** Distinguishes sessions: a new one gets a fresh panel. */
  id: number;
  board: SimulatedBoard;
  controller: PanelController;
  /** How wide the host shows the panel, in CSS pixels. */
  panelWidth: number;
  /**
   * The panel closed and opened again, as a person does after editing the
   * board: Miro loads the panel anew (a fresh map service on the same
   * board); FigJam's window reconnects to the plugin, which reads the
   * selection again.
   */
  reopenPanel(): PanelController;
  /** Disconnects the panel from the board. */
  dispose(): void;
}

let sessionCount = 0;

// Miro shows an app's panel in a fixed column about 340 px wide; FigJam
// shows a plugin's window at the size its showUI call asks for.
const MIRO_PANEL_WIDTH = 340;
const DEFAULT_PLUGIN_WIDTH = 360;

/**
 * Starts an empty board with `rules`. Miro: the panel talks to the map
 * service over the Miro adapter on a fake `miro.board`, in one page, as in Miro. FigJam: the real
 * plugin main thread (`runPlugin`, command `open`) runs on a fake `figma`,
 * and the panel talks to it through the real UI bridge and message
 * envelopes, as in FigJam.
 */
export function createPlaygroundSession(rules: BoardRules, hostLocale: string): PlaygroundSession {
  sessionCount += 1;
  if (rules === 'miro') {
    const fake = new FakeMiroBoard();
    return {
      id: sessionCount,
      board: createMiroSimulatedBoard(fake),
      controller: connectMiroPanel(fake.asBoard(), { hostLocale }).controller,
      panelWidth: MIRO_PANEL_WIDTH,
      reopenPanel: () => connectMiroPanel(fake.asBoard(), { hostLocale }).controller,
      dispose: () => undefined,
    };
  }
  const fake = createFakeFigma({ command: 'open', viewportCenter: { x: 0, y: 0 } });
  const windows = createPluginWindows(fake);
  const bridge = createUiBridge(windows);
  // The panel's HTML is this page already: FigJam would load it into the iframe.
  void runPlugin(fake.api, { html: '' });
  return {
    id: sessionCount,
    board: createFigjamSimulatedBoard(fake),
    controller: bridge.controller,
    panelWidth: fake.shownUi?.options?.width ?? DEFAULT_PLUGIN_WIDTH,
    reopenPanel: () => bridge.controller,
    dispose: () => {
      bridge.dispose();
      windows.dispose();
    },
  };
}
