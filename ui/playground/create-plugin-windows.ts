import type { FakeFigma } from '../../src/simulator/fake-figma';
import type { UiBridgeWindows } from '../figjam-ui-bridge';

/** The window pair of the panel, and the function that disconnects it. */
export interface PluginWindows extends UiBridgeWindows {
  dispose(): void;
}

/** One macrotask later, as postMessage delivers. */
const deliverLater = (deliver: () => void): void => void setTimeout(deliver, 0);

/**
 * Stands in for the plugin iframe and FigJam around it, in one page: what
 * the panel posts to `parent` (`{ pluginMessage }` envelopes) reaches the
 * fake's plugin through `sendFromUi`, and what the plugin posts with
 * `figma.ui.postMessage` arrives on `self` as a `message` event with a
 * `{ pluginMessage }` envelope. Both ways are asynchronous and copy the
 * message, like postMessage.
 */
export function createPluginWindows(fake: FakeFigma): PluginWindows {
  const self = new EventTarget();
  let connected = true;
  const stopListening = fake.listenToUiMessages((message) =>
    deliverLater(() => {
      if (connected) self.dispatchEvent(new MessageEvent('message', { data: { pluginMessage: message } }));
    }),
  );
  return {
    self,
    parent: {
      postMessage: (data: unknown) => {
        const copy: unknown = structuredClone(data);
        deliverLater(() => {
          if (connected && typeof copy === 'object' && copy !== null && 'pluginMessage' in copy) fake.sendFromUi(copy.pluginMessage);
        });
      },
    },
    dispose: () => {
      connected = false;
      stopListening();
    },
  };
}
