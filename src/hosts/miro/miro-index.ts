import type { Miro } from '@mirohq/websdk-types';

/** The part of the Web SDK the app entry uses. */
export interface MiroAppSdk {
  board: {
    ui: Pick<Miro['board']['ui'], 'on' | 'off' | 'openPanel'>;
    notifications: Pick<Miro['board']['notifications'], 'showError'>;
  };
}

/** The panel page, next to `index.html` in `dist/miro/`. */
export const MIRO_PANEL_URL = 'panel.html';

/**
 * Wires the headless app entry (the manifest's `sdkUri`): a click on the
 * app's toolbar icon opens the panel, which draws and regenerates maps
 * (https://developers.miro.com/docs/add-icon-click-to-your-app,
 * https://developers.miro.com/docs/ui_boardui). Returns a
 * disposer that removes the handler.
 */
export function registerMiroApp(sdk: MiroAppSdk): () => void {
  const handleIconClick = (): void => {
    sdk.board.ui.openPanel({ url: MIRO_PANEL_URL }).catch((error: unknown) => {
      const reason = error instanceof Error ? error.message : String(error);
      void sdk.board.notifications.showError(`CJM Board could not open its panel (${reason}); close other app panels and click the icon again.`);
    });
  };
  void sdk.board.ui.on('icon:click', handleIconClick);
  return () => void sdk.board.ui.off('icon:click', handleIconClick);
}

// Miro loads this script in a hidden iframe with the SDK as the global
// `miro`; elsewhere (tests, the playground) the entry does nothing.
if (typeof globalThis.miro !== 'undefined') registerMiroApp(globalThis.miro);
