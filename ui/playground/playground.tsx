// The playground page's script (dist/playground/playground.js): the real
// panel beside a simulated Miro or FigJam board. `?rules=figjam` starts
// with FigJam's rules.
import { render } from 'preact';
import type { BoardRules } from '../../src/simulator/simulated-board';
import { applyPanelStyle } from './apply-panel-style';
import { PlaygroundApp } from './playground-app';

const root = document.getElementById('app');
if (root) {
  const rules: BoardRules = new URLSearchParams(window.location.search).get('rules') === 'figjam' ? 'figjam' : 'miro';
  applyPanelStyle(rules);
  render(<PlaygroundApp initialRules={rules} manifestPath={root.dataset.manifestPath ?? 'manifest.json'} locale={navigator.language} />, root);
}
