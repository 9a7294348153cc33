import { createMapClient, type MapClient } from '../src/app/map-channel';

/** The window pair the bridge talks through: the iframe and its parent (FigJam). */
export interface UiBridgeWindows {
  self: Pick<Window, 'addEventListener' | 'removeEventListener'>;
  parent: Pick<Window, 'postMessage'>;
}

/** The panel's end of the map channel over FigJam's messages, and the disposer of its listener. */
export interface UiBridge extends MapClient {
  dispose(): void;
}

/**
 * Connects the panel iframe to the plugin's map service: requests go out as
 * `{ pluginMessage }` envelopes to the parent, answers come back as
 * `message` events (https://developers.figma.com/docs/plugins/creating-ui).
 * Every message received is checked before it is acted on; a request the
 * plugin leaves unanswered fails after `timeoutMs` (the channel's default
 * when not given). Nothing is registered until this is called.
 */
export function createUiBridge(windows: UiBridgeWindows, options: { timeoutMs?: number } = {}): UiBridge {
  const client = createMapClient((envelope) => windows.parent.postMessage({ pluginMessage: envelope }, '*'), options);
  const handleMessage = (event: MessageEvent) => {
    const data: unknown = event.data;
    if (typeof data === 'object' && data !== null && 'pluginMessage' in data) client.receive((data).pluginMessage);
  };
  windows.self.addEventListener('message', handleMessage as EventListener);
  return { ...client, dispose: () => windows.self.removeEventListener('message', handleMessage as EventListener) };
}
