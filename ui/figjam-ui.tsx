import { render } from 'preact';
import { createUiBridge } from './figjam-ui-bridge';
import { PanelApp } from './panel-app';

const root = document.getElementById('app');
if (root) {
  const bridge = createUiBridge({ self: window, parent });
  render(<PanelApp controller={bridge.controller} initialLocale={navigator.language} />, root);
}
